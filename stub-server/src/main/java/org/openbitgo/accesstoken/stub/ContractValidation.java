package org.openbitgo.accesstoken.stub;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.openbitgo.accesstoken.server.generated.api.AccessTokenApi;
import org.openbitgo.accesstoken.server.generated.model.CreateAccessTokenRequest;

/**
 * The Bean Validation constraints the generator put on {@link AccessTokenApi#createAccessToken}
 * and the models, checked exactly as a Jakarta REST runtime checks them: as the parameters of that
 * method. The validator starts in the background, so a server can listen before it is ready.
 */
final class ContractValidation {

  private static final Method CREATE_ACCESS_TOKEN = createAccessTokenMethod();

  private final CompletableFuture<Validator> validator;

  private ContractValidation(CompletableFuture<Validator> validator) {
    this.validator = validator;
  }

  /** Builds the validator on a background thread and warms its metadata with one request. */
  static ContractValidation startInBackground() {
    return new ContractValidation(CompletableFuture.supplyAsync(ContractValidation::newValidator,
        runnable -> {
          Thread thread = new Thread(runnable, "stub-validator-bootstrap");
          thread.setDaemon(true);
          thread.start();
        }));
  }

  private static Validator newValidator() {
    Validator validator =
        Validation.byProvider(HibernateValidator.class)
            .configure()
            // the constraints' default messages use no expressions: no Expression Language needed
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();
    validator.forExecutables().validateParameters(
        new ValidationTarget(), CREATE_ACCESS_TOKEN, new Object[] {new CreateAccessTokenRequest("warm-up")});
    return validator;
  }

  /** Null when {@code request} meets every constraint, else the 400 for the first violation. */
  Answer check(AccessTokenApi resource, CreateAccessTokenRequest request) {
    Set<ConstraintViolation<AccessTokenApi>> violations =
        validator.join().forExecutables().validateParameters(resource, CREATE_ACCESS_TOKEN, new Object[] {request});
    return violations.stream()
        .min(Comparator.comparing((ConstraintViolation<?> v) -> fieldOf(v.getPropertyPath()))
            .thenComparing(ConstraintViolation::getMessage))
        .map(ContractValidation::answer)
        .orElse(null);
  }

  private static Answer answer(ConstraintViolation<?> violation) {
    String field = fieldOf(violation.getPropertyPath());
    return PlatformErrors.invalidRequest(field, messageOf(field, violation));
  }

  private static String messageOf(String field, ConstraintViolation<?> violation) {
    if (field.equals(JsonPath.WHOLE_BODY)) {
      return "request body is required: a JSON object";
    }
    boolean patternViolation = violation.getConstraintDescriptor().getAnnotation() instanceof Pattern;
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

  private static Method createAccessTokenMethod() {
    try {
      return AccessTokenApi.class.getMethod("createAccessToken", CreateAccessTokenRequest.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("the generated AccessTokenApi has no createAccessToken", e);
    }
  }

  /** Stands in for the resource while the validator warms up; never called. */
  private static final class ValidationTarget implements AccessTokenApi {
    @Override
    public org.openbitgo.accesstoken.server.generated.model.AccessToken createAccessToken(
        CreateAccessTokenRequest request) {
      throw new UnsupportedOperationException();
    }
  }
}
