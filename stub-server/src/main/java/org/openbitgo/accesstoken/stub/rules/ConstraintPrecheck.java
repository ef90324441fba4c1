package org.openbitgo.accesstoken.stub.rules;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A cheap "certainly valid" for the generated models, read from the same Bean Validation metadata
 * Hibernate Validator uses (the generated annotations, so the constraints stay written once, in the
 * spec). It knows {@code @NotNull}, {@code @Size}, {@code @Min}, {@code @Max}, {@code @Pattern} and
 * {@code @Valid} on properties and list elements; a bean with any other constraint is never
 * "certainly valid", so Hibernate Validator decides it. Hibernate Validator always decides what is
 * wrong with an invalid request: this check only spares it the valid ones (a third of the stub's
 * CPU per create).
 */
final class ConstraintPrecheck {

  /**
   * One property's getter and the checks on its value. The getter is a method handle typed {@code
   * (Object)Object}: {@code Method.invoke} checked the caller's access on every call, about a
   * quarter of this check's time on a create.
   */
  private record PropertyRule(
      MethodHandle getter,
      List<Predicate<Object>> valueChecks,
      boolean cascaded,
      List<Predicate<Object>> elementChecks,
      boolean elementsCascaded) {}

  /** A bean's rules, or null when the bean uses a constraint this check does not know. */
  private record BeanRule(List<PropertyRule> properties) {}

  private static final BeanRule UNKNOWN = new BeanRule(null);

  private final Validator validator;
  private final Map<Class<?>, BeanRule> rules = new ConcurrentHashMap<>();

  ConstraintPrecheck(Validator validator) {
    this.validator = validator;
  }

  /** True only if Bean Validation would find no violation in {@code bean}. */
  boolean certainlyValid(Object bean) {
    BeanRule rule = rules.computeIfAbsent(bean.getClass(), this::compile);
    if (rule == UNKNOWN) {
      return false;
    }
    for (PropertyRule property : rule.properties()) {
      Object value = get(property.getter(), bean);
      for (Predicate<Object> check : property.valueChecks()) {
        if (!check.test(value)) {
          return false;
        }
      }
      if (value == null) {
        continue;
      }
      if (value instanceof Collection<?> elements) {
        for (Object element : elements) {
          for (Predicate<Object> check : property.elementChecks()) {
            if (!check.test(element)) {
              return false;
            }
          }
          if ((property.elementsCascaded() || property.cascaded())
              && element != null
              && !certainlyValid(element)) {
            return false;
          }
        }
      } else if (property.cascaded() && !certainlyValid(value)) {
        return false;
      }
    }
    return true;
  }

  private BeanRule compile(Class<?> type) {
    BeanDescriptor bean = validator.getConstraintsForClass(type);
    if (!bean.getConstraintDescriptors().isEmpty()) {
      return UNKNOWN; // class-level constraints
    }
    List<PropertyRule> properties = new ArrayList<>();
    for (PropertyDescriptor property : bean.getConstrainedProperties()) {
      MethodHandle getter = getter(type, property.getPropertyName());
      List<Predicate<Object>> valueChecks = checks(property.getConstraintDescriptors());
      List<Predicate<Object>> elementChecks = new ArrayList<>();
      boolean elementsCascaded = false;
      for (ContainerElementTypeDescriptor element :
          property.getConstrainedContainerElementTypes()) {
        if (!List.class.isAssignableFrom(element.getContainerClass())
            || !element.getConstrainedContainerElementTypes().isEmpty()) {
          return UNKNOWN;
        }
        List<Predicate<Object>> checks = checks(element.getConstraintDescriptors());
        if (getter == null || checks == null) {
          return UNKNOWN;
        }
        elementChecks.addAll(checks);
        elementsCascaded |= element.isCascaded();
      }
      if (getter == null || valueChecks == null) {
        return UNKNOWN;
      }
      properties.add(
          new PropertyRule(
              getter, valueChecks, property.isCascaded(), elementChecks, elementsCascaded));
    }
    return new BeanRule(List.copyOf(properties));
  }

  /** The checks of a set of constraints, or null if one of them is of a kind not known here. */
  private static List<Predicate<Object>> checks(Set<ConstraintDescriptor<?>> constraints) {
    List<Predicate<Object>> checks = new ArrayList<>();
    for (ConstraintDescriptor<?> constraint : constraints) {
      if (!constraint.getComposingConstraints().isEmpty()) {
        return null;
      }
      Predicate<Object> check = check(constraint.getAnnotation());
      if (check == null) {
        return null;
      }
      checks.add(check);
    }
    return checks;
  }

  /**
   * Each as Hibernate Validator's built-in validator for these types decides (null is valid). The
   * annotations' values are read once, here: an annotation's methods go through a proxy.
   */
  private static Predicate<Object> check(Annotation annotation) {
    if (annotation instanceof NotNull) {
      return value -> value != null;
    }
    if (annotation instanceof Size size) {
      int min = size.min();
      int max = size.max();
      return value ->
          value == null
              || (value instanceof String text && CodePointSizeValidator.within(text, min, max))
              || (value instanceof Collection<?> collection
                  && collection.size() >= min
                  && collection.size() <= max);
    }
    if (annotation instanceof Min min) {
      long least = min.value();
      return value ->
          value == null
              || (value instanceof Long number && number >= least)
              || (value instanceof Integer number && number >= least);
    }
    if (annotation instanceof Max max) {
      long most = max.value();
      return value ->
          value == null
              || (value instanceof Long number && number <= most)
              || (value instanceof Integer number && number <= most);
    }
    if (annotation instanceof Pattern pattern) {
      int flags = 0;
      for (Pattern.Flag flag : pattern.flags()) {
        flags |= flag.getValue();
      }
      Predicate<String> matches = matcher(pattern.regexp(), flags);
      return value -> value == null || (value instanceof String text && matches.test(text));
    }
    return null;
  }

  /** A choice that matches only itself: letters, digits, {@code _}, {@code :} and {@code -}. */
  private static final java.util.regex.Pattern PLAIN_WORD =
      java.util.regex.Pattern.compile("[A-Za-z0-9_:-]+");

  /**
   * Whether a whole string matches {@code regexp}. A pattern that is one anchored choice, {@code
   * ^(a|b|...)$}, is mostly plain words (the spec's scope names): those are looked up in a set and
   * only the other choices go through a regular expression, which would otherwise try every word in
   * turn. Any other pattern is matched as written; so is any choice this cannot split with
   * certainty, since a word taken wrongly into the set would call an invalid value valid.
   */
  static Predicate<String> matcher(String regexp, int flags) {
    java.util.regex.Pattern whole = java.util.regex.Pattern.compile(regexp, flags);
    Predicate<String> asWritten = text -> whole.matcher(text).matches();
    if (flags != 0 || !regexp.startsWith("^(") || !regexp.endsWith(")$")) {
      return asWritten;
    }
    List<String> choices = flatChoices(regexp.substring(2, regexp.length() - 2));
    if (choices == null) {
      return asWritten;
    }
    Set<String> words = new HashSet<>();
    List<String> others = new ArrayList<>();
    for (String choice : choices) {
      if (PLAIN_WORD.matcher(choice).matches()) {
        words.add(choice);
      } else {
        others.add(choice);
      }
    }
    // a last guard: every word taken into the set is one the pattern as written accepts
    if (words.isEmpty() || !words.stream().allMatch(asWritten)) {
      return asWritten;
    }
    if (others.isEmpty()) {
      return words::contains;
    }
    java.util.regex.Pattern rest =
        java.util.regex.Pattern.compile("^(" + String.join("|", others) + ")$");
    return text -> words.contains(text) || rest.matcher(text).matches();
  }

  /**
   * The choices of a group's body split at its {@code |}, or null unless that split is certain: no
   * group of any kind inside it ({@code (?!}, {@code (?>}, ...) and no escape, and every {@code |}
   * outside a character class, whose bounds are certain too (no nested class, no {@code []} or
   * {@code [^]} whose {@code ]} is a literal, no {@code &&}).
   */
  private static List<String> flatChoices(String body) {
    List<String> choices = new ArrayList<>();
    boolean inClass = false;
    int classStart = -1;
    int choiceStart = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' || c == '(' || c == ')') {
        return null;
      }
      if (c == '[') {
        if (inClass) {
          return null;
        }
        inClass = true;
        classStart = i;
      } else if (c == ']' && inClass) {
        boolean leading =
            i == classStart + 1 || (i == classStart + 2 && body.charAt(classStart + 1) == '^');
        if (leading) {
          return null;
        }
        inClass = false;
      } else if (inClass && (c == '|' || c == '&')) {
        return null;
      } else if (c == '|') {
        choices.add(body.substring(choiceStart, i));
        choiceStart = i + 1;
      }
    }
    if (inClass) {
      return null;
    }
    choices.add(body.substring(choiceStart));
    return choices;
  }

  private static final MethodType ANY_GETTER = MethodType.methodType(Object.class, Object.class);

  private static MethodHandle getter(Class<?> type, String property) {
    String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
    for (String name : new String[] {"get" + suffix, "is" + suffix}) {
      try {
        Method method = type.getMethod(name);
        return MethodHandles.publicLookup().unreflect(method).asType(ANY_GETTER);
      } catch (NoSuchMethodException | IllegalAccessException e) {
        // try the next form; a getter not public is not one this check can read
      }
    }
    return null;
  }

  private static Object get(MethodHandle getter, Object bean) {
    try {
      return (Object) getter.invokeExact(bean);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("a generated model's getter threw " + e.getClass(), e);
    }
  }
}
