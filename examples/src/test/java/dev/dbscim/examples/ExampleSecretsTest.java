package dev.dbscim.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every example program against its embedded fake and checks that no secret the fake hands out (SCIM tokens
 * {@code dapi...}, OAuth client secrets {@code dose...}, OAuth access tokens {@code eyJ...}) shows in what the program
 * prints or in dbscim's logs at any level.
 */
class ExampleSecretsTest {
  static final Pattern SECRET = Pattern.compile("dapi[0-9a-f]{8}|dose[0-9a-f]{8}|eyJmYWtlIjoib2F1dGgifQ\\.|Bearer ");

  interface Example {
    void main(String[] args) throws Exception;
  }

  static Stream<Object[]> examples() {
    return Stream.of(
        new Object[] {"AccountQuickStart", (Example) AccountQuickStart::main},
        new Object[] {"WorkspaceQuickStart", (Example) WorkspaceQuickStart::main},
        new Object[] {"TokenRotation", (Example) TokenRotation::main},
        new Object[] {"OAuthServicePrincipal", (Example) OAuthServicePrincipal::main},
        new Object[] {"MigrateWorkspaceGroups", (Example) MigrateWorkspaceGroups::main},
        new Object[] {"MigrateToAccountProvisioning", (Example) MigrateToAccountProvisioning::main},
        new Object[] {"CoreTour", (Example) CoreTour::main});
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  @Timeout(60)
  void example_printsAndLogsNoSecret(String name, Example example) throws Exception {
    assumeTrue(System.getenv("DATABRICKS_HOST") == null, "the examples talk to a real account when it is set");
    List<String> logged = Collections.synchronizedList(new ArrayList<>());
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLoggerName() != null && record.getLoggerName().startsWith("dev.dbscim")) {
          logged.add(record.getMessage() + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    capture.setLevel(Level.ALL);
    Logger root = Logger.getLogger("");
    Level rootLevel = root.getLevel();
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream both = new PrintStream(printed, true, StandardCharsets.UTF_8.name());
    root.setLevel(Level.ALL);
    root.addHandler(capture);
    System.setOut(both);
    System.setErr(both);
    try {
      example.main(new String[0]);
    } finally {
      System.setOut(out);
      System.setErr(err);
      root.removeHandler(capture);
      root.setLevel(rootLevel);
    }
    String text = new String(printed.toByteArray(), StandardCharsets.UTF_8);
    assertThat(text).as(name + " printed something").isNotBlank();
    assertThat(SECRET.matcher(text).find()).as(name + " output:\n" + text).isFalse();
    for (String line : logged) {
      assertThat(SECRET.matcher(line).find()).as(name + " log: " + line).isFalse();
    }
  }
}
