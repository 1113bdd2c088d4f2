package dev.dbscim.examples.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedRepositoryCheckerTest {
  static final String VERSION = "0.1.0-SNAPSHOT";
  static final String STAMP = "0.1.0-20260105.101500-1";

  static final String PARENT_POM = "<project>\n"
      + "  <modelVersion>4.0.0</modelVersion>\n"
      + "  <groupId>dev.dbscim</groupId>\n"
      + "  <artifactId>dbscim-parent</artifactId>\n"
      + "  <version>" + VERSION + "</version>\n"
      + "  <packaging>pom</packaging>\n"
      + "  <name>dbscim</name>\n"
      + "  <description>SDK</description>\n"
      + "  <url>https://github.com/dbscim/dbscim</url>\n"
      + "  <licenses><license><name>Apache License, Version 2.0</name></license></licenses>\n"
      + "  <developers><developer><name>The dbscim developers</name></developer></developers>\n"
      + "  <scm><connection>scm:git:https://github.com/dbscim/dbscim.git</connection>"
      + "<url>https://github.com/dbscim/dbscim</url></scm>\n"
      + "</project>\n";

  static final String MODULE_POM = "<project>\n"
      + "  <modelVersion>4.0.0</modelVersion>\n"
      + "  <parent><groupId>dev.dbscim</groupId><artifactId>dbscim-parent</artifactId>"
      + "<version>" + VERSION + "</version></parent>\n"
      + "  <artifactId>scim-core</artifactId>\n"
      + "  <name>dbscim :: scim-core</name>\n"
      + "  <description>Models</description>\n"
      + "</project>\n";

  @TempDir
  Path repository;

  private Path stage(String artifactId, String pom, String... files) throws IOException {
    Path directory = repository.resolve("dev/dbscim/" + artifactId + "/" + VERSION);
    Files.createDirectories(directory);
    write(directory, artifactId + "-" + STAMP + ".pom", pom.getBytes(StandardCharsets.UTF_8));
    for (String suffix : files) {
      write(directory, artifactId + "-" + STAMP + suffix, ("content of " + suffix).getBytes(StandardCharsets.UTF_8));
    }
    return directory;
  }

  private static void write(Path directory, String name, byte[] content) throws IOException {
    Files.write(directory.resolve(name), content);
    for (String algorithm : Arrays.asList("md5", "sha1")) {
      Files.write(directory.resolve(name + "." + algorithm),
          StagedRepositoryChecker.digest(algorithm, content).getBytes(StandardCharsets.US_ASCII));
    }
  }

  private void stageComplete(String modulePom) throws IOException {
    stage("dbscim-parent", PARENT_POM);
    stage("scim-core", modulePom, ".jar", "-sources.jar", "-javadoc.jar");
  }

  private List<String> check(boolean signed, String artifactId) {
    return new StagedRepositoryChecker(Collections.singletonList(repository), signed)
        .check("dev.dbscim", artifactId, VERSION);
  }

  @Test
  void check_completeStagingWithInheritedMetadata_findsNoProblem() throws IOException {
    stageComplete(MODULE_POM);

    assertThat(check(false, "dbscim-parent")).isEmpty();
    assertThat(check(false, "scim-core")).isEmpty();
  }

  @Test
  void check_pomWithoutDescriptionAnywhere_reportsIt() throws IOException {
    stage("dbscim-parent", PARENT_POM.replace("  <description>SDK</description>\n", ""));
    stage("scim-core", MODULE_POM.replace("  <description>Models</description>\n", ""),
        ".jar", "-sources.jar", "-javadoc.jar");

    assertThat(check(false, "dbscim-parent")).containsExactly("dev.dbscim:dbscim-parent:" + VERSION
        + ": POM has no <description> (nor inherits one from a staged parent)");
    assertThat(check(false, "scim-core")).containsExactly("dev.dbscim:scim-core:" + VERSION
        + ": POM has no <description> (nor inherits one from a staged parent)");
  }

  @Test
  void check_eachRequiredElementRemovedFromTheParent_isReported() throws IOException {
    for (String element : Arrays.asList("<url>https://github.com/dbscim/dbscim</url>\n",
        "<licenses><license><name>Apache License, Version 2.0</name></license></licenses>\n",
        "<developers><developer><name>The dbscim developers</name></developer></developers>\n",
        "<connection>scm:git:https://github.com/dbscim/dbscim.git</connection>")) {
      stageComplete(MODULE_POM);
      stage("dbscim-parent", PARENT_POM.replace(element, ""));

      assertThat(check(false, "dbscim-parent")).as(element).hasSize(1);
      assertThat(check(false, "scim-core")).as(element).hasSize(1)
          .allMatch(problem -> problem.startsWith("dev.dbscim:scim-core:" + VERSION + ": POM has no <"));
    }
  }

  @Test
  void check_moduleWithoutName_isReportedEvenThoughTheParentHasOne() throws IOException {
    stageComplete(MODULE_POM.replace("  <name>dbscim :: scim-core</name>\n", ""));

    assertThat(check(false, "scim-core")).containsExactly("dev.dbscim:scim-core:" + VERSION + ": POM has no <name>");
  }

  @Test
  void check_parentNotStaged_reportsTheMetadataItWouldInherit() throws IOException {
    stage("scim-core", MODULE_POM, ".jar", "-sources.jar", "-javadoc.jar");

    assertThat(check(false, "scim-core")).hasSize(5)
        .anyMatch(problem -> problem.contains("<licenses/license/name>"));
  }

  @Test
  void check_missingJavadocJar_reportsIt() throws IOException {
    stage("dbscim-parent", PARENT_POM);
    stage("scim-core", MODULE_POM, ".jar", "-sources.jar");

    assertThat(check(false, "scim-core")).containsExactly("dev.dbscim:scim-core:" + VERSION + ": missing scim-core-"
        + STAMP + "-javadoc.jar");
  }

  @Test
  void check_wrongOrMissingChecksum_reportsIt() throws IOException {
    stageComplete(MODULE_POM);
    Path directory = repository.resolve("dev/dbscim/scim-core/" + VERSION);
    Files.write(directory.resolve("scim-core-" + STAMP + ".jar.sha1"), "0000".getBytes(StandardCharsets.US_ASCII));
    Files.delete(directory.resolve("scim-core-" + STAMP + "-sources.jar.md5"));

    assertThat(check(false, "scim-core")).hasSize(2)
        .anyMatch(problem -> problem.contains(".jar.sha1 is 0000, the file's is "))
        .anyMatch(problem -> problem.endsWith("missing scim-core-" + STAMP + "-sources.jar.md5"));
  }

  @Test
  void check_signedWithoutSignatures_reportsEachFile() throws IOException {
    stageComplete(MODULE_POM);
    Path directory = repository.resolve("dev/dbscim/scim-core/" + VERSION);
    Files.write(directory.resolve("scim-core-" + STAMP + ".jar.asc"),
        "-----BEGIN PGP SIGNATURE-----\n\n-----END PGP SIGNATURE-----\n".getBytes(StandardCharsets.US_ASCII));

    assertThat(check(true, "scim-core")).hasSize(3)
        .allMatch(problem -> problem.contains("missing or not a PGP signature"))
        .noneMatch(problem -> problem.endsWith(STAMP + ".jar.asc"));
  }

  @Test
  void check_notStaged_saysWhereItLooked() {
    assertThat(check(false, "scim-client")).singleElement().asString()
        .contains("not staged").contains("dev/dbscim/scim-client/" + VERSION);
  }
}
