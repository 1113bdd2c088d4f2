package dev.dbscim.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.core.json.SchemaUrns;
import dev.dbscim.core.json.ScimJson;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatchRequestJsonTest {
  private static final String WIRE =
      "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
          + "\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"101\"}]}]}";

  @Test
  void write_builtRequest_producesExactWireForm() {
    PatchRequest request =
        PatchRequest.builder().add("members", Collections.singletonList(Collections.singletonMap("value", "101"))).build();

    assertThat(ScimJson.write(request)).isEqualTo(WIRE);
  }

  @Test
  void write_groupPatchAddMember_producesExactWireForm() {
    assertThat(ScimJson.write(GroupPatch.builder().addMember("101").build())).isEqualTo(WIRE);
  }

  @Test
  void read_wireForm_roundTripsExactly() {
    PatchRequest request = ScimJson.read(WIRE, PatchRequest.class);

    assertThat(request.schemas()).containsExactly(SchemaUrns.PATCH_OP);
    assertThat(request.operations()).hasSize(1);
    assertThat(request.operations().get(0).op()).isEqualTo(PatchOp.ADD);
    assertThat(ScimJson.write(request)).isEqualTo(WIRE);
  }

  @Test
  void read_javaSdkOrderOperationsBeforeSchemas_readsBoth() {
    String body =
        "{\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"101\"}]},"
            + "{\"op\":\"remove\",\"path\":\"members[value eq \\\"102\\\"]\"}],"
            + "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]}";

    PatchRequest request = ScimJson.read(body, PatchRequest.class);

    assertThat(request.operations()).extracting(PatchOperation::op).containsExactly(PatchOp.ADD, PatchOp.REMOVE);
    assertThat(request.operations().get(1).path()).contains("members[value eq \"102\"]");
    assertThat(request.operations().get(1).value()).isEmpty();
  }

  @Test
  void read_missingSchemas_defaultsToPatchOpUrn() {
    PatchRequest request =
        ScimJson.read("{\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"db-temp-x\"}]}",
            PatchRequest.class);

    assertThat(request.schemas()).containsExactly(SchemaUrns.PATCH_OP);
    assertThat(request.operations().get(0).value().map(JsonNode::asText)).contains("db-temp-x");
  }

  @Test
  void read_entraCapitalisedOps_readsEveryCase() {
    String body =
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
            + "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"$ref\":null,\"value\":\"id\"}]},"
            + "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"},"
            + "{\"op\":\"REMOVE\",\"path\":\"members\",\"value\":[{\"value\":\"id\"}]}]}";

    PatchRequest request = ScimJson.read(body, PatchRequest.class);

    assertThat(request.operations())
        .extracting(PatchOperation::op)
        .containsExactly(PatchOp.ADD, PatchOp.REPLACE, PatchOp.REMOVE);
  }

  @Test
  void read_operationsKeyInAnyCase_readsOperations() {
    PatchRequest lower = ScimJson.read("{\"operations\":[{\"op\":\"remove\",\"path\":\"roles\"}]}", PatchRequest.class);
    PatchRequest upper = ScimJson.read("{\"OPERATIONS\":[{\"OP\":\"remove\",\"PATH\":\"roles\"}]}", PatchRequest.class);

    assertThat(lower.operations()).hasSize(1);
    assertThat(upper.operations()).hasSize(1);
    assertThat(upper.operations().get(0).path()).contains("roles");
  }

  @Test
  void read_unknownMembers_areKeptAndWrittenBack() {
    String body =
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
            + "\"Operations\":[{\"op\":\"add\",\"path\":\"displayName\",\"value\":\"x\",\"vendorHint\":1}],"
            + "\"requestId\":\"r-1\"}";

    PatchRequest request = ScimJson.read(body, PatchRequest.class);

    assertThat(request.additionalAttributes()).containsKey("requestId");
    assertThat(request.operations().get(0).additionalAttributes()).containsKey("vendorHint");
    assertThat(ScimJson.mapper().valueToTree(request).toString()).isEqualTo(ScimJson.toTree(
        ScimJson.read(body, JsonNode.class)).toString());
  }

  @Test
  void read_unknownOp_fails() {
    assertThatThrownBy(() -> ScimJson.read("{\"Operations\":[{\"op\":\"move\",\"path\":\"x\"}]}", PatchRequest.class))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void patchOp_writesLowerCaseAndReadsAnyCase() {
    assertThat(ScimJson.write(PatchOp.REPLACE)).isEqualTo("\"replace\"");
    assertThat(ScimJson.read("\"rEpLaCe\"", PatchOp.class)).isEqualTo(PatchOp.REPLACE);
  }

  @Test
  void builder_pathlessForms_writeObjectValues() {
    PatchRequest request =
        PatchRequest.builder()
            .add(Collections.singletonMap("roles", Collections.singletonList(Collections.singletonMap("value", "account_admin"))))
            .replace(Collections.singletonMap("active", false))
            .remove("members", Collections.singletonList(Collections.singletonMap("value", "7")))
            .build();

    assertThat(ScimJson.write(request.operations()))
        .isEqualTo("[{\"op\":\"add\",\"value\":{\"roles\":[{\"value\":\"account_admin\"}]}},"
            + "{\"op\":\"replace\",\"value\":{\"active\":false}},"
            + "{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"7\"}]}]");
  }

  @Test
  void builder_badPath_failsAtTheCall() {
    PatchRequest.Builder builder = PatchRequest.builder();

    assertThatThrownBy(() -> builder.remove("members[value eq ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.add("", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.replace("emails[type eq \"work\"", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void builder_pathlessValueThatIsNotAnObject_fails() {
    assertThatThrownBy(() -> PatchRequest.builder().add("just a string"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PatchRequest.builder().replace(Arrays.asList(1, 2)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void builder_nullValue_fails() {
    assertThatThrownBy(() -> PatchRequest.builder().add("displayName", null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void builder_declaredSchemas_areKept() {
    List<String> schemas = Arrays.asList(SchemaUrns.PATCH_OP, "urn:example:extra");
    PatchRequest request = PatchRequest.builder().schemas(schemas).remove("roles").build();

    assertThat(request.schemas()).isEqualTo(schemas);
  }

  @Test
  void builder_valuesOfAnyType_areSerialisedWithScimJson() {
    Map<String, Object> member = new java.util.LinkedHashMap<>();
    member.put("value", "101");
    member.put("display", null);
    PatchRequest request = PatchRequest.builder().add("members", Collections.singletonList(member)).build();

    assertThat(request.operations().get(0).value().get().toString()).isEqualTo("[{\"value\":\"101\"}]");
  }

  @Test
  void toString_operationWithValue_masksTheValue() {
    PatchRequest request = PatchRequest.builder().replace("password", "s3cr3t-value").build();

    assertThat(request.toString()).doesNotContain("s3cr3t-value").contains("****").contains("password");
    assertThat(ScimJson.write(request)).contains("s3cr3t-value");
  }
}
