package org.openbitgo.accesstoken.stub.rules;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.io.IOException;
import org.openbitgo.accesstoken.contract.ContractJson;

/**
 * The contract's Jackson settings ({@link ContractJson}) made strict for a server: the stub must
 * reject what the schema rejects instead of quietly converting it.
 */
public final class StrictContractJson {

  /** Deepest JSON nesting accepted; deeper input gets 400 before it can exhaust the stack. */
  public static final int MAX_NESTING_DEPTH = 32;

  /** What an {@link UnicodeStrings} refusal says, which {@link JsonErrorDescriber} recognizes. */
  static final String UNPAIRED_SURROGATE = "an unpaired UTF-16 surrogate";

  private StrictContractJson() {}

  /**
   * Strings as Jackson reads them, refused when they hold an unpaired surrogate ({@code "\ud800"}
   * escaped in JSON): such a string is not Unicode, and no UTF-8 writer (Python's, Go's, a
   * database's) can carry the label on.
   */
  static final class UnicodeStrings extends StringDeserializer {
    private static final long serialVersionUID = 1L; // Serializable only through Jackson's base

    @Override
    public String deserialize(JsonParser in, DeserializationContext context) throws IOException {
      String value = super.deserialize(in, context);
      if (value != null && hasUnpairedSurrogate(value)) {
        return (String) context.handleWeirdStringValue(String.class, value, UNPAIRED_SURROGATE);
      }
      return value;
    }

    static boolean hasUnpairedSurrogate(String value) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
          if (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
            return true;
          }
          i++;
        } else if (Character.isLowSurrogate(c)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * @param maxRequestBodyBytes the largest body read: no string in it can be longer
   */
  public static ObjectMapper newMapper(int maxRequestBodyBytes) {
    JsonFactory factory =
        JsonFactory.builder()
            // deep nesting is a cheap way to exhaust a parser's stack: refuse it early
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(maxRequestBodyBytes)
                    .maxNumberLength(100)
                    .build())
            // {"label":"a","label":"b"} is ambiguous: which one would a real server keep?
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    ObjectMapper mapper =
        JsonMapper.builder(factory)
            // "duration": "60" or "admin": 1 are wrong types in the schema, not values to convert
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();
    ContractJson.configure(mapper);
    // property access through generated lambdas instead of reflection: about a tenth of the
    // stub's CPU went to Method.invoke in reading and writing the models
    mapper.registerModule(new BlackbirdModule());
    mapper
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    // "scope": null is not the schema's "scope" left out: no property is nullable in the spec
    mapper.setDefaultSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL, Nulls.FAIL));
    mapper.registerModule(
        new SimpleModule("unicode-strings").addDeserializer(String.class, new UnicodeStrings()));
    // "label": 5 must not become "5"
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }
}
