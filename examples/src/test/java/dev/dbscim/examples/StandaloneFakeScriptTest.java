package dev.dbscim.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs {@code src/main/shell/standalone-fake.sh} with bash against the standalone jar of scim-testkit, which the
 * reactor packages before this module's tests run in {@code mvn verify}.
 */
@Timeout(60)
class StandaloneFakeScriptTest {
  private static Path moduleDirectory() {
    String basedir = System.getProperty("basedir");
    return (basedir != null ? Paths.get(basedir) : Paths.get("")).toAbsolutePath();
  }

  private static Path standaloneJar(Path module) throws IOException {
    Path target = module.resolveSibling("scim-testkit").resolve("target");
    List<Path> jars = new ArrayList<>();
    if (Files.isDirectory(target)) {
      try (DirectoryStream<Path> found = Files.newDirectoryStream(target, "scim-testkit-*-standalone.jar")) {
        found.forEach(jars::add);
      }
    }
    assertThat(jars).as("the standalone jar in %s; build it with mvn -pl scim-testkit -am package", target)
        .hasSize(1);
    return jars.get(0);
  }

  private static boolean available(String command) throws IOException, InterruptedException {
    try {
      Process probe = new ProcessBuilder("bash", "-c", "command -v " + command).redirectErrorStream(true).start();
      probe.getInputStream().readAllBytes();
      return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void script_startsTheFakeCreatesAndListsAUserAndStops() throws Exception {
    assumeTrue(available("bash"), "bash is not installed");
    assumeTrue(available("curl"), "curl is not installed");
    Path module = moduleDirectory();
    Path script = module.resolve("src/main/shell/standalone-fake.sh");

    Process process = new ProcessBuilder("bash", script.toString(), standaloneJar(module).toString())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean exited = process.waitFor(30, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly();
    }

    assertThat(exited).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("created shell@example.com")
        .contains("listed: \"totalResults\":1")
        .contains("state: \"userName\":\"shell@example.com\"");
  }
}
