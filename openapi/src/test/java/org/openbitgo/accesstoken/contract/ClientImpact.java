package org.openbitgo.accesstoken.contract;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openbitgo.accesstoken.contract.ContractChanges.Effect;

/**
 * What a contract change means for a client generated from the spec with openapi-generator's
 * default options, per language (typescript-fetch, python, go, java), derived from the gate's
 * {@link Effect}s: a table in the change report.
 */
public final class ClientImpact {

  /** The generated clients the report speaks for, in the report's column order. */
  public enum Language {
    TYPESCRIPT("TypeScript"),
    PYTHON("Python"),
    GO("Go"),
    JAVA("Java");

    final String title;

    Language(String title) {
      this.title = title;
    }
  }

  /** {@code type} or {@code type/format} to each language's generated type. */
  private static final Map<String, List<String>> TYPES =
      Map.ofEntries(
          Map.entry("string", List.of("string", "str", "string", "String")),
          Map.entry("string/date-time", List.of("Date", "datetime", "time.Time", "OffsetDateTime")),
          Map.entry("string/date", List.of("Date", "date", "string", "LocalDate")),
          Map.entry("integer", List.of("number", "int", "int32", "Integer")),
          Map.entry("integer/int32", List.of("number", "int", "int32", "Integer")),
          Map.entry("integer/int64", List.of("number", "int", "int64", "Long")),
          Map.entry("number", List.of("number", "float", "float32", "BigDecimal")),
          Map.entry("number/float", List.of("number", "float", "float32", "Float")),
          Map.entry("number/double", List.of("number", "float", "float64", "Double")),
          Map.entry("boolean", List.of("boolean", "bool", "bool", "Boolean")),
          Map.entry("array", List.of("Array", "List", "[]", "List")),
          Map.entry("object", List.of("object", "Dict", "map[string]interface{}", "Object")),
          Map.entry(
              "oneOf",
              List.of(
                  "a union type",
                  "a oneOf wrapper class",
                  "a oneOf wrapper struct",
                  "a oneOf wrapper class")),
          Map.entry("any", List.of("any", "Any", "interface{}", "Object")));

  private ClientImpact() {}

  /** The report's section: one row per change that reaches generated code. */
  static String markdown(List<Effect> effects) {
    StringBuilder md = new StringBuilder("## What it means for generated clients\n\n");
    if (effects.isEmpty()) {
      return md.append("Nothing: code generated from the spec is the same in every language.\n\n")
          .toString();
    }
    md.append("For a client generated with openapi-generator's default options (typescript-fetch,")
        .append(" python, go, java).\n\n| change |");
    for (Language l : Language.values()) {
      md.append(' ').append(l.title).append(" |");
    }
    md.append("\n|---|---|---|---|---|\n");
    for (Effect e : effects) {
      md.append("| ").append(change(e)).append(" |");
      for (Language l : Language.values()) {
        md.append(' ').append(describe(e, l)).append(" |");
      }
      md.append('\n');
    }
    return md.append('\n').toString();
  }

  /** What the change means in one language, in a few words. */
  public static String describe(Effect e, Language l) {
    String p = leaf(e.subject());
    return switch (e.kind()) {
      case PROPERTY_REMOVED ->
          pick(
              l,
              "field `" + p + "` disappears from the interface (compile error where used)",
              "attribute `" + snake(p) + "` disappears from the model",
              "field `"
                  + pascal(p)
                  + "` and `Get"
                  + pascal(p)
                  + "`/`Set"
                  + pascal(p)
                  + "` disappear (compile error)",
              "`get" + pascal(p) + "()`/`set" + pascal(p) + "()` disappear (compile error)");
      case PROPERTY_ADDED ->
          pick(
              l,
              "optional field `" + p + "?` added",
              "optional attribute `" + snake(p) + "` added (default `None`)",
              "pointer field `"
                  + pascal(p)
                  + "` added with `Get"
                  + pascal(p)
                  + "`/`Has"
                  + pascal(p)
                  + "`",
              "`get" + pascal(p) + "()`/`set" + pascal(p) + "()` added");
      case TYPE_CHANGED -> {
        String from = type(e.before(), l);
        String to = type(e.after(), l);
        yield from.equals(to)
            ? "`" + p + "` stays " + to
            : "`"
                + p
                + "`: "
                + from
                + " becomes "
                + to
                + (compiles(l, e.before()) ? "" : " (compile error where used)");
      }
      case SCHEMA_REMOVED ->
          pick(
              l,
              "interface `" + p + "` and its `" + p + "FromJSON`/`" + p + "ToJSON` disappear",
              "class `" + p + "` disappears from `models`",
              "type `" + p + "` disappears",
              "class `" + p + "` disappears");
      case SCHEMA_ADDED ->
          pick(
              l,
              "interface `" + p + "` added",
              "class `" + p + "` added",
              "type `" + p + "` added",
              "class `" + p + "` added");
      case BECAME_REQUIRED ->
          pick(
              l,
              "field `" + p + "` is no longer optional (compile error where omitted)",
              "`" + snake(p) + "` becomes a required argument of the model",
              "the model's `New...` constructor takes `" + p + "` (compile error)",
              "no compile error: omitting `" + p + "` is refused by the server");
      case BECAME_NULLABLE ->
          pick(
              l,
              "`" + p + "` typed `... | null`",
              "`" + snake(p) + "` becomes `Optional`",
              "`" + pascal(p) + "` becomes a `Nullable...` type (compile error)",
              "no type change: `get" + pascal(p) + "()` may return `null`");
      case OPERATION_RENAMED ->
          pick(
              l,
              "`api." + e.before() + "()` becomes `api." + e.after() + "()`",
              "`" + snake(e.before()) + "()` becomes `" + snake(e.after()) + "()`",
              "`" + pascal(e.before()) + "(ctx)` becomes `" + pascal(e.after()) + "(ctx)`",
              "`" + e.before() + "()` becomes `" + e.after() + "()`");
      case OPERATION_ADDED ->
          pick(
              l,
              "method `AccessTokenApi." + e.subject() + "()` added",
              "method `AccessTokenApi." + snake(e.subject()) + "()` added",
              "method `AccessTokenAPI." + pascal(e.subject()) + "(ctx)` added",
              "method `AccessTokenApi." + e.subject() + "(...)` added");
      case OPERATION_REMOVED ->
          pick(
              l,
              "method `" + e.subject() + "()` disappears (compile error where called)",
              "method `" + snake(e.subject()) + "()` disappears (AttributeError where called)",
              "method `" + pascal(e.subject()) + "(ctx)` disappears (compile error)",
              "method `" + e.subject() + "(...)` disappears (compile error)");
      case VALUES_REMOVED ->
          pick(
              l,
              "sending a removed value of `" + p + "` is refused by the server",
              "pydantic refuses a removed value of `" + snake(p) + "` before sending",
              "sending a removed value of `" + p + "` is refused by the server",
              "sending a removed value of `"
                  + p
                  + "` is refused by the server (an enum loses the constant)");
      case VALUES_ADDED ->
          pick(
              l,
              "new values of `" + p + "` arrive; code switching on the known ones misses them",
              "reading a new value of `" + snake(p) + "` fails pydantic's validation",
              "reading a new value of `" + p + "` fails an enum type's `UnmarshalJSON`",
              "reading a new value of `" + p + "` fails an enum's `fromValue`");
    };
  }

  private static String change(Effect e) {
    String what =
        switch (e.kind()) {
          case PROPERTY_REMOVED -> "property removed";
          case PROPERTY_ADDED -> "property added";
          case TYPE_CHANGED -> "type `" + e.before() + "` to `" + e.after() + "`";
          case SCHEMA_REMOVED -> "schema removed";
          case SCHEMA_ADDED -> "schema added";
          case BECAME_REQUIRED -> "became required";
          case BECAME_NULLABLE -> "became nullable";
          case OPERATION_RENAMED -> "operationId changed";
          case OPERATION_ADDED -> "operation added";
          case OPERATION_REMOVED -> "operation removed";
          case VALUES_REMOVED -> "values removed";
          case VALUES_ADDED -> "values added";
        };
    return "`"
        + (e.subject().isEmpty() ? "(body)" : e.subject())
        + "`: "
        + what
        + (e.breaks() ? " **(breaking)**" : "");
  }

  /** The generated type, in backticks, or a phrase for a composed schema. */
  private static String type(String typeAndFormat, Language l) {
    List<String> byLanguage =
        TYPES.getOrDefault(typeAndFormat, TYPES.get(typeAndFormat.split("/")[0]));
    String type = byLanguage == null ? typeAndFormat : byLanguage.get(l.ordinal());
    return type.contains(" ") ? type : "`" + type + "`";
  }

  /**
   * Python has no compile step; a TypeScript union narrowed to one member still takes that member.
   */
  private static boolean compiles(Language l, String before) {
    return l == Language.PYTHON || (l == Language.TYPESCRIPT && before.equals("oneOf"));
  }

  private static String pick(Language l, String typescript, String python, String go, String java) {
    return List.of(typescript, python, go, java).get(l.ordinal());
  }

  /**
   * The property a path ends in: {@code unlock.spendingLimits{*}.txCount} gives {@code txCount}.
   */
  static String leaf(String path) {
    String last = path.substring(path.lastIndexOf('.') + 1);
    return last.replaceAll("(\\[]|\\{\\*}|<[^>]*>)+$", "");
  }

  private static String pascal(String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static String snake(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
