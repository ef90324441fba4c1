package org.openbitgo.accesstoken.conformance;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import org.openbitgo.accesstoken.contract.ContractFacts;

/**
 * {@code java -jar accesstoken-conformance-kit.jar --base-url URL --token TOKEN}: runs the checks
 * on the JUnit Platform and reports them (console, JUnit XML, Markdown). Exit status 0 when every
 * check passed, 1 when any failed or none ran, 2 for a usage error, 3 when the URL cannot be
 * reached or does not answer like this API.
 */
public final class ConformanceKitMain {

  static final int PASSED = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int UNREACHABLE = 3;

  private ConformanceKitMain() {}

  public static void main(String[] args) {
    System.exit(run(List.of(args), System.getenv(), System.out, System.err));
  }

  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    CommandLineOptions options;
    try {
      options = CommandLineOptions.parse(args, env);
    } catch (CommandLineOptions.UsageException e) {
      err.println("error: " + e.getMessage());
      err.println(CommandLineOptions.USAGE);
      return USAGE;
    }
    if (options.help()) {
      out.print(CommandLineOptions.HELP);
      return PASSED;
    }
    if (options.version()) {
      out.println("accesstoken-conformance-kit, contract " + ContractFacts.contractVersion());
      return PASSED;
    }
    if (options.list()) {
      for (Check check : ConformanceKit.catalogue(options.environment(), options.kitOptions())) {
        out.println(check.displayName() + "\n    " + check.rule());
      }
      return PASSED;
    }
    List<Check> checks = ConformanceKit.catalogue(options.environment(), options.kitOptions());
    if (checks.isEmpty()) {
      err.println(
          "error: no check matches the --only/--skip patterns given (--list shows the names)");
      err.println(CommandLineOptions.USAGE);
      return USAGE;
    }
    SSLContext ssl = null;
    if (options.caCert() != null) {
      try {
        ssl = TrustedCertificates.trusting(options.caCert());
      } catch (IOException | GeneralSecurityException e) {
        err.println("error: --ca-cert " + options.caCert() + ": " + e.getMessage());
        return USAGE;
      }
    }
    ProviderTarget target = options.target(ssl);
    Optional<String> unreachable = Preflight.problem(target);
    if (unreachable.isPresent()) {
      err.println("error: " + unreachable.get());
      return UNREACHABLE;
    }
    return runChecks(options, target, checks, out);
  }

  /**
   * JUnit XML lists every system property, {@code sun.java.command} (the command line, with {@code
   * --token}) among them: redact them before any report is written.
   */
  private static void redactSystemProperties(Redactor redactor) {
    for (String name : System.getProperties().stringPropertyNames()) {
      String value = System.getProperty(name);
      String redacted = redactor.redact(value);
      if (!redacted.equals(value)) {
        System.setProperty(name, redacted);
      }
    }
  }

  private static int runChecks(
      CommandLineOptions options, ProviderTarget target, List<Check> checks, PrintStream out) {
    String header =
        String.format(
            Locale.ROOT,
            "Provider %s, environment %s, contract %s, invalid-body seed %d%s.",
            target.baseUrl(),
            target.environment().cliName(),
            ContractFacts.contractVersion(),
            options.kitOptions().seed(),
            target.stateChangeUrl().map(u -> ", provider states through " + u).orElse(""));
    out.println("Conformance kit: " + checks.size() + " checks. " + header);

    CheckContext context = new CheckContext(target, options.kitOptions(), new ProviderHttp(target));
    redactSystemProperties(context.redactor());
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectUniqueId(UniqueId.forEngine(ConformanceEngine.ID)))
            .build();
    RunReport report = new RunReport(out, checks);
    Path reportDir = options.reportDir();
    PrintWriter xmlErrors = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    Launcher launcher =
        LauncherFactory.create(
            LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .addTestEngines(new ConformanceEngine(checks, context))
                .build());
    launcher.execute(request, report, new LegacyXmlReportGeneratingListener(reportDir, xmlErrors));

    int[] revoked = context.http().revokeCreatedTokens();
    report.printSummary(out);
    out.println(
        "Tokens the kit created: "
            + revoked[0]
            + " revoked"
            + (revoked[1] == 0 ? "" : ", " + revoked[1] + " no longer held by the provider")
            + (revoked[2] == 0
                ? ""
                : ", " + revoked[2] + " could not be revoked (they expire within 600 s)")
            + ".");
    try {
      report.writeMarkdown(reportDir.resolve("conformance-report.md"), header);
      out.println(
          "Reports: "
              + reportDir.resolve("conformance-report.md")
              + ", "
              + reportDir.resolve("TEST-" + ConformanceEngine.ID + ".xml"));
    } catch (IOException e) {
      out.println("could not write the Markdown report: " + e.getMessage());
    }
    long ran = report.count(RunReport.Outcome.PASSED) + report.count(RunReport.Outcome.FAILED);
    if (ran == 0) {
      out.println("FAIL no check ran: a run that judged nothing has not passed");
      return FAILED;
    }
    return report.count(RunReport.Outcome.FAILED) > 0 ? FAILED : PASSED;
  }
}
