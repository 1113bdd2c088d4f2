package dev.dbscim.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.core.json.ScimJson;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * RFC 7644 section 3.5.2: "The body of an HTTP PATCH request MUST contain the attribute "Operations", whose value is an
 * array of one or more PATCH operations."
 */
class PatchRequestOperationsTest {

  @Test
  void build_withoutOperations_throwsIllegalArgumentException() {
    assertThatThrownBy(() -> PatchRequest.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one operation")
        .hasMessageContaining("RFC 7644 section 3.5.2");
    assertThatThrownBy(() -> PatchRequest.builder().operations(Collections.emptyList()).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void typedBuilders_withoutChanges_throwIllegalArgumentException() {
    assertThatThrownBy(() -> GroupPatch.builder().build()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one operation");
    assertThatThrownBy(() -> UserPatch.builder().build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ServicePrincipalPatch.builder().build()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void read_emptyOperationsArray_throwsIllegalArgumentException() {
    assertThatThrownBy(() -> ScimJson.read(
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[]}", PatchRequest.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one operation");
  }

  @Test
  void read_missingOperations_throwsIllegalArgumentException() {
    assertThatThrownBy(() -> ScimJson.read(
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]}", PatchRequest.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one operation");
  }

  @Test
  void build_oneOperation_isAccepted() {
    assertThat(PatchRequest.builder().remove("displayName").build().operations()).hasSize(1);
  }
}
