package org.openbitgo.accesstoken.agreement;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares every component's verdict on every row of the table. Two judged verdicts (accept,
 * refuse) that differ are a disagreement, named by the row and the components; so is a missing
 * verdict, and a client that leaves to the server a field every client must judge (the bearer
 * token, amounts). The table's own {@code expect} takes part as the component {@code table}.
 */
final class Agreement {

  static final String TABLE = "table";

  private Agreement() {}

  /**
   * @param verdicts per component, per row id
   * @return one line per problem; empty when every component agrees on every row
   */
  static List<String> disagreements(
      AgreementTable table, Map<String, Map<String, Verdict>> verdicts) {
    List<String> problems = new ArrayList<>();
    for (String client : table.clients()) {
      for (String field : table.leftToServer(client)) {
        if (table.field(field).judgedByEveryClient()) {
          problems.add(
              client + " leaves " + field + " to the server, but every client must judge it");
        }
      }
    }
    for (AgreementTable.Row row : table.rows()) {
      Map<String, Verdict> byComponent = new LinkedHashMap<>();
      byComponent.put(TABLE, row.expect());
      for (Map.Entry<String, Map<String, Verdict>> component : verdicts.entrySet()) {
        Verdict verdict = component.getValue().get(row.id());
        if (verdict == null) {
          problems.add(row.id() + ": no verdict from " + component.getKey());
        } else {
          byComponent.put(component.getKey(), verdict);
        }
      }
      Set<Verdict> judged = EnumSet.noneOf(Verdict.class);
      byComponent.values().stream().filter(v -> v != Verdict.LEFT_TO_SERVER).forEach(judged::add);
      if (judged.size() > 1) {
        problems.add(
            row.id()
                + " ("
                + row.field()
                + ", "
                + row.why()
                + "): "
                + byComponent.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue().word())
                    .collect(Collectors.joining(", ")));
      }
    }
    return problems;
  }
}
