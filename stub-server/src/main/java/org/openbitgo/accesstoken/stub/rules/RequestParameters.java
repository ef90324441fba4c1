package org.openbitgo.accesstoken.stub.rules;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/** The names the generated interface gives an operation's query and path parameters. */
final class RequestParameters {

  private RequestParameters() {}

  /** The {@code @QueryParam} or {@code @PathParam} name of parameter {@code index}. */
  static String nameOf(Method operation, int index) {
    if (index < 0) {
      return "parameters";
    }
    for (Annotation annotation : operation.getParameterAnnotations()[index]) {
      if (annotation instanceof QueryParam query) {
        return query.value();
      }
      if (annotation instanceof PathParam path) {
        return path.value();
      }
    }
    return operation.getParameters()[index].getName();
  }
}
