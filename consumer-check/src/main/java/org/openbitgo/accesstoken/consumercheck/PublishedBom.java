package org.openbitgo.accesstoken.consumercheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What a consumer gets from {@code bom/pom.xml}: it must have no parent (an import brings the
 * parent's whole dependencyManagement along), pin exactly the modules we publish (every module
 * without {@code maven.install.skip}) at the project's version, and Jackson at the parent's {@code
 * jackson.version}.
 */
public final class PublishedBom {

  static final String GROUP = "org.openbitgo.accesstoken";
  static final String BOM = "accesstoken-bom";

  private PublishedBom() {}

  /**
   * Every way {@code bom/pom.xml} of the reactor at {@code root} differs from that; empty if none.
   */
  public static List<String> problems(Path root) throws Exception {
    XPath xp = XPathFactory.newInstance().newXPath();
    Document parent = read(root.resolve("pom.xml"));
    String version = xp.evaluate("/project/version", parent);
    String jackson = xp.evaluate("/project/properties/jackson.version", parent);

    Set<String> published = new TreeSet<>();
    NodeList modules =
        (NodeList) xp.evaluate("/project/modules/module", parent, XPathConstants.NODESET);
    for (int i = 0; i < modules.getLength(); i++) {
      Document module =
          read(root.resolve(modules.item(i).getTextContent().trim()).resolve("pom.xml"));
      String artifactId = xp.evaluate("/project/artifactId", module);
      if (!"true".equals(xp.evaluate("/project/properties/maven.install.skip", module).trim())
          && !artifactId.equals(BOM)) {
        published.add(artifactId);
      }
    }

    List<String> problems = new ArrayList<>();
    Document bom = read(root.resolve("bom/pom.xml"));
    if (((NodeList) xp.evaluate("/project/parent", bom, XPathConstants.NODESET)).getLength() > 0) {
      problems.add(
          "bom/pom.xml has a <parent>: importing the BOM would import the parent's dependencyManagement too");
    }
    if (!xp.evaluate("/project/version", bom).equals(version)) {
      problems.add(
          "bom/pom.xml version "
              + xp.evaluate("/project/version", bom)
              + " is not the project's "
              + version);
    }
    Set<String> pinned = new TreeSet<>();
    NodeList managed =
        (NodeList)
            xp.evaluate(
                "/project/dependencyManagement/dependencies/dependency",
                bom,
                XPathConstants.NODESET);
    for (int i = 0; i < managed.getLength(); i++) {
      Element dependency = (Element) managed.item(i);
      String group = text(xp, dependency, "groupId");
      String artifact = text(xp, dependency, "artifactId");
      String pinnedVersion = text(xp, dependency, "version");
      if (group.equals(GROUP)) {
        pinned.add(artifact);
        if (!pinnedVersion.equals("${project.version}")) {
          problems.add(
              "bom/pom.xml pins "
                  + artifact
                  + " at "
                  + pinnedVersion
                  + " instead of ${project.version}");
        }
      } else if (group.equals("com.fasterxml.jackson") && artifact.equals("jackson-bom")) {
        if (!pinnedVersion.equals(jackson)) {
          problems.add(
              "bom/pom.xml imports jackson-bom "
                  + pinnedVersion
                  + ", the build uses jackson.version "
                  + jackson);
        }
      } else {
        problems.add(
            "bom/pom.xml pins " + group + ":" + artifact + ", which is neither ours nor Jackson");
      }
    }
    if (!pinned.equals(published)) {
      problems.add("bom/pom.xml pins " + pinned + " but the published modules are " + published);
    }
    return problems;
  }

  private static String text(XPath xp, Element element, String child)
      throws XPathExpressionException {
    return xp.evaluate(child, element).trim();
  }

  private static Document read(Path pom) throws Exception {
    if (!Files.isRegularFile(pom)) {
      throw new IllegalStateException("no " + pom);
    }
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
  }
}
