package dev.dbscim.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.core.json.ScimJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table tests over {@code fixtures/patches/*.json}: every PATCH example of RFC 7644 section 3.5.2, the forms Entra ID
 * and Okta send, the Databricks variants table and the error cases. Each request is read from its wire JSON first.
 */
class PatchApplierFixtureTest {
  private static final PatchApplier APPLIER = PatchApplier.create();

  static Stream<Arguments> successCases() {
    List<Arguments> cases = new ArrayList<>();
    for (String file : new String[] {"rfc7644", "identity-providers", "databricks"}) {
      for (JsonNode fixture : load(file)) {
        cases.add(Arguments.of(Named.of(file + ": " + fixture.get("name").asText(), fixture)));
      }
    }
    return cases.stream();
  }

  static Stream<Arguments> errorCases() {
    List<Arguments> cases = new ArrayList<>();
    for (JsonNode fixture : load("errors")) {
      cases.add(Arguments.of(Named.of(fixture.get("name").asText(), fixture)));
    }
    return cases.stream();
  }

  @ParameterizedTest
  @MethodSource("successCases")
  void apply_fixture_producesExpectedResource(JsonNode fixture) {
    JsonNode resource = fixture.get("resource");
    JsonNode before = resource.deepCopy();
    PatchRequest request = ScimJson.fromTree(fixture.get("request"), PatchRequest.class);

    JsonNode patched = APPLIER.apply(resource, request);

    assertThat(patched).isEqualTo(fixture.get("expected"));
    assertThat(resource).isEqualTo(before);
  }

  @ParameterizedTest
  @MethodSource("errorCases")
  void apply_errorFixture_throwsPatchExceptionWithScimType(JsonNode fixture) {
    JsonNode resource = fixture.get("resource");
    JsonNode before = resource.deepCopy();
    PatchRequest request = ScimJson.fromTree(fixture.get("request"), PatchRequest.class);

    PatchException e = catchThrowableOfType(PatchException.class, () -> APPLIER.apply(resource, request));

    assertThat(e).as("expected a PatchException").isNotNull();
    assertThat(e.scimType()).isEqualTo(fixture.get("error").asText());
    assertThat(e.operationIndex()).isZero();
    assertThat(e.getMessage()).startsWith("PATCH operation 0 (");
    assertThat(resource).isEqualTo(before);
  }

  private static JsonNode load(String name) {
    String resource = "/fixtures/patches/" + name + ".json";
    try (InputStream in = PatchApplierFixtureTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + resource);
      }
      return ScimJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), JsonNode.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
