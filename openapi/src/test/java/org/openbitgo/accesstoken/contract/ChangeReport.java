package org.openbitgo.accesstoken.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.HtmlRender;
import org.openapitools.openapidiff.core.output.MarkdownRender;
import org.openapitools.openapidiff.core.output.Render;
import org.openbitgo.accesstoken.contract.BreakingChangeGate.Result;
import org.openbitgo.accesstoken.contract.BreakingChangeGate.Verdict;

/**
 * Renders what {@link BreakingChangeGate} decided: the few lines the build prints, and the change
 * report a consumer reads ({@code target/contract-changes.md}, with openapi-diff's HTML beside it),
 * including what the change means for a generated client in each language ({@link ClientImpact}).
 */
public final class ChangeReport {

  private ChangeReport() {}

  /** A few lines saying what the gate decided and why; the build prints it. */
  public static String summary(Result r) {
    StringBuilder s = new StringBuilder();
    s.append(headline(r));
    r.problems().forEach(p -> s.append("\n  - ").append(p));
    r.breaking().forEach(b -> s.append("\n  - BREAKING ").append(b));
    r.compatible().forEach(c -> s.append("\n  - compatible ").append(c));
    r.advice().forEach(a -> s.append("\n").append(a));
    return s.toString();
  }

  /** The Markdown change report a consumer reads; also written when nothing changed. */
  public static String markdown(Result r, Path spec) {
    StringBuilder md = new StringBuilder();
    md.append("# Contract changes: ")
        .append(spec.getFileName())
        .append(" against release ")
        .append(Optional.ofNullable(r.baselineVersion()).orElse("(none)"))
        .append("\n\n");
    md.append("**").append(headline(r)).append("**\n\n");
    md.append("| | version | file |\n|---|---|---|\n");
    md.append("| spec | ")
        .append(Optional.ofNullable(r.specVersion()).orElse("?"))
        .append(" | `")
        .append(BreakingChangeGate.shown(spec))
        .append("` |\n");
    md.append("| baseline (last release) | ")
        .append(Optional.ofNullable(r.baselineVersion()).orElse("?"))
        .append(" | `")
        .append(r.baseline() == null ? "(none)" : BreakingChangeGate.shown(r.baseline()))
        .append("` |\n\n");
    if (!r.problems().isEmpty()) {
      md.append("## Problems\n\n");
      r.problems().forEach(p -> md.append("- ").append(p).append('\n'));
      md.append('\n');
    }
    if (r.verdict() == Verdict.NO_CHANGES) {
      md.append("No changes.\n");
      return md.toString();
    }
    md.append("## Breaking changes\n\n");
    if (r.breaking().isEmpty()) {
      md.append("None.\n\n");
    } else {
      r.breaking()
          .forEach(
              b ->
                  md.append("- ")
                      .append(b.location())
                      .append(": ")
                      .append(b.change())
                      .append(
                          b.source() == ContractChanges.Source.CONTRACT_RULE
                              ? " *(contract rule)*"
                              : "")
                      .append('\n'));
      md.append('\n');
    }
    md.append("## Compatible changes\n\n");
    if (r.compatible().isEmpty()) {
      md.append("None.\n\n");
    } else {
      r.compatible().forEach(c -> md.append("- ").append(c).append('\n'));
      md.append('\n');
    }
    md.append(ClientImpact.markdown(r.effects()));
    if (!r.advice().isEmpty()) {
      md.append("## What to do\n\n");
      r.advice().forEach(a -> md.append(a).append('\n'));
      md.append('\n');
    }
    if (r.diff() != null) {
      md.append("## Full difference (openapi-diff ")
          .append(
              OpenApiCompare.class.getPackage().getImplementationVersion() == null
                  ? "2.1.7"
                  : OpenApiCompare.class.getPackage().getImplementationVersion())
          .append(")\n\n");
      md.append("openapi-diff's own verdict at the end leaves out this contract's rules (marked")
          .append(
              " *contract rule* above) and its enum policy; the sections above are the gate's verdict.\n\n");
      md.append(render(new MarkdownRender(), r.diff()));
    }
    return md.toString();
  }

  /** Writes the Markdown change report to {@code report} and openapi-diff's HTML beside it. */
  static void write(Result result, Path spec, Path report) throws IOException {
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.writeString(report, markdown(result, spec), StandardCharsets.UTF_8);
    if (result.diff() != null) {
      // the HTML twin costs one more render of a diff already computed
      String name = report.getFileName().toString().replaceFirst("\\.md$", "") + ".html";
      Files.writeString(
          report.resolveSibling(name),
          render(new HtmlRender(), result.diff()),
          StandardCharsets.UTF_8);
    }
  }

  private static String headline(Result r) {
    return switch (r.verdict()) {
      case NO_CHANGES -> "No changes against release " + r.baselineVersion() + ".";
      case COMPATIBLE ->
          "Compatible with release " + r.baselineVersion() + " (spec " + r.specVersion() + ").";
      case BREAKING_IN_NEW_MAJOR ->
          "Breaking changes against release "
              + r.baselineVersion()
              + ", accepted as new major version "
              + r.specVersion()
              + ".";
      case REFUSED ->
          "REFUSED: the spec"
              + (r.specVersion() == null ? "" : " (" + r.specVersion() + ")")
              + " cannot replace release "
              + Optional.ofNullable(r.baselineVersion()).orElse("(none)")
              + ".";
    };
  }

  private static String render(Render renderer, ChangedOpenApi diff) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStreamWriter out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      renderer.render(diff, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
