package org.openbitgo.accesstoken.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The Jackson settings this contract needs, shared by the client, the server stubs and the tests so
 * that every JVM side reads and writes the same bytes.
 */
public final class ContractJson {

  /**
   * The one timestamp format the contract emits: UTC, millisecond precision ({@code
   * 2026-11-27T10:15:30.000Z}); {@link #formatTimestamp} converts other offsets to UTC. Pact pins
   * exactly this shape.
   */
  public static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

  private ContractJson() {}

  /**
   * A mapper for this contract:
   *
   * <ul>
   *   <li>unset optional fields are left out, never sent as {@code null};
   *   <li>unknown fields are ignored, so older readers survive newer writers;
   *   <li>decimals are read as {@code BigDecimal} and written plainly ({@code 100000000}, not
   *       {@code 1E+8});
   *   <li>timestamps are ISO-8601 strings in {@link #TIMESTAMP}, and the offset read is kept.
   * </ul>
   */
  public static ObjectMapper newObjectMapper() {
    return configure(JsonMapper.builder().build());
  }

  /** Applies the contract's settings to an existing mapper (e.g. one a framework created). */
  public static ObjectMapper configure(ObjectMapper mapper) {
    SimpleModule timestamps = new SimpleModule("contract-timestamps");
    timestamps.addSerializer(OffsetDateTime.class, new TimestampWriter());
    return mapper
        .registerModule(new JavaTimeModule())
        .registerModule(timestamps)
        .setDefaultPropertyInclusion(
            // what the deprecated setSerializationInclusion(NON_NULL) set: map contents untouched
            JsonInclude.Value.construct(
                JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS))
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
  }

  /** Formats a timestamp exactly as the contract emits it: in UTC, with milliseconds. */
  public static String formatTimestamp(OffsetDateTime timestamp) {
    return TIMESTAMP.format(timestamp.withOffsetSameInstant(ZoneOffset.UTC));
  }

  private static final class TimestampWriter extends StdSerializer<OffsetDateTime> {
    private static final long serialVersionUID =
        1L; // Serializable only through Jackson's base class

    /**
     * A document tends to repeat its timestamps (an access token carries its creation and expiry
     * twice each): the last two texts written on this thread are reused instead of formatted again.
     */
    private static final ThreadLocal<RecentTimestamps> RECENT =
        ThreadLocal.withInitial(RecentTimestamps::new);

    TimestampWriter() {
      super(OffsetDateTime.class);
    }

    @Override
    public void serialize(OffsetDateTime value, JsonGenerator out, SerializerProvider provider)
        throws IOException {
      out.writeString(RECENT.get().format(value));
    }
  }

  /** The texts of the two timestamps formatted last, replaced in turn. */
  private static final class RecentTimestamps {
    private OffsetDateTime first;
    private String firstText;
    private OffsetDateTime second;
    private String secondText;
    private boolean replaceFirst = true;

    String format(OffsetDateTime value) {
      // equal date-time and offset: the same UTC text
      if (value.equals(first)) {
        return firstText;
      }
      if (value.equals(second)) {
        return secondText;
      }
      String text = formatTimestamp(value);
      if (replaceFirst) {
        first = value;
        firstText = text;
      } else {
        second = value;
        secondText = text;
      }
      replaceFirst = !replaceFirst;
      return text;
    }
  }
}
