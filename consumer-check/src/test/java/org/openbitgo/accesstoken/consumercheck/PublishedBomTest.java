package org.openbitgo.accesstoken.consumercheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishedBomTest {

  private static final Path ROOT = Path.of(System.getProperty("reactor.root"));

  @TempDir Path copy;

  @Test
  void theBomPinsExactlyWhatWePublishWithoutAParent() throws Exception {
    assertThat(PublishedBom.problems(ROOT)).isEmpty();
  }

  @Test
  void refusesABomThatInheritsTheParent() throws Exception {
    reactorWithBom(
        bom ->
            bom.replace(
                "<groupId>org.openbitgo.accesstoken</groupId>\n  <artifactId>accesstoken-bom</artifactId>",
                "<parent><groupId>org.openbitgo.accesstoken</groupId><artifactId>accesstoken-parent</artifactId>"
                    + "<version>x</version></parent>\n  <artifactId>accesstoken-bom</artifactId>"));
    assertThat(PublishedBom.problems(copy)).anyMatch(p -> p.contains("has a <parent>"));
  }

  @Test
  void refusesABomThatMissesAPublishedModule() throws Exception {
    reactorWithBom(
        bom ->
            bom.replace(
                "<artifactId>accesstoken-server-stubs</artifactId>",
                "<artifactId>accesstoken-gone</artifactId>"));
    assertThat(PublishedBom.problems(copy)).anyMatch(p -> p.contains("the published modules are"));
  }

  @Test
  void refusesAJacksonVersionOtherThanTheParents() throws Exception {
    reactorWithBom(
        bom ->
            bom.replaceFirst(
                "(<artifactId>jackson-bom</artifactId>\\s*<version>)[^<]+", "$12.0.0"));
    assertThat(PublishedBom.problems(copy)).anyMatch(p -> p.contains("imports jackson-bom 2.0.0"));
  }

  /** Copies every POM of the reactor, with the BOM edited. */
  private void reactorWithBom(UnaryOperator<String> edit) throws IOException {
    try (var poms = Files.list(ROOT)) {
      for (Path dir :
          (Iterable<Path>) poms.filter(d -> Files.isRegularFile(d.resolve("pom.xml")))::iterator) {
        Path target = copy.resolve(ROOT.relativize(dir).toString()).resolve("pom.xml");
        Files.createDirectories(target.getParent());
        String pom = Files.readString(dir.resolve("pom.xml"));
        Files.writeString(
            target, dir.getFileName().toString().equals("bom") ? edit.apply(pom) : pom);
      }
    }
    Files.copy(ROOT.resolve("pom.xml"), copy.resolve("pom.xml"));
  }
}
