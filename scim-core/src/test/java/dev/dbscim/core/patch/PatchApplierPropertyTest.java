package dev.dbscim.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class PatchApplierPropertyTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final PatchApplier APPLIER = PatchApplier.create();

  @Property(tries = 300)
  void apply_invalidOperationAmongValidOnes_throwsAndLeavesInputUnchanged(
      @ForAll("resources") ObjectNode resource,
      @ForAll @Size(max = 6) List<@From("validOperations") PatchOperation> valid,
      @ForAll("invalidOperations") PatchOperation invalid,
      @ForAll @IntRange(min = 0, max = 6) int position) {
    int index = Math.min(position, valid.size());
    List<PatchOperation> operations = new ArrayList<>(valid);
    operations.add(index, invalid);
    PatchRequest request = PatchRequest.builder().operations(operations).build();
    JsonNode before = resource.deepCopy();

    PatchException e = catchThrowableOfType(PatchException.class, () -> APPLIER.apply(resource, request));

    assertThat(e).isNotNull();
    assertThat(e.operationIndex()).isEqualTo(index);
    assertThat(resource).isEqualTo(before);
  }

  @Property(tries = 300)
  void apply_validOperationsOnly_succeedWithoutTouchingInput(
      @ForAll("resources") ObjectNode resource,
      @ForAll @Size(max = 8) List<@From("validOperations") PatchOperation> valid) {
    JsonNode before = resource.deepCopy();

    ObjectNode patched = APPLIER.apply(resource, PatchRequest.builder().operations(valid).build());

    assertThat(patched).isNotNull();
    assertThat(resource).isEqualTo(before);
  }

  @Property(tries = 1000)
  void apply_arbitraryOperations_throwsOnlyPatchException(
      @ForAll("resources") ObjectNode resource,
      @ForAll @Size(max = 5) List<@From("arbitraryOperations") PatchOperation> operations) {
    JsonNode before = resource.deepCopy();
    PatchRequest request = PatchRequest.builder().operations(operations).build();

    String outcome = "applied";
    try {
      APPLIER.apply(resource, request);
    } catch (PatchException expected) {
      assertThat(expected.scimType())
          .isIn("invalidPath", "noTarget", "invalidValue", "mutability", "invalidSyntax");
      outcome = expected.scimType();
    }

    assertThat(resource).isEqualTo(before);
    Statistics.collect(outcome);
    Statistics.coverage(coverage -> {
      coverage.check("applied").percentage(p -> p > 5);
      coverage.check("invalidPath").percentage(p -> p > 5);
      coverage.check("invalidSyntax").percentage(p -> p > 1);
    });
  }

  @Property(tries = 300)
  void apply_groupPatchAddThenRemoveOfNewMember_restoresMemberSet(
      @ForAll("memberIds") Set<String> members, @ForAll("memberId") String newcomer) {
    members.remove(newcomer);
    ObjectNode group = NODES.objectNode().put("id", "g1").put("displayName", "eng");
    if (!members.isEmpty()) {
      ArrayNode array = group.putArray("members");
      members.forEach(id -> array.addObject().put("value", id).put("display", "d-" + id));
    }

    ObjectNode added = APPLIER.apply(group, GroupPatch.builder().addMember(newcomer).build());
    ObjectNode restored = APPLIER.apply(added, GroupPatch.builder().removeMember(newcomer).build());
    ObjectNode both = APPLIER.apply(group, GroupPatch.builder().addMember(newcomer).removeMember(newcomer).build());

    assertThat(memberValues(added)).contains(newcomer).hasSize(members.size() + 1);
    assertThat(memberValues(restored)).isEqualTo(members);
    assertThat(memberValues(both)).isEqualTo(members);
  }

  private static Set<String> memberValues(JsonNode group) {
    Set<String> values = new LinkedHashSet<>();
    JsonNode members = group.get("members");
    if (members != null) {
      members.forEach(member -> values.add(member.get("value").asText()));
    }
    return values;
  }

  @Provide
  Arbitrary<String> memberId() {
    return Arbitraries.oneOf(
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(6),
        Arbitraries.strings().withChars("ab\"\\ ]['.é").ofMinLength(1).ofMaxLength(6));
  }

  @Provide
  Arbitrary<Set<String>> memberIds() {
    return memberId().set().ofMaxSize(6);
  }

  @Provide
  Arbitrary<ObjectNode> resources() {
    Arbitrary<String> ids = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(3);
    Arbitrary<String> types = Arbitraries.of("work", "home", "other");
    return Combinators.combine(
            Arbitraries.strings().alpha().ofMaxLength(5),
            Arbitraries.of(true, false),
            ids.set().ofMaxSize(4),
            types.set().ofMaxSize(3),
            Arbitraries.of(true, false))
        .as((displayName, active, memberIds, emailTypes, withName) -> {
          ObjectNode resource = NODES.objectNode().put("id", "r1").put("displayName", displayName).put("active", active);
          resource.putObject("meta").put("resourceType", "Group");
          if (!memberIds.isEmpty()) {
            ArrayNode members = resource.putArray("members");
            memberIds.forEach(id -> members.addObject().put("value", id));
          }
          if (!emailTypes.isEmpty()) {
            ArrayNode emails = resource.putArray("emails");
            emailTypes.forEach(type -> emails.addObject().put("type", type).put("value", type + "@example.com"));
          }
          if (withName) {
            resource.putObject("name").put("givenName", "G").put("familyName", "F");
          }
          return resource;
        });
  }

  @Provide
  Arbitrary<PatchOperation> validOperations() {
    Arbitrary<String> ids = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(3);
    Arbitrary<String> texts = Arbitraries.strings().alpha().ofMaxLength(5);
    Arbitrary<String> types = Arbitraries.of("work", "home", "other");
    return Arbitraries.oneOf(
        ids.map(id -> op(PatchOp.ADD, "members", NODES.arrayNode().add(NODES.objectNode().put("value", id)))),
        ids.map(id -> op(PatchOp.REMOVE, "members[value eq \"" + id + "\"]", null)),
        texts.map(text -> op(PatchOp.REPLACE, "displayName", TextNode.valueOf(text))),
        Arbitraries.of("true", "False", "false").map(flag -> op(PatchOp.REPLACE, "active", TextNode.valueOf(flag))),
        texts.map(text -> op(PatchOp.ADD, "name.givenName", TextNode.valueOf(text))),
        types.map(type -> op(PatchOp.REMOVE, "emails[type eq \"" + type + "\"]", null)),
        Combinators.combine(types, texts).as((type, text) ->
            op(PatchOp.ADD, "emails[type eq \"" + type + "\"].value", TextNode.valueOf(text))),
        texts.map(text -> op(PatchOp.REPLACE, null, NODES.objectNode().put("id", "other").put("nickName", text))),
        Arbitraries.just(op(PatchOp.REMOVE, "members", null)));
  }

  @Provide
  Arbitrary<PatchOperation> invalidOperations() {
    return Arbitraries.of(
        op(PatchOp.REPLACE, "id", TextNode.valueOf("x")),
        op(PatchOp.REMOVE, "meta.resourceType", null),
        op(PatchOp.ADD, "members", TextNode.valueOf("123")),
        op(PatchOp.ADD, "members[value eq", NODES.objectNode()),
        op(PatchOp.REPLACE, "emails[type eq \"nowhere\"].value", TextNode.valueOf("x")),
        op(PatchOp.REMOVE, null, null),
        op(PatchOp.REPLACE, "active", TextNode.valueOf("maybe")),
        op(PatchOp.ADD, null, TextNode.valueOf("not an object")),
        op(PatchOp.REPLACE, "displayName", null));
  }

  @Provide
  Arbitrary<PatchOperation> arbitraryOperations() {
    Arbitrary<String> paths = Arbitraries.oneOf(
        Arbitraries.of("members", "members[value eq \"1\"]", "emails[type eq \"work\"].value", "emails.value", "name",
            "name.givenName", "active", "id", "meta", "displayName", "displayName.x", "displayName[value eq 1]",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value", "emails[type pr]",
            "emails[not (type eq \"work\")]", "members[value gt 5]", "emails[type eq \"work\" or primary eq true].display"),
        Arbitraries.strings().withChars("abmers.[]\"= :eqv").ofMaxLength(12));
    Arbitrary<JsonNode> values = json(2);
    return Combinators.combine(Arbitraries.of(PatchOp.class), paths.injectNull(0.2), values.injectNull(0.2))
        .as(PatchApplierPropertyTest::op);
  }

  private static Arbitrary<JsonNode> json(int depth) {
    Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(4).map(TextNode::valueOf),
        Arbitraries.of("True", "false", "1", "").map(TextNode::valueOf),
        Arbitraries.integers().between(-2, 2).map(NODES::numberNode),
        Arbitraries.of(true, false).map(NODES::booleanNode),
        Arbitraries.just(NODES.nullNode()));
    if (depth == 0) {
      return scalars;
    }
    Arbitrary<String> keys = Arbitraries.of("value", "type", "display", "primary", "active", "members", "id",
        "name.givenName", "$ref", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "emails", "x");
    Arbitrary<JsonNode> objects = Combinators.combine(keys.list().ofMaxSize(3), json(depth - 1).list().ofSize(3))
        .as((names, children) -> {
          ObjectNode object = NODES.objectNode();
          for (int i = 0; i < names.size(); i++) {
            object.set(names.get(i), children.get(i));
          }
          return object;
        });
    Arbitrary<JsonNode> arrays = json(depth - 1).list().ofMaxSize(3).map(children -> {
      ArrayNode array = NODES.arrayNode();
      children.forEach(array::add);
      return array;
    });
    return Arbitraries.oneOf(scalars, objects, arrays);
  }

  private static PatchOperation op(PatchOp op, String path, JsonNode value) {
    return PatchOperation.of(op, path, value);
  }
}
