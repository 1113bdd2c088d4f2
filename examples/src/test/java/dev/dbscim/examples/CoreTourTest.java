package dev.dbscim.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CoreTourTest {
  @Test
  void run_printsEveryStepWithTheDocumentedResults() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    CoreTour.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains("\"x-vendor\":\"kept\"")
        .contains("\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"R&D\"}")
        .contains("filter:    userName sw \"ada\" and active eq true")
        .contains("round trip true")
        .contains("matches:   true")
        .contains("lenient:   displayName eq \"data-eng\"")
        .contains("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"8598139271121446\"}]}")
        .contains("{\"op\":\"remove\",\"path\":\"members[value eq \\\"100001\\\"]\"}")
        .contains("\"members\":[{\"value\":\"8598139271121446\"}]")
        .contains("page:      1 user(s), first ada@example.com");
  }
}
