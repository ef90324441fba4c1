package org.openbitgo.accesstoken.stub.rules;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.ParameterDescriptor;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.openbitgo.accesstoken.server.generated.api.AccessTokenApi;
import org.openbitgo.accesstoken.server.generated.model.CreateAccessTokenRequest;

/**
 * The Bean Validation constraints the generator put on {@link AccessTokenApi#createAccessToken} and
 * the models, checked as a Jakarta REST runtime checks that method's parameter. The parameter is
 * {@code @Valid @NotNull}, so the check is "not null, then validate the bean", which costs a third
 * less than executable validation, and {@link ConstraintPrecheck} spares Hibernate Validator the
 * requests that are certainly valid; should the generated parameter ever carry other constraints,
 * the whole method is validated by Hibernate Validator instead. The validator starts in the
 * background, so a server can listen before it is ready.
 */
public final class ContractValidation {

  private static final Method CREATE_ACCESS_TOKEN =
      operation("createAccessToken", CreateAccessTokenRequest.class);

  private static final Method LIST_ACCESS_TOKENS =
      operation("listAccessTokens", Integer.class, String.class);

  private static final Method REVOKE_ACCESS_TOKEN = operation("revokeAccessToken", String.class);

  /**
   * Hibernate Validator logs its version at INFO through java.util.logging on every start; that
   * line means nothing to the stub's users. Held strongly: java.util.logging forgets the level of a
   * logger that is garbage collected.
   */
  private static final java.util.logging.Logger QUIET_VALIDATOR_LOG = quietValidatorLog();

  /**
   * The validator, its cheap precheck, and whether the parameter is exactly
   * {@code @Valid @NotNull}.
   */
  private record Ready(
      Validator validator, ConstraintPrecheck precheck, boolean notNullAndValidOnly) {}

  private final CompletableFuture<Ready> ready;

  private ContractValidation(CompletableFuture<Ready> ready) {
    this.ready = ready;
  }

  /** Builds the validator on a background thread and warms its metadata with one request. */
  public static ContractValidation startInBackground() {
    return new ContractValidation(
        CompletableFuture.supplyAsync(
            ContractValidation::bootstrap,
            runnable -> {
              Thread thread = new Thread(runnable, "stub-validator-bootstrap");
              thread.setDaemon(true);
              thread.start();
            }));
  }

  /** Hibernate Validator as the stub configures it. */
  static Validator newValidator() {
    HibernateValidatorConfiguration configuration =
        Validation.byProvider(HibernateValidator.class).configure();
    ConstraintMapping stringSizes = configuration.createConstraintMapping();
    // a string's length in code points, as the spec's maxLength counts it
    stringSizes.constraintDefinition(Size.class).validatedBy(CodePointSizeValidator.class);
    return configuration
        .addMapping(stringSizes)
        // the constraints' default messages use no expressions: no Expression Language needed
        .messageInterpolator(new ParameterMessageInterpolator())
        .buildValidatorFactory()
        .getValidator();
  }

  private static Ready bootstrap() {
    Validator validator = newValidator();
    ParameterDescriptor parameter =
        validator
            .getConstraintsForClass(AccessTokenApi.class)
            .getConstraintsForMethod(
                CREATE_ACCESS_TOKEN.getName(), CREATE_ACCESS_TOKEN.getParameterTypes())
            .getParameterDescriptors()
            .get(0);
    boolean notNullAndValidOnly =
        parameter.isCascaded()
            && parameter.getConstraintDescriptors().stream()
                .allMatch(c -> c.getAnnotation() instanceof NotNull);
    validator.validate(new CreateAccessTokenRequest("warm-up"));
    ConstraintPrecheck precheck = new ConstraintPrecheck(validator);
    precheck.certainlyValid(new CreateAccessTokenRequest("warm-up"));
    return new Ready(validator, precheck, notNullAndValidOnly);
  }

  /** Null when {@code request} meets every constraint, else the 400 for the first violation. */
  public Answer check(AccessTokenApi resource, CreateAccessTokenRequest request) {
    Ready validation = ready.join();
    Set<? extends ConstraintViolation<?>> violations;
    if (!validation.notNullAndValidOnly()) {
      violations =
          validation
              .validator()
              .forExecutables()
              .validateParameters(resource, CREATE_ACCESS_TOKEN, new Object[] {request});
    } else if (request == null) {
      return PlatformErrors.invalidRequest(
          JsonPath.WHOLE_BODY, "request body is required: a JSON object");
    } else if (validation.precheck().certainlyValid(request)) {
      return null;
    } else {
      violations = validation.validator().validate(request);
    }
    return violations.stream()
        .min(
            Comparator.<ConstraintViolation<?>, String>comparing(v -> fieldOf(v.getPropertyPath()))
                .thenComparing(ConstraintViolation::getMessage))
        .map(ContractValidation::answer)
        .orElse(null);
  }

  /** Null when {@code limit} and {@code prevId} meet the list operation's constraints, else 400. */
  public Answer checkList(AccessTokenApi resource, Integer limit, String prevId) {
    return checkParameters(resource, LIST_ACCESS_TOKENS, limit, prevId);
  }

  /** Null when {@code id} meets the revoke operation's constraints, else the 400. */
  public Answer checkRevoke(AccessTokenApi resource, String id) {
    return checkParameters(resource, REVOKE_ACCESS_TOKEN, id);
  }

  /**
   * The constraints the generator put on an operation's query and path parameters (the spec's
   * {@code minimum}, {@code maximum}, {@code pattern}), as a Jakarta REST runtime checks them; the
   * 400 names the parameter as the request does.
   */
  private Answer checkParameters(AccessTokenApi resource, Method operation, Object... arguments) {
    Set<ConstraintViolation<AccessTokenApi>> violations =
        ready
            .join()
            .validator()
            .forExecutables()
            .validateParameters(resource, operation, arguments);
    // the first parameter in the operation's order that breaks a constraint
    return violations.stream()
        .min(Comparator.comparingInt(ContractValidation::parameterIndex))
        .map(violation -> parameterAnswer(operation, violation))
        .orElse(null);
  }

  private static int parameterIndex(ConstraintViolation<?> violation) {
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.PARAMETER) {
        return node.as(Path.ParameterNode.class).getParameterIndex();
      }
    }
    return -1;
  }

  private static Answer parameterAnswer(Method operation, ConstraintViolation<?> violation) {
    String name = RequestParameters.nameOf(operation, parameterIndex(violation));
    String message =
        violation.getConstraintDescriptor().getAnnotation() instanceof Pattern
            ? name
                + " must match "
                + violation.getConstraintDescriptor().getAttributes().get("regexp")
            : name + " " + violation.getMessage();
    return PlatformErrors.invalidRequest(name, message);
  }

  private static Answer answer(ConstraintViolation<?> violation) {
    String field = fieldOf(violation.getPropertyPath());
    return PlatformErrors.invalidRequest(field, messageOf(field, violation));
  }

  private static String messageOf(String field, ConstraintViolation<?> violation) {
    if (field.equals(JsonPath.WHOLE_BODY)) {
      return "request body is required: a JSON object";
    }
    boolean patternViolation =
        violation.getConstraintDescriptor().getAnnotation() instanceof Pattern;
    if (patternViolation && field.startsWith("ipRestrict[")) {
      return field + " must be an IPv4 address or CIDR block";
    }
    if (patternViolation) {
      return field + " has an invalid format";
    }
    return field + " " + violation.getMessage();
  }

  /**
   * The JSON path of a violation: Hibernate Validator's path starts with the method and its
   * parameter ({@code createAccessToken.arg0}), which mean nothing to the caller.
   */
  static String fieldOf(Path path) {
    JsonPath field = new JsonPath();
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
        continue;
      }
      if (node.isInIterable()) {
        if (node.getIndex() != null) {
          field.index(node.getIndex());
        } else if (node.getKey() != null) {
          field.index(node.getKey());
        }
      }
      if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
        field.property(node.getName());
      }
    }
    return field.toString();
  }

  private static java.util.logging.Logger quietValidatorLog() {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger("org.hibernate.validator");
    logger.setLevel(java.util.logging.Level.WARNING);
    return logger;
  }

  private static Method operation(String name, Class<?>... parameterTypes) {
    try {
      return AccessTokenApi.class.getMethod(name, parameterTypes);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("the generated AccessTokenApi has no " + name, e);
    }
  }
}
