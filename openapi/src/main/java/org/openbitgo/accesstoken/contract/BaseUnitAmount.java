package org.openbitgo.accesstoken.contract;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount in a coin's base units, as the contract's {@code BaseUnitAmount} schema defines it: a
 * string of decimal digits or a JSON integer, of any size.
 *
 * <p>The generators turn that {@code oneOf} into an empty class, so both generated modules map the
 * schema to this type instead. It keeps every digit (it never passes through {@code double}) and
 * remembers which of the two wire forms it was read from, so a value is written back exactly as it
 * came.
 */
@JsonDeserialize(using = BaseUnitAmount.Reader.class)
public final class BaseUnitAmount {

  /** The string form's pattern in the spec: 1 to 78 decimal digits. */
  private static final Pattern DIGITS = ContractFacts.AMOUNT_DIGITS;

  /**
   * The most digits an amount may have in either form (78, which hold 2^256): the upper bound of
   * the spec's {@code [0-9]{1,N}} pattern.
   */
  public static final int MAX_DIGITS = upperBoundOf(DIGITS);

  private final String digits;
  private final boolean writtenAsString;

  private BaseUnitAmount(String digits, boolean writtenAsString) {
    this.digits = digits;
    this.writtenAsString = writtenAsString;
  }

  /** The string form, e.g. {@code "123456789012345678901234567890"}. */
  public static BaseUnitAmount ofString(String digits) {
    if (digits == null || !DIGITS.matcher(digits).matches()) {
      throw new IllegalArgumentException(
          "a base-unit amount must be 1 to 78 decimal digits, got \"" + digits + "\"");
    }
    return new BaseUnitAmount(digits, true);
  }

  /** The number form, e.g. {@code 100000000}. */
  public static BaseUnitAmount ofNumber(BigInteger value) {
    Objects.requireNonNull(value, "value");
    if (value.signum() < 0) {
      throw new IllegalArgumentException("a base-unit amount cannot be negative, got " + value);
    }
    String digits = value.toString();
    if (digits.length() > MAX_DIGITS) {
      throw new IllegalArgumentException(
          "a base-unit amount has at most " + MAX_DIGITS + " digits, got " + digits.length());
    }
    return new BaseUnitAmount(digits, false);
  }

  /** The number form of a value that fits a {@code long}. */
  public static BaseUnitAmount ofNumber(long value) {
    return ofNumber(BigInteger.valueOf(value));
  }

  /** The exact value. */
  public BigInteger toBigInteger() {
    return new BigInteger(digits);
  }

  /** The digits as they travel on the wire (leading zeros of the string form included). */
  public String digits() {
    return digits;
  }

  /** Whether the amount is written as a JSON string ({@code true}) or a JSON integer. */
  public boolean isWrittenAsString() {
    return writtenAsString;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BaseUnitAmount that
        && writtenAsString == that.writtenAsString
        && digits.equals(that.digits);
  }

  @Override
  public int hashCode() {
    return Objects.hash(digits, writtenAsString);
  }

  /** What Jackson writes: the digits as a JSON string, or as a JSON integer of any size. */
  @JsonValue
  Object wireForm() {
    return writtenAsString ? digits : new BigInteger(digits);
  }

  @Override
  public String toString() {
    return writtenAsString ? '"' + digits + '"' : digits;
  }

  static final class Reader extends StdDeserializer<BaseUnitAmount> {
    private static final long serialVersionUID =
        1L; // Serializable only through Jackson's base class

    Reader() {
      super(BaseUnitAmount.class);
    }

    @Override
    public BaseUnitAmount deserialize(JsonParser in, DeserializationContext context)
        throws IOException {
      JsonToken token = in.currentToken();
      try {
        if (token == JsonToken.VALUE_STRING) {
          return ofString(in.getText());
        }
        if (token == JsonToken.VALUE_NUMBER_INT) {
          // Check the length of the text before building the number: no work for a huge one.
          if (in.getTextLength() > MAX_DIGITS) {
            throw new IllegalArgumentException(
                "a base-unit amount has at most " + MAX_DIGITS + " digits");
          }
          return ofNumber(in.getBigIntegerValue());
        }
        // The spec's number form is an integer. A fraction or an exponent (1e8, 100.0, and
        // 1e400000000, whose expansion alone would take minutes) is refused without evaluating it.
      } catch (IllegalArgumentException e) {
        return (BaseUnitAmount)
            context.handleWeirdStringValue(
                BaseUnitAmount.class, in.getText(), "not a base-unit amount: %s", e.getMessage());
      }
      return (BaseUnitAmount)
          context.handleUnexpectedToken(
              BaseUnitAmount.class,
              token,
              in,
              "a base-unit amount must be a string of 1 to "
                  + MAX_DIGITS
                  + " digits or a non-negative integer without fraction or exponent");
    }
  }

  private static int upperBoundOf(Pattern digits) {
    Matcher bound = Pattern.compile("\\[0-9]\\{1,(\\d+)}").matcher(digits.pattern());
    if (!bound.matches()) {
      throw new IllegalStateException("the amount pattern is not [0-9]{1,N}: " + digits);
    }
    return Integer.parseInt(bound.group(1));
  }
}
