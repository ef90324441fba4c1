package org.openbitgo.accesstoken.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openbitgo.accesstoken.stub.StubEnvironment;
import org.openbitgo.accesstoken.stub.StubServer;
import org.openbitgo.accesstoken.stub.StubServerConfig;

/**
 * Every component judges every row of the table and they must agree (issue 21 item 2): the stub
 * (in-process, over HTTP) and the Java client here; the TypeScript package and the Python wheel in
 * their own modules' tests, which leave their verdicts in {@code target/agreement-verdicts.json}
 * (the files are given in {@code agreement.verdictFiles}; none with {@code -DjavaOnly}).
 */
class AgreementTest {

  static final AgreementTable TABLE =
      AgreementTable.read(Path.of(System.getProperty("agreement.table")));

  static StubServer stub;

  @BeforeAll
  static void startStub() {
    stub =
        StubServer.start(
            StubServerConfig.builder()
                .port(0)
                .environment(StubEnvironment.TEST)
                .acceptedToken(TABLE.callerToken())
                .build());
  }

  @AfterAll
  static void stopStub() {
    stub.close();
  }

  @Test
  void everyComponentGivesTheSameVerdictOnEveryInput() {
    Map<String, Map<String, Verdict>> verdicts = new LinkedHashMap<>();
    StubJudge stubJudge = new StubJudge(stub.port());
    Map<String, Verdict> byStub = new LinkedHashMap<>();
    Map<String, Verdict> byJava = new LinkedHashMap<>();
    try (JavaClientJudge javaClient =
        new JavaClientJudge(URI.create("http://127.0.0.1:" + stub.port()))) {
      for (AgreementTable.Row row : TABLE.rows()) {
        byStub.put(row.id(), stubJudge.judge(TABLE, row));
        byJava.put(row.id(), javaClient.judge(TABLE, row));
      }
    }
    verdicts.put("stub", byStub);
    verdicts.put(JavaClientJudge.COMPONENT, byJava);
    for (String file : verdictFiles()) {
      VerdictFiles.Verdicts other = VerdictFiles.read(Path.of(file), TABLE);
      verdicts.put(other.component(), other.byRow());
    }

    System.out.println(summary(verdicts));
    assertThat(TABLE.rows()).as("rows in the table").hasSizeGreaterThan(40);
    assertThat(Agreement.disagreements(TABLE, verdicts))
        .as("inputs the components judge differently (row: each component's verdict)")
        .isEmpty();
  }

  private static List<String> verdictFiles() {
    String files = System.getProperty("agreement.verdictFiles", "");
    return Arrays.stream(files.split(",")).map(String::strip).filter(f -> !f.isEmpty()).toList();
  }

  private static String summary(Map<String, Map<String, Verdict>> verdicts) {
    StringBuilder line =
        new StringBuilder("[agreement] " + TABLE.rows().size() + " rows, judged by");
    verdicts.forEach(
        (component, byRow) -> {
          Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
          byRow.values().forEach(v -> counts.merge(v, 1, Integer::sum));
          line.append(" | ").append(component).append(": ");
          counts.forEach((v, n) -> line.append(n).append(' ').append(v.word()).append(", "));
          line.setLength(line.length() - 2);
        });
    return line.toString();
  }
}
