package org.openbitgo.accesstoken.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The round trip every generated model set must pass, shared by the client's and the server stubs'
 * tests: each extends this class and names the package its generator wrote the models to. Both
 * generators give the models the spec's schema names, a public no-argument constructor, a fluent
 * setter named after each property and a {@code get} getter, so one test reaches either set through
 * those names. The payloads are the spec's own examples, which together hold every documented
 * field.
 */
public abstract class GeneratedModelsRoundTripContract {

  private final String modelPackage;

  /**
   * @param modelPackage the package of the generated models; pass it as {@code
   *     SomeModel.class.getPackageName()} so that the compiler checks it exists
   */
  protected GeneratedModelsRoundTripContract(String modelPackage) {
    this.modelPackage = modelPackage;
  }

  @Test
  void fullRequestSurvivesWithEveryField() {
    Object request =
        RoundTrip.assertLossless(
            SpecExamples.requestExample("full"), model("CreateAccessTokenRequest"));

    Object secondLimit = ((List<?>) get(request, "spendingLimits")).get(1);
    BaseUnitAmount amount = (BaseUnitAmount) get(secondLimit, "txValueLimit");
    assertThat(amount.isWrittenAsString()).isTrue();
    assertThat(amount.toBigInteger()).isEqualTo(new BigInteger("123456789012345678901234567890"));
  }

  @Test
  void minimalRequestSurvives() {
    RoundTrip.assertLossless(
        SpecExamples.requestExample("minimal"), model("CreateAccessTokenRequest"));
  }

  @Test
  void createdTokenSurvivesWithEveryFieldAndTimestamp() {
    Object token =
        RoundTrip.assertLossless(
            SpecExamples.responseExample("200", "created"), model("AccessToken"));

    Object ethLimit = ((Map<?, ?>) get(get(token, "unlock"), "spendingLimits")).get("eth");
    assertThat(get(ethLimit, "txValueLimit"))
        .isEqualTo(BaseUnitAmount.ofString("123456789012345678901234567890"));
  }

  @Test
  void everyErrorExampleSurvives() {
    Class<?> error = model("PlatformError");
    RoundTrip.assertLossless(SpecExamples.responseExample("400", "invalidIpRestrict"), error);
    RoundTrip.assertLossless(SpecExamples.responseExample("401", "unauthorized"), error);
    RoundTrip.assertLossless(SpecExamples.responseExample("429", "tooManyRequests"), error);
  }

  @Test
  void unsetOptionalFieldsAreLeftOut() {
    Object request = set(create("CreateAccessTokenRequest"), "label", "ci");

    assertThat(RoundTrip.write(request)).isEqualTo("{\"label\":\"ci\"}");
  }

  @Test
  void amountsAreWrittenPlainly() {
    Object limit = create("UnlockSpendingLimit");
    set(limit, "txValue", BaseUnitAmount.ofNumber(100_000_000L));
    set(
        limit,
        "txValueLimit",
        BaseUnitAmount.ofNumber(new BigInteger("123456789012345678901234567890")));

    assertThat(RoundTrip.write(limit))
        .isEqualTo("{\"txValue\":100000000,\"txValueLimit\":123456789012345678901234567890}");
  }

  @Test
  void toStringNeverShowsTheTokenSecret() {
    Object token = create("AccessToken");
    set(token, "id", "59cd72485007a239fb00282ed480da1f");
    set(token, "token", "v2xsecret-value");

    // the built-in templates print a `format: password` property as `*`
    assertThat(token.toString()).doesNotContain("v2xsecret-value").contains("token: *");
  }

  @Test
  void toStringNeverShowsTheOtp() {
    Object request = create("CreateAccessTokenRequest");
    set(request, "label", "ci");
    set(request, "otp", "0000000");

    assertThat(request.toString()).doesNotContain("0000000").contains("otp: *");
  }

  private Class<?> model(String schemaName) {
    try {
      return Class.forName(modelPackage + "." + schemaName);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("no generated model for schema " + schemaName, e);
    }
  }

  private Object create(String schemaName) {
    try {
      return model(schemaName).getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot construct the generated " + schemaName, e);
    }
  }

  /** Calls the generated fluent setter {@code property(value)}; returns the model. */
  private static Object set(Object model, String property, Object value) {
    Method setter =
        Arrays.stream(model.getClass().getMethods())
            .filter(m -> m.getName().equals(property) && m.getParameterCount() == 1)
            .filter(m -> m.getParameterTypes()[0].isInstance(value))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(model.getClass().getName() + " has no setter " + property));
    return invoke(setter, model, value);
  }

  /** Calls the generated getter {@code getProperty()}. */
  private static Object get(Object model, String property) {
    String getter = "get" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
    try {
      return invoke(model.getClass().getMethod(getter), model);
    } catch (NoSuchMethodException e) {
      throw new AssertionError(model.getClass().getName() + " has no getter " + getter, e);
    }
  }

  private static Object invoke(Method method, Object target, Object... arguments) {
    try {
      return method.invoke(target, arguments);
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    } catch (InvocationTargetException e) {
      throw new AssertionError(method + " threw", e.getCause());
    }
  }
}
