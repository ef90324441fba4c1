package org.openbitgo.accesstoken.conformance;

import java.util.List;

/** The checks of one group (e.g. {@code create.*}), for the environment and options of a run. */
interface CheckGroup {
  List<Check> checks(Environment environment, KitOptions options);
}
