package dev.dbscim.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.core.json.ScimJson;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every captured resource fixture survives read, toBuilder, build and write, and read-write-read. */
class ModelRoundTripTest {
  static Stream<Arguments> resourceFixtures() {
    return Stream.of(
        Arguments.of("users/account-create-response", User.class),
        Arguments.of("users/workspace-get", User.class),
        Arguments.of("users/entra-create-request", User.class),
        Arguments.of("users/okta-create-request", User.class),
        Arguments.of("groups/workspace-create-response", Group.class),
        Arguments.of("groups/account-group", Group.class),
        Arguments.of("servicePrincipals/with-groups", ServicePrincipal.class));
  }

  static Stream<Arguments> errorFixtures() {
    return Stream.of("errors/conflict-409", "errors/invalid-filter-400", "errors/not-found-404",
        "errors/entitlements-invalid-value-400").map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("resourceFixtures")
  void readToBuilderWrite_resourceFixture_equalsInputWithoutEmptyArrays(String fixture, Class<? extends ScimResource> type) {
    ScimResource read = ScimJson.read(ModelFixtures.text(fixture), type);

    JsonNode written = ModelFixtures.written(rebuild(read));

    assertThat(written).isEqualTo(ModelFixtures.withoutEmptyArrays(ModelFixtures.tree(fixture)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("resourceFixtures")
  void readWriteRead_resourceFixture_equalsFirstRead(String fixture, Class<? extends ScimResource> type) {
    ScimResource first = ScimJson.read(ModelFixtures.text(fixture), type);

    ScimResource second = ScimJson.read(ScimJson.write(first), type);

    assertThat(second).isEqualTo(first);
    assertThat(second.hashCode()).isEqualTo(first.hashCode());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("resourceFixtures")
  void read_resourceFixture_keepsUnknownAttributesInArrivalOrder(String fixture, Class<? extends ScimResource> type) {
    JsonNode input = ModelFixtures.tree(fixture);
    List<String> unknownKeysInInput = new ArrayList<>();
    input.fieldNames().forEachRemaining(key -> {
      if (!KNOWN_TOP_LEVEL.contains(key)) {
        unknownKeysInInput.add(key);
      }
    });

    ScimResource read = ScimJson.read(ModelFixtures.text(fixture), type);

    assertThat(unknownKeysInInput).isNotEmpty().anyMatch(key -> key.startsWith("urn:"));
    assertThat(read.additionalAttributes().keySet()).containsExactlyElementsOf(unknownKeysInInput);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errorFixtures")
  void readToBuilderWrite_errorFixture_equalsInput(String fixture) {
    ScimError read = ScimJson.read(ModelFixtures.text(fixture), ScimError.class);

    JsonNode written = ModelFixtures.written(read.toBuilder().build());

    assertThat(written).isEqualTo(ModelFixtures.tree(fixture));
    assertThat(ScimJson.read(ScimJson.write(read), ScimError.class)).isEqualTo(read);
  }

  private static final List<String> KNOWN_TOP_LEVEL = List.of("schemas", "id", "externalId", "userName", "displayName",
      "name", "emails", "active", "entitlements", "groups", "roles", "meta", "password", "members", "applicationId");

  private static ScimResource rebuild(ScimResource resource) {
    if (resource instanceof User) {
      return ((User) resource).toBuilder().build();
    }
    if (resource instanceof Group) {
      return ((Group) resource).toBuilder().build();
    }
    return ((ServicePrincipal) resource).toBuilder().build();
  }
}
