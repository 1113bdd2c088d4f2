package dev.dbscim.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Large PATCH requests take time linear in their size (found by PatchFuzzTest: each of these took from tens of seconds
 * to hours, quadratic in the number of elements or keys, before the fix).
 */
class PatchApplierScalingTest {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Members: before the fix adding 20,000 took about 20 s here, now well under 1 s. */
  static final int MEMBERS = 20_000;
  /** Attributes: each lookup was a scan of every key, 5e9 comparisons for 100,000 keys. */
  static final int N = 100_000;
  static final Duration LIMIT = Duration.ofSeconds(10);
  final PatchApplier applier = PatchApplier.create();

  static ObjectNode group() {
    ObjectNode group = NODES.objectNode().put("id", "g1").put("displayName", "eng");
    group.putArray("members").addObject().put("value", "existing");
    return group;
  }

  static ArrayNode members(int count) {
    ArrayNode members = NODES.arrayNode();
    for (int i = 0; i < count; i++) {
      members.addObject().put("value", Integer.toString(i)).put("type", "User");
    }
    return members;
  }

  @Test
  void apply_addingManyMembersInOneOperation_isLinearAndDeduplicates() {
    ArrayNode members = members(MEMBERS);
    members.add(members.get(0).deepCopy());
    members.addObject().put("value", "7");
    PatchRequest request = PatchRequest.builder().add("members", members).build();

    ObjectNode patched = assertTimeoutPreemptively(LIMIT, () -> applier.apply(group(), request));

    assertThat(patched.get("members")).hasSize(MEMBERS + 1);
  }

  @Test
  void apply_removingManyMatchingMembers_isLinear() {
    ObjectNode group = group();
    group.set("members", members(MEMBERS));
    PatchRequest request = PatchRequest.builder().remove("members[type eq \"User\"]").build();
    PatchRequest listed = PatchRequest.builder().remove("members", members(MEMBERS)).build();

    ObjectNode patched = assertTimeoutPreemptively(LIMIT, () -> applier.apply(group, request));
    ObjectNode patchedByList = assertTimeoutPreemptively(LIMIT, () -> applier.apply(group, listed));

    assertThat(patched.has("members")).isFalse();
    assertThat(patchedByList.has("members")).isFalse();
  }

  @Test
  void apply_addingManyAttributesWithoutPath_isLinearAndStillMatchesCaseInsensitively() {
    ObjectNode attributes = NODES.objectNode();
    for (int i = 0; i < N; i++) {
      attributes.put("k" + i, i);
    }
    attributes.put("DISPLAYNAME", "renamed");
    PatchRequest request = PatchRequest.builder().replace(attributes).build();

    ObjectNode patched = assertTimeoutPreemptively(LIMIT, () -> applier.apply(group(), request));

    assertThat(patched.get("displayName").asText()).isEqualTo("renamed");
    assertThat(patched.has("DISPLAYNAME")).isFalse();
    assertThat(patched.size()).isEqualTo(3 + N);
  }

  @Test
  void apply_manyOperationsOnDistinctAttributes_isLinearAndKeepsCaseInsensitiveMatching() {
    PatchRequest.Builder builder = PatchRequest.builder();
    for (int i = 0; i < N / 2; i++) {
      builder.add("attr" + i, i);
    }
    for (int i = 0; i < N / 2; i += 1000) {
      builder.replace("ATTR" + i, "upper");
      builder.remove("Attr" + (i + 1));
      builder.add("aTTR" + (i + 1), "again");
    }
    PatchRequest request = builder.build();

    ObjectNode patched = assertTimeoutPreemptively(LIMIT, () -> applier.apply(group(), request));

    assertThat(patched.get("attr0").asText()).isEqualTo("upper");
    assertThat(patched.has("attr1")).isFalse();
    JsonNode readded = patched.get("aTTR1");
    assertThat(readded.asText()).isEqualTo("again");
    assertThat(patched.size()).isEqualTo(3 + N / 2);
  }
}
