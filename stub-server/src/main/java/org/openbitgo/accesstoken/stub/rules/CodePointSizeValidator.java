package org.openbitgo.accesstoken.stub.rules;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;

/**
 * {@code @Size} on a string as the spec means it: the generator turns {@code maxLength} into
 * {@code @Size}, but JSON Schema counts code points while Bean Validation counts UTF-16 units, so
 * 256 emoji (512 units) would be refused under {@code maxLength: 256}. Registered for {@code
 * String} in {@link ContractValidation#newValidator()}; Hibernate Validator picks it over its own
 * {@code CharSequence} validator as the more specific one.
 */
public final class CodePointSizeValidator implements ConstraintValidator<Size, String> {

  private int min;
  private int max;

  @Override
  public void initialize(Size size) {
    this.min = size.min();
    this.max = size.max();
  }

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    return value == null || within(value, min, max);
  }

  /** Whether {@code value} has {@code min} to {@code max} code points. */
  static boolean within(String value, int min, int max) {
    int length = value.codePointCount(0, value.length());
    return length >= min && length <= max;
  }
}
