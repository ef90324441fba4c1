package org.openbitgo.accesstoken.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * Reads openapi-diff's result into two plain lists a developer can act on: what breaks existing
 * clients or servers (with the reason), and what changed compatibly. It also applies the contract's
 * own rules where openapi-diff 2.1.7 calls a breaking change compatible:
 *
 * <ul>
 *   <li>a removed property (request or response) is reported by openapi-diff as a compatible
 *       "changed" schema; clients reading it get nothing and regenerated clients lose the accessor,
 *       so it breaks;
 *   <li>a response property that becomes {@code nullable} is reported as compatible; clients that
 *       never expected {@code null} break;
 *   <li>a removed or renamed component schema is invisible to openapi-diff (it compares the
 *       resolved shapes) yet removes a generated class from every regenerated client;
 *   <li>a changed {@code pattern} (openapi-diff's own rule is switched off) is judged by {@link
 *       PatternChange}: a new scope name in a request is compatible, a dropped one breaks.
 * </ul>
 *
 * <p>Beside the text it keeps each change's {@link Effect} on generated code, which {@link
 * ClientImpact} turns into what it means per client language.
 */
public final class ContractChanges {

  /** Who decided that a change breaks: openapi-diff itself, or a rule of this contract. */
  public enum Source {
    OPENAPI_DIFF,
    CONTRACT_RULE
  }

  /** One breaking change: where, what, and why it breaks. */
  public record Breaking(String location, String change, Source source) {
    @Override
    public String toString() {
      return location + ": " + change + (source == Source.CONTRACT_RULE ? " [contract rule]" : "");
    }
  }

  /** What a change does to generated code; the subject is a property path or a schema name. */
  public enum EffectKind {
    PROPERTY_REMOVED,
    PROPERTY_ADDED,
    TYPE_CHANGED,
    SCHEMA_REMOVED,
    SCHEMA_ADDED,
    BECAME_REQUIRED,
    BECAME_NULLABLE,
    OPERATION_RENAMED,
    OPERATION_ADDED,
    OPERATION_REMOVED,
    VALUES_REMOVED,
    VALUES_ADDED
  }

  /**
   * One change as it reaches generated code. {@code before}/{@code after} are {@code type} or
   * {@code type/format} for a type change, the operationIds for a rename, else empty.
   */
  public record Effect(
      EffectKind kind, String subject, String before, String after, boolean breaks) {}

  private final List<Breaking> breaking = new ArrayList<>();
  private final Set<Effect> effects = new LinkedHashSet<>();
  private final Set<String> compatible = new LinkedHashSet<>();
  // guards against recursive schemas without hiding a shared schema reached through two paths
  private final Set<ChangedSchema> onPath = Collections.newSetFromMap(new IdentityHashMap<>());

  private ContractChanges() {}

  /** Classifies every difference openapi-diff found between the baseline and the spec. */
  public static ContractChanges of(ChangedOpenApi diff) {
    ContractChanges changes = new ContractChanges();
    changes.read(diff);
    return changes;
  }

  public List<Breaking> breaking() {
    return List.copyOf(breaking);
  }

  public List<String> compatible() {
    return List.copyOf(compatible);
  }

  public List<Effect> effects() {
    return List.copyOf(effects);
  }

  private void read(ChangedOpenApi diff) {
    for (Endpoint missing : diff.getMissingEndpoints()) {
      openapiDiff(endpoint(missing), "operation removed: every client calling it fails");
      effects.add(operationEffect(EffectKind.OPERATION_REMOVED, missing, true));
    }
    for (Endpoint added : diff.getNewEndpoints()) {
      compatible.add(endpoint(added) + ": operation added");
      effects.add(operationEffect(EffectKind.OPERATION_ADDED, added, false));
    }
    for (ChangedOperation operation : diff.getChangedOperations()) {
      readOperation(operation);
    }
    readComponentNames(diff.getOldSpecOpenApi(), diff.getNewSpecOpenApi());

    // never let the gate pass what openapi-diff refuses, even if the walk above missed the place
    if (diff.isIncompatible()
        && breaking.stream().noneMatch(b -> b.source() == Source.OPENAPI_DIFF)) {
      openapiDiff("(spec)", "openapi-diff reports an incompatible change; see the change report");
    }
    if (diff.isDifferent() && breaking.isEmpty() && compatible.isEmpty()) {
      compatible.add("(spec): compatible changes only; see the change report");
    }
  }

  /** An operation added or removed, named by its operationId (the generated method's name). */
  private static Effect operationEffect(EffectKind kind, Endpoint endpoint, boolean breaks) {
    String operationId = endpoint.getOperation().getOperationId();
    return new Effect(kind, operationId == null ? endpoint(endpoint) : operationId, "", "", breaks);
  }

  private void readOperation(ChangedOperation op) {
    String where = op.getHttpMethod() + " " + op.getPathUrl();
    if (isIncompatible(op.getOperationId())) {
      openapiDiff(
          where,
          "operationId changed from `"
              + op.getOperationId().getLeft()
              + "` to `"
              + op.getOperationId().getRight()
              + "`: generated method names change");
      effects.add(
          new Effect(
              EffectKind.OPERATION_RENAMED,
              where,
              op.getOperationId().getLeft(),
              op.getOperationId().getRight(),
              true));
    }
    if (isIncompatible(op.getParameters())) {
      openapiDiff(where + " parameters", "parameters removed, made required or restyled");
    }
    if (isIncompatible(op.getSecurityRequirements())) {
      openapiDiff(where + " security", "security requirements changed incompatibly");
    }
    if (op.getRequestBody() != null) {
      if (op.getRequestBody().isChangeRequired() && op.getRequestBody().isIncompatible()) {
        openapiDiff(where + " request body", "the request body became required");
      }
      readContent(where + " request body", op.getRequestBody().getContent());
    }
    ChangedApiResponse responses = op.getApiResponses();
    if (responses != null) {
      responses
          .getMissing()
          .keySet()
          .forEach(
              code ->
                  openapiDiff(
                      where + " response " + code, "response removed: clients lose its handling"));
      responses
          .getIncreased()
          .keySet()
          .forEach(code -> compatible.add(where + " response " + code + ": response added"));
      for (Map.Entry<String, ChangedResponse> e : responses.getChanged().entrySet()) {
        String responseWhere = where + " response " + e.getKey();
        if (isIncompatible(e.getValue().getHeaders())) {
          openapiDiff(
              responseWhere + " headers", "response headers removed or changed incompatibly");
        }
        readContent(responseWhere, e.getValue().getContent());
      }
    }
  }

  private void readContent(String where, ChangedContent content) {
    if (content == null) {
      return;
    }
    if (content.isIncompatible()) {
      content
          .getMissing()
          .keySet()
          .forEach(type -> openapiDiff(where, "media type `" + type + "` removed"));
    }
    content
        .getIncreased()
        .keySet()
        .forEach(type -> compatible.add(where + ": media type `" + type + "` added"));
    content
        .getChanged()
        .forEach(
            (type, media) -> {
              if (media.getSchema() != null) {
                readSchema(where, "", media.getSchema());
              }
            });
  }

  private void readSchema(String where, String path, ChangedSchema schema) {
    if (!onPath.add(schema)) {
      return;
    }
    try {
      String at = where + (path.isEmpty() ? "" : " `" + path + "`");
      boolean request = schema.getContext().isRequest();
      readOwnRules(at, path, request, schema);
      explainIncompatibility(at, path, request, schema);
      readCompatibleDetail(at, path, request, schema);

      schema
          .getChangedProperties()
          .forEach((name, property) -> readSchema(where, join(path, name), property));
      if (schema.getItems() != null) {
        readSchema(where, path + "[]", schema.getItems());
      }
      if (schema.getAddProp() != null) {
        readSchema(where, path + "{*}", schema.getAddProp());
      }
      if (schema.getOneOfSchema() != null) {
        schema
            .getOneOfSchema()
            .getChanged()
            .forEach(
                (alternative, changed) ->
                    readSchema(where, path + "<" + simpleName(alternative) + ">", changed));
      }
    } finally {
      onPath.remove(schema);
    }
  }

  private void readOwnRules(String at, String path, boolean request, ChangedSchema schema) {
    for (String removed : new TreeSet<>(schema.getMissingProperties().keySet())) {
      effects.add(new Effect(EffectKind.PROPERTY_REMOVED, join(path, removed), "", "", true));
      contractRule(
          at,
          "property `"
              + removed
              + "` removed: "
              + (request
                  ? "servers stop honouring what clients send and regenerated clients lose the setter"
                  : "clients that read it get nothing and regenerated clients lose the getter"));
    }
    if (!request
        && schema.getNullable() != null
        && !Boolean.TRUE.equals(schema.getNullable().getLeft())
        && Boolean.TRUE.equals(schema.getNullable().getRight())) {
      contractRule(at, "became nullable in a response: clients that never expected null break");
      effects.add(new Effect(EffectKind.BECAME_NULLABLE, path, "", "", true));
    }
  }

  /** Names which part of a schema openapi-diff found incompatible, in a developer's words. */
  private void explainIncompatibility(String at, String path, boolean request, ChangedSchema s) {
    Schema<?> before = s.getOldSchema();
    Schema<?> after = s.getNewSchema();
    int found = breaking.size();
    if (s.isChangedType()) {
      // openapi-diff also calls it a type change when only the parsed schema's class differs
      // (a string gaining `format: date-time`): name what a reader can see
      String from = typeAndFormat(before);
      String to = typeAndFormat(after);
      if (!typeOf(before).equals(typeOf(after))) {
        openapiDiff(at, "type changed from `" + typeOf(before) + "` to `" + typeOf(after) + "`");
      } else if (!from.equals(to)) {
        openapiDiff(
            at, "format changed from `" + formatOf(before) + "` to `" + formatOf(after) + "`");
      } else {
        openapiDiff(at, "schema changed from a `" + from + "` to another kind of `" + to + "`");
      }
      effects.add(new Effect(EffectKind.TYPE_CHANGED, path, from, to, true));
    }
    if (s.isChangeFormat() && !s.isChangedType()) {
      openapiDiff(
          at, "format changed from `" + formatOf(before) + "` to `" + formatOf(after) + "`");
      effects.add(
          new Effect(
              EffectKind.TYPE_CHANGED, path, typeAndFormat(before), typeAndFormat(after), true));
    }
    if (isIncompatible(s.getEnumeration())) {
      effects.add(
          new Effect(
              request ? EffectKind.VALUES_REMOVED : EffectKind.VALUES_ADDED, path, "", "", true));
      openapiDiff(
          at,
          request
              ? "enum values removed "
                  + s.getEnumeration().getMissing()
                  + ": clients sending them are refused"
              : "enum values added " + s.getEnumeration().getIncreased());
    }
    if (isIncompatible(s.getRequired())) {
      List<Object> names =
          new ArrayList<>(request ? s.getRequired().getIncreased() : s.getRequired().getMissing());
      names.removeAll(s.getMissingProperties().keySet()); // already reported as removed
      if (!names.isEmpty()) {
        if (request) {
          names.forEach(
              name ->
                  effects.add(
                      new Effect(
                          EffectKind.BECAME_REQUIRED,
                          join(path, String.valueOf(name)),
                          "",
                          "",
                          true)));
        }
        openapiDiff(
            at,
            request
                ? "became required " + names + ": clients that omit them are refused"
                : "no longer always present " + names + ": clients relying on them break");
      }
    }
    constraint(at, "maxLength", s.getMaxLength(), before.getMaxLength(), after.getMaxLength());
    constraint(at, "minLength", s.getMinLength(), before.getMinLength(), after.getMinLength());
    constraint(at, "minimum/maximum", s.getNumericRange(), range(before), range(after));
    constraint(at, "multipleOf", s.getMultipleOf(), before.getMultipleOf(), after.getMultipleOf());
    constraint(at, "maxItems", s.getMaxItems(), before.getMaxItems(), after.getMaxItems());
    constraint(at, "minItems", s.getMinItems(), before.getMinItems(), after.getMinItems());
    constraint(
        at,
        "maxProperties",
        s.getMaxProperties(),
        before.getMaxProperties(),
        after.getMaxProperties());
    constraint(
        at,
        "minProperties",
        s.getMinProperties(),
        before.getMinProperties(),
        after.getMinProperties());
    readPattern(at, path, request, before.getPattern(), after.getPattern());
    constraint(
        at, "uniqueItems", s.getUniqueItems(), before.getUniqueItems(), after.getUniqueItems());
    constraint(at, "readOnly", s.getReadOnly(), before.getReadOnly(), after.getReadOnly());
    constraint(at, "writeOnly", s.getWriteOnly(), before.getWriteOnly(), after.getWriteOnly());
    constraint(at, "nullable", s.getNullable(), before.getNullable(), after.getNullable());
    if (s.getOneOfSchema() != null && s.getOneOfSchema().isCoreChanged().isIncompatible()) {
      openapiDiff(
          at,
          request
              ? "oneOf alternatives removed " + s.getOneOfSchema().getMissing().keySet()
              : "oneOf alternatives added " + s.getOneOfSchema().getIncreased().keySet());
    }
    if (s.isDiscriminatorPropertyChanged()) {
      openapiDiff(at, "discriminator property changed");
    }
    if (breaking.size() == found && s.isCoreChanged().isIncompatible()) {
      openapiDiff(at, "schema changed incompatibly (see the change report)");
    }
  }

  private void readCompatibleDetail(String at, String path, boolean request, ChangedSchema s) {
    for (String added : new TreeSet<>(s.getIncreasedProperties().keySet())) {
      effects.add(new Effect(EffectKind.PROPERTY_ADDED, join(path, added), "", "", false));
      compatible.add(
          at + ": property `" + added + "` added to the " + (request ? "request" : "response"));
    }
    if (s.getEnumeration() != null
        && !s.getEnumeration().getIncreased().isEmpty()
        && !isIncompatible(s.getEnumeration())) {
      compatible.add(
          at
              + ": enum values added "
              + s.getEnumeration().getIncreased()
              + (request ? "" : " (clients must tolerate unknown values)"));
    }
    if (s.getEnumeration() != null && !s.getEnumeration().getMissing().isEmpty() && !request) {
      compatible.add(at + ": enum values no longer sent " + s.getEnumeration().getMissing());
    }
    if (s.getOneOfSchema() != null && !s.getOneOfSchema().getIncreased().isEmpty() && request) {
      compatible.add(
          at + ": oneOf alternatives added " + s.getOneOfSchema().getIncreased().keySet());
    }
  }

  private void readComponentNames(OpenAPI before, OpenAPI after) {
    Set<String> removed = new TreeSet<>(schemaNames(before));
    removed.removeAll(schemaNames(after));
    for (String name : removed) {
      effects.add(new Effect(EffectKind.SCHEMA_REMOVED, name, "", "", true));
      contractRule(
          "components.schemas." + name,
          "schema removed or renamed: the generated class `"
              + name
              + "` disappears from regenerated code");
    }
    Set<String> added = new TreeSet<>(schemaNames(after));
    added.removeAll(schemaNames(before));
    added.forEach(
        name -> {
          compatible.add("components.schemas." + name + ": schema added");
          effects.add(new Effect(EffectKind.SCHEMA_ADDED, name, "", "", false));
        });
  }

  private void readPattern(String at, String path, boolean request, String before, String after) {
    PatternChange change = PatternChange.judge(request, before, after);
    if (change.breaking() != null) {
      contractRule(at, change.breaking());
      effects.add(
          new Effect(
              request ? EffectKind.VALUES_REMOVED : EffectKind.VALUES_ADDED, path, "", "", true));
    }
    if (change.compatible() != null) {
      compatible.add(at + ": " + change.compatible());
    }
  }

  private void constraint(String at, String name, Changed changed, Object before, Object after) {
    if (isIncompatible(changed)) {
      openapiDiff(at, name + " changed from `" + before + "` to `" + after + "`");
    }
  }

  private void openapiDiff(String location, String change) {
    breaking.add(new Breaking(location, change, Source.OPENAPI_DIFF));
  }

  private void contractRule(String location, String change) {
    breaking.add(new Breaking(location, change, Source.CONTRACT_RULE));
  }

  private static boolean isIncompatible(Changed changed) {
    return changed != null && changed.isIncompatible();
  }

  private static Set<String> schemaNames(OpenAPI api) {
    if (api == null || api.getComponents() == null || api.getComponents().getSchemas() == null) {
      return Set.of();
    }
    return api.getComponents().getSchemas().keySet();
  }

  private static String range(Schema<?> s) {
    return "["
        + Objects.toString(s.getMinimum(), "")
        + ", "
        + Objects.toString(s.getMaximum(), "")
        + "]";
  }

  private static String formatOf(Schema<?> s) {
    return s == null || s.getFormat() == null ? "none" : s.getFormat();
  }

  private static String typeAndFormat(Schema<?> s) {
    return typeOf(s) + (s == null || s.getFormat() == null ? "" : "/" + s.getFormat());
  }

  private static String typeOf(Schema<?> s) {
    if (s == null) {
      return "none";
    }
    if (s.getType() != null) {
      return s.getType();
    }
    if (s.getOneOf() != null && !s.getOneOf().isEmpty()) {
      return "oneOf";
    }
    return s.getTypes() == null ? "any" : String.join("|", s.getTypes());
  }

  private static String endpoint(Endpoint e) {
    return e.getMethod() + " " + e.getPathUrl();
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String simpleName(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }
}
