package dev.dbscim.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.core.json.ScimJson;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.core.model.User;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A PATCH operation must be compatible with the attribute's schema (RFC 7644 section 3.5.2): one that leaves a required
 * attribute (RFC 7643: a User's {@code userName}, a Group's {@code displayName}) without a value fails with
 * {@code invalidValue} ("A required value was missing", RFC 7644 section 3.12), and nothing is changed.
 */
class PatchRequiredAttributeTest {
  private static final PatchApplier APPLIER = PatchApplier.create();
  private static final String USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";

  private static final JsonNode USER = json("{\"schemas\":[\"" + USER_URN + "\"],\"id\":\"1\","
      + "\"userName\":\"ada@example.com\",\"displayName\":\"Ada\",\"active\":true}");
  private static final JsonNode GROUP = json("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
      + "\"id\":\"9\",\"displayName\":\"eng\",\"members\":[{\"value\":\"1\"}]}");
  private static final JsonNode WORKSPACE_GROUP = json("{\"id\":\"9\",\"displayName\":\"eng\","
      + "\"meta\":{\"resourceType\":\"WorkspaceGroup\"}}");

  private static JsonNode json(String text) {
    return ScimJson.read(text, JsonNode.class);
  }

  private static PatchRequest request(String operations) {
    return ScimJson.read("{\"Operations\":" + operations + "}", PatchRequest.class);
  }

  static Stream<Arguments> removals() {
    return Stream.of(
        Arguments.of(USER, "[{\"op\":\"remove\",\"path\":\"userName\"}]", 0),
        Arguments.of(USER, "[{\"op\":\"remove\",\"path\":\"USERNAME\"}]", 0),
        Arguments.of(USER, "[{\"op\":\"remove\",\"path\":\"" + USER_URN + ":userName\"}]", 0),
        Arguments.of(USER, "[{\"op\":\"replace\",\"path\":\"active\",\"value\":false},"
            + "{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"\"}]", 1),
        Arguments.of(USER, "[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"\"}]", 0),
        Arguments.of(USER, "[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"  \"}]", 0),
        Arguments.of(USER, "[{\"op\":\"replace\",\"value\":{\"userName\":null,\"displayName\":\"A\"}}]", 0),
        Arguments.of(USER, "[{\"op\":\"add\",\"path\":\"userName\",\"value\":\"\"}]", 0),
        Arguments.of(GROUP, "[{\"op\":\"remove\",\"path\":\"displayName\"}]", 0),
        Arguments.of(GROUP, "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"\"}]", 0),
        Arguments.of(GROUP, "[{\"op\":\"replace\",\"value\":{\"displayName\":\"\"}}]", 0),
        Arguments.of(WORKSPACE_GROUP, "[{\"op\":\"remove\",\"path\":\"displayName\"}]", 0));
  }

  @ParameterizedTest
  @MethodSource("removals")
  void apply_requiredAttributeLeftWithoutValue_failsWithInvalidValue(JsonNode resource, String operations, int index) {
    JsonNode before = resource.deepCopy();

    PatchException e = catchThrowableOfType(PatchException.class, () -> APPLIER.apply(resource, request(operations)));

    assertThat(e).isNotNull();
    assertThat(e.scimType()).isEqualTo(PatchException.INVALID_VALUE);
    assertThat(e.operationIndex()).isEqualTo(index);
    assertThat(e.getMessage()).contains("required attribute");
    assertThat(resource).isEqualTo(before);
  }

  @Test
  void apply_replaceRequiredAttributeWithNull_failsBecauseReplaceNeedsAValue() {
    for (JsonNode resource : new JsonNode[] {USER, GROUP}) {
      String name = resource == USER ? "userName" : "displayName";

      PatchException e = catchThrowableOfType(PatchException.class, () -> APPLIER.apply(resource,
          request("[{\"op\":\"replace\",\"path\":\"" + name + "\",\"value\":null}]")));

      assertThat(e.scimType()).isEqualTo(PatchException.INVALID_SYNTAX);
      assertThat(e.getMessage()).contains("replace requires a value");
    }
  }

  @Test
  void apply_typedResourceWithoutRequiredAttribute_failsWithInvalidValueNamingTheOperation() {
    User ada = User.builder().userName("ada@example.com").build();
    Group eng = Group.builder().displayName("eng").build();

    PatchException user = catchThrowableOfType(PatchException.class,
        () -> APPLIER.apply(ada, PatchRequest.builder().remove("userName").build()));
    PatchException group = catchThrowableOfType(PatchException.class,
        () -> APPLIER.apply(eng, PatchRequest.builder().remove("displayName").build()));

    assertThat(user.scimType()).isEqualTo(PatchException.INVALID_VALUE);
    assertThat(user.operationIndex()).isZero();
    assertThat(user.getMessage()).contains("userName");
    assertThat(group.scimType()).isEqualTo(PatchException.INVALID_VALUE);
    assertThat(group.operationIndex()).isZero();
    assertThat(group.getMessage()).contains("displayName");
  }

  @Test
  void apply_optionalAttributesRemoved_succeeds() {
    ObjectNode user = APPLIER.apply(USER, PatchRequest.builder().remove("displayName").build());
    ObjectNode group = APPLIER.apply(GROUP, PatchRequest.builder().remove("members").remove("externalId").build());
    ServicePrincipal sp = APPLIER.apply(
        ServicePrincipal.builder().displayName("etl").applicationId("4f7a6f2e-9a86-4b8b-8d3e-6b3b7a1f2c9d").build(),
        PatchRequest.builder().remove("displayName").remove("applicationId").build());

    assertThat(user.has("displayName")).isFalse();
    assertThat(group.has("members")).isFalse();
    assertThat(sp.displayName()).isEmpty();
    assertThat(sp.applicationId()).isEmpty();
  }

  @Test
  void apply_requiredAttributeReplacedWithValue_succeeds() {
    ObjectNode user = APPLIER.apply(USER, request("[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"b@x\"}]"));
    ObjectNode group = APPLIER.apply(GROUP, request("[{\"op\":\"replace\",\"value\":{\"displayName\":\"ops\"}}]"));

    assertThat(user.get("userName").asText()).isEqualTo("b@x");
    assertThat(group.get("displayName").asText()).isEqualTo("ops");
  }

  @Test
  void apply_resourceOfUnknownType_doesNotGuessRequiredAttributes() {
    JsonNode other = json("{\"id\":\"1\",\"userName\":\"x\",\"displayName\":\"y\"}");

    ObjectNode patched = APPLIER.apply(other, PatchRequest.builder().remove("userName").remove("displayName").build());

    assertThat(patched.has("userName")).isFalse();
  }

  @Test
  void apply_ignoredRequiredAttribute_isLeftAlone() {
    PatchApplier databricksLike = PatchApplier.create(PatchApplier.Options.builder()
        .ignoredAttributes(java.util.Arrays.asList("userName", "emails")).build());

    ObjectNode patched = databricksLike.apply(USER, PatchRequest.builder().remove("userName").build());

    assertThat(patched.get("userName").asText()).isEqualTo("ada@example.com");
  }
}
