package dev.dbscim.examples.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks what this build staged for a release. In {@code mvn -Pstage verify} every published module deploys its
 * artifacts into its own {@code target/staging} (the parent POM's {@code stage-locally} execution); this test runs in
 * examples' verify phase, after all of them, and checks each as Maven Central would: jar, sources, Javadoc and POM with
 * their checksums (and signatures when signing is on), and the POM elements Central requires. A module that sets
 * {@code maven.deploy.skip} (examples) must have staged nothing.
 *
 * <p>It reads the system properties {@code dbscim.staging.root} (the repository root), {@code dbscim.staging.version}
 * and {@code dbscim.staging.gpgSkip}, which the surefire execution in examples' POM sets.
 */
@Timeout(30)
class StagedReleaseTest {
  private static final String GROUP_ID = "dev.dbscim";

  @Test
  void stagedModules_passCentralsRules() throws IOException {
    Path root = Paths.get(property("dbscim.staging.root")).toAbsolutePath().normalize();
    String version = property("dbscim.staging.version");
    boolean signed = !Boolean.parseBoolean(property("dbscim.staging.gpgSkip"));
    Element parent = StagedRepositoryChecker.parse(root.resolve("pom.xml"));
    List<Path> repositories = new ArrayList<>();
    List<String> published = new ArrayList<>();
    repositories.add(root.resolve("target/staging"));
    published.add(StagedRepositoryChecker.text(parent, "artifactId").orElseThrow());
    List<String> unpublished = new ArrayList<>();
    for (String module : modules(parent)) {
      Element pom = StagedRepositoryChecker.parse(root.resolve(module).resolve("pom.xml"));
      String artifactId = StagedRepositoryChecker.text(pom, "artifactId").orElseThrow();
      if (StagedRepositoryChecker.text(pom, "properties/maven.deploy.skip").orElse("false").equals("true")) {
        unpublished.add(module);
      } else {
        published.add(artifactId);
        repositories.add(root.resolve(module).resolve("target/staging"));
      }
    }
    StagedRepositoryChecker checker = new StagedRepositoryChecker(repositories, signed);

    List<String> problems = new ArrayList<>();
    for (String artifactId : published) {
      problems.addAll(checker.check(GROUP_ID, artifactId, version));
    }

    assertThat(published).as("published artifacts").contains("dbscim-parent", "scim-core", "scim-client",
        "scim-testkit");
    assertThat(unpublished).as("modules that are not published").containsExactly("examples");
    assertThat(problems).as("staged release problems").isEmpty();
    for (String module : unpublished) {
      assertThat(filesIn(root.resolve(module).resolve("target/staging"))).as(module + " is not published").isEmpty();
    }
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    assumeTrue(value != null && !value.isEmpty(),
        "system property " + name + " is set by the staged-release-test execution of examples' POM (-Pstage)");
    return value;
  }

  private static List<String> modules(Element parent) {
    List<String> modules = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element && child.getNodeName().equals("modules")) {
        for (Node module = child.getFirstChild(); module != null; module = module.getNextSibling()) {
          if (module instanceof Element) {
            modules.add(module.getTextContent().trim());
          }
        }
      }
    }
    return modules;
  }

  private static List<Path> filesIn(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return new ArrayList<>();
    }
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).collect(Collectors.toList());
    }
  }
}
