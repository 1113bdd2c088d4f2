package dev.dbscim.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the runnable jar ({@code target/dbscim-cli.jar}) in a child JVM. In {@code mvn verify} it runs in the package
 * phase, right after the jar is built; in a plain test run it is skipped while the jar does not exist.
 */
@Timeout(60)
class CliJarTest {
  static final Path JAR = Paths.get("target", "dbscim-cli.jar");

  static final class Result {
    final int exitCode;
    final String out;
    final String err;

    Result(int exitCode, String out, String err) {
      this.exitCode = exitCode;
      this.out = out;
      this.err = err;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
  }

  static Result java(Path dir, String... args) throws IOException, InterruptedException {
    assumeTrue(Files.isRegularFile(JAR), "the jar is built in the package phase: " + JAR.toAbsolutePath());
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toAbsolutePath().toString());
    command.addAll(Arrays.asList(args));
    File out = dir.resolve("out.txt").toFile();
    File err = dir.resolve("err.txt").toFile();
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out).redirectError(err)
        .redirectInput(ProcessBuilder.Redirect.from(new File(dir.toFile(), "no-input")));
    Files.write(dir.resolve("no-input"), new byte[0]);
    builder.environment().keySet().removeIf(name -> name.startsWith("DATABRICKS_"));
    Process process = builder.start();
    if (!process.waitFor(50, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the jar did not finish in 50 s");
    }
    return new Result(process.exitValue(), new String(Files.readAllBytes(out.toPath()), StandardCharsets.UTF_8),
        new String(Files.readAllBytes(err.toPath()), StandardCharsets.UTF_8));
  }

  @Test
  void jar_demoOnASmallDirectory_provisionsThenPlansNoChanges(@TempDir Path dir) throws Exception {
    Result result = java(dir, "demo", "--directory", CliRun.resource("small-directory.json"));

    assertThat(result.exitCode).as(result.toString()).isZero();
    assertThat(result.out).contains("First sync").contains("No changes.");
    assertThat(result.err).contains("Progress: 10/10 (100%)");
  }

  @Test
  void jar_unknownOption_exits64(@TempDir Path dir) throws Exception {
    Result result = java(dir, "--frobnicate");

    assertThat(result.exitCode).as(result.toString()).isEqualTo(64);
    assertThat(result.err).contains("Unknown option").doesNotContain("\tat ");
  }
}
