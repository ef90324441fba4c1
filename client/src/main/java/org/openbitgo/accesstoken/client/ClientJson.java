package org.openbitgo.accesstoken.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.openbitgo.accesstoken.contract.ContractJson;

/**
 * The JSON mapper the client reads and writes the models with, for callers who read or write them
 * themselves (a cached answer, a fixture): {@link ContractJson}'s settings, and timestamps in the
 * one form the contract emits read without {@code DateTimeFormatter}.
 */
public final class ClientJson {

  private ClientJson() {}

  /** A new mapper with the client's settings. */
  public static ObjectMapper newObjectMapper() {
    return ContractJson.newObjectMapper()
        .registerModule(
            new SimpleModule("contract-timestamp-reader")
                .addDeserializer(OffsetDateTime.class, new TimestampReader(null)));
  }

  /**
   * Reads {@code 2026-11-27T23:09:43.470Z} (UTC, milliseconds: {@link ContractJson#TIMESTAMP}, all
   * a contract peer sends) digit by digit, and hands every other text or token to JavaTimeModule's
   * reader, so what is accepted, how it is read and how a bad value is reported stay its own. An
   * answer carries four timestamps; through the general ISO parser they took two thirds of the time
   * to read a create answer into the models.
   */
  static final class TimestampReader extends StdDeserializer<OffsetDateTime>
      implements ContextualDeserializer {
    private static final long serialVersionUID =
        1L; // Serializable only through Jackson's base class

    /** {@code uuuu-MM-ddTHH:mm:ss.SSSZ} */
    private static final int LENGTH = 24;

    private final JsonDeserializer<OffsetDateTime> general;

    TimestampReader(JsonDeserializer<OffsetDateTime> general) {
      super(OffsetDateTime.class);
      this.general = general == null ? InstantDeserializer.OFFSET_DATE_TIME : general;
    }

    @Override
    @SuppressWarnings("unchecked")
    public JsonDeserializer<?> createContextual(
        DeserializationContext context, BeanProperty property) throws JsonMappingException {
      // a @JsonFormat on the property (none in the generated models) reaches the general reader
      JsonDeserializer<?> contextual =
          ((ContextualDeserializer) InstantDeserializer.OFFSET_DATE_TIME)
              .createContextual(context, property);
      return contextual == general
          ? this
          : new TimestampReader((JsonDeserializer<OffsetDateTime>) contextual);
    }

    @Override
    public OffsetDateTime deserialize(JsonParser in, DeserializationContext context)
        throws IOException {
      if (in.currentToken() == JsonToken.VALUE_STRING
          && in.getTextLength() == LENGTH
          // adjusting to the mapper's time zone is the general reader's job
          && !context.isEnabled(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          && general == InstantDeserializer.OFFSET_DATE_TIME) {
        OffsetDateTime read = readContractForm(in.getText());
        if (read != null) {
          return read;
        }
      }
      return general.deserialize(in, context);
    }

    /** The timestamp, or null when the text is not exactly the contract's form of a real time. */
    static OffsetDateTime readContractForm(String text) {
      if (text.length() != LENGTH
          || text.charAt(4) != '-'
          || text.charAt(7) != '-'
          || text.charAt(10) != 'T'
          || text.charAt(13) != ':'
          || text.charAt(16) != ':'
          || text.charAt(19) != '.'
          || text.charAt(23) != 'Z') {
        return null;
      }
      int year = digits(text, 0, 4);
      int month = digits(text, 5, 2);
      int day = digits(text, 8, 2);
      int hour = digits(text, 11, 2);
      int minute = digits(text, 14, 2);
      int second = digits(text, 17, 2);
      int millis = digits(text, 20, 3);
      if ((year | month | day | hour | minute | second | millis) < 0) {
        return null;
      }
      try {
        return OffsetDateTime.of(
            year, month, day, hour, minute, second, millis * 1_000_000, ZoneOffset.UTC);
      } catch (DateTimeException notARealTime) {
        return null; // e.g. February 30th: the general reader reports it
      }
    }

    /** The decimal value of {@code count} ASCII digits, or -1 if any is not one. */
    private static int digits(String text, int from, int count) {
      int value = 0;
      for (int i = from; i < from + count; i++) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          return -1;
        }
        value = value * 10 + (c - '0');
      }
      return value;
    }
  }
}
