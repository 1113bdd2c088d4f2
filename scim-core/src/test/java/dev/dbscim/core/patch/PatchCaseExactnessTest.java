package dev.dbscim.core.patch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.core.filter.Filter;
import dev.dbscim.core.filter.FilterEvaluator;
import dev.dbscim.core.filter.ScimPath;
import dev.dbscim.core.json.ScimJson;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * A PATCH path's value filter selects exactly the values the same filter selects in a query: both follow the
 * case-exactness of RFC 7643 ({@code members.value} and {@code id} case-exact, {@code emails.value},
 * {@code emails.type}, {@code members.display} not), through {@link FilterEvaluator#isCaseExact(String)}.
 */
class PatchCaseExactnessTest {
  private static final PatchApplier APPLIER = PatchApplier.create();

  private static final JsonNode GROUP = ScimJson.read(
      "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"id\":\"g1\",\"displayName\":\"eng\","
          + "\"members\":[{\"value\":\"u1\",\"display\":\"Ada\"},{\"value\":\"u2\",\"display\":\"Bo\"}]}",
      JsonNode.class);

  private static final JsonNode USER = ScimJson.read(
      "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"id\":\"1\",\"userName\":\"ada@example.com\","
          + "\"emails\":[{\"value\":\"ada@example.com\",\"type\":\"work\"},{\"value\":\"ada@home.example\","
          + "\"type\":\"home\"}]}",
      JsonNode.class);

  @Test
  void remove_memberFilterInOtherCase_removesNothing() {
    Filter filter = Filter.parse("members[value eq \"U1\"]");

    ObjectNode patched = APPLIER.apply(GROUP, PatchRequest.builder().remove("members[value eq \"U1\"]").build());

    assertThat(FilterEvaluator.standard().matches(filter, GROUP)).isFalse();
    assertThat(patched.get("members")).isEqualTo(GROUP.get("members"));
  }

  @Test
  void remove_memberFilterInOtherCase_strictRemove_failsWithNoTarget() {
    PatchApplier strict = PatchApplier.create(PatchApplier.Options.builder().strictRemove(true).build());

    assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(PatchException.class,
        () -> strict.apply(GROUP, PatchRequest.builder().remove("members[value eq \"U1\"]").build())).scimType())
        .isEqualTo(PatchException.NO_TARGET);
  }

  @Test
  void remove_memberListedInOtherCase_removesNothing() {
    ObjectNode patched = APPLIER.apply(GROUP, ScimJson.read(
        "{\"Operations\":[{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"U1\"}]}]}",
        PatchRequest.class));

    assertThat(patched.get("members")).isEqualTo(GROUP.get("members"));
  }

  @Test
  void add_memberInOtherCase_isAnotherMember() {
    ObjectNode patched = APPLIER.apply(GROUP, GroupPatch.builder().addMember("U1").build());

    assertThat(patched.get("members")).hasSize(3);
  }

  @Test
  void remove_emailListedInOtherCase_removesIt() {
    ObjectNode patched = APPLIER.apply(USER, ScimJson.read(
        "{\"Operations\":[{\"op\":\"remove\",\"path\":\"emails\",\"value\":[{\"value\":\"ADA@home.example\"}]}]}",
        PatchRequest.class));

    assertThat(patched.get("emails")).hasSize(1);
    assertThat(patched.at("/emails/0/type").asText()).isEqualTo("work");
  }

  @Test
  void add_emailInOtherCase_isTheSameEmail() {
    ObjectNode patched = APPLIER.apply(USER, ScimJson.read(
        "{\"Operations\":[{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"ADA@example.com\","
            + "\"type\":\"work\"}]}]}",
        PatchRequest.class));

    assertThat(patched.get("emails")).hasSize(2);
  }

  /** Value-filtered paths on a group and a user; the PATCH engine must select what the evaluator matches. */
  static Stream<Arguments> valuePaths() {
    return Stream.of(
        Arguments.of(GROUP, "members", "value eq \"U1\""),
        Arguments.of(GROUP, "members", "value eq \"u1\""),
        Arguments.of(GROUP, "members", "value sw \"U\""),
        Arguments.of(GROUP, "members", "display eq \"ADA\""),
        Arguments.of(GROUP, "members", "value ne \"U1\""),
        Arguments.of(USER, "emails", "value eq \"ADA@EXAMPLE.COM\""),
        Arguments.of(USER, "emails", "type eq \"HOME\""),
        Arguments.of(USER, "emails", "value ew \"HOME.EXAMPLE\""));
  }

  @ParameterizedTest
  @MethodSource("valuePaths")
  void remove_valueFilter_removesExactlyWhatTheEvaluatorMatches(JsonNode resource, String attribute, String filter) {
    ScimPath path = ScimPath.parse(attribute + "[" + filter + "]");
    Filter inner = path.valueFilter().orElseThrow();
    JsonNode values = resource.get(attribute);
    int matching = 0;
    for (JsonNode value : values) {
      boolean alone = FilterEvaluator.standard().matches(Filter.valuePath(path.attribute(), inner),
          ScimJson.read("{\"" + attribute + "\":[" + value + "]}", JsonNode.class));
      assertThat(FilterEvaluator.standard().matchesValue(path.attribute(), inner, value)).isEqualTo(alone);
      matching += alone ? 1 : 0;
    }

    ObjectNode patched = APPLIER.apply(resource, PatchRequest.builder().remove(path.toString()).build());

    assertThat(patched.path(attribute).size()).as(path.toString()).isEqualTo(values.size() - matching);
  }
}
