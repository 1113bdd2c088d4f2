package dev.dbscim.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.core.json.ScimJson;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 7644 section 3.4.2.2: "If the specified attribute in a filter expression is a multi-valued attribute, the filter
 * matches if any of the values of the specified attribute match the specified criterion". That holds for every
 * operator, {@code ne} included: {@code ne} is "not identical" applied to one value at a time.
 */
class FilterEvaluatorMultiValuedTest {
  private static final JsonNode USER = ScimJson.read("{"
      + "\"userName\":\"carol@example.com\","
      + "\"emails\":[{\"value\":\"carol@example.com\",\"type\":\"work\",\"primary\":true},"
      + "{\"value\":\"carol@home.example\",\"type\":\"home\"},{\"value\":\"no-type@example.com\"}],"
      + "\"nickNames\":[\"cc\",\"caro\"],"
      + "\"scores\":[3,7],"
      + "\"manager\":{\"value\":\"m-1\"},"
      + "\"phoneNumbers\":[],"
      + "\"ims\":[{\"type\":\"xmpp\"}]"
      + "}", JsonNode.class);

  private static final JsonNode ONLY_WORK = ScimJson.read(
      "{\"emails\":[{\"value\":\"a@example.com\",\"type\":\"work\"},{\"value\":\"b@example.com\",\"type\":\"WORK\"}]}",
      JsonNode.class);

  private static final JsonNode GROUP = ScimJson.read(
      "{\"displayName\":\"g\",\"members\":[{\"value\":\"u1\"},{\"value\":\"u2\"}]}", JsonNode.class);

  static Stream<Arguments> cases() {
    return Stream.of(
        // ne: any value that is not identical
        Arguments.of(USER, "emails.type ne \"work\"", true),
        Arguments.of(USER, "emails.type ne \"home\"", true),
        Arguments.of(USER, "emails.type ne \"other\"", true),
        Arguments.of(ONLY_WORK, "emails.type ne \"work\"", false),
        Arguments.of(ONLY_WORK, "not (emails.type eq \"work\")", false),
        Arguments.of(USER, "not (emails.type eq \"work\")", false),
        Arguments.of(USER, "emails ne \"carol@example.com\"", true),
        Arguments.of(ONLY_WORK, "emails ne \"A@EXAMPLE.COM\"", true),
        Arguments.of(USER, "nickNames ne \"cc\"", true),
        Arguments.of(USER, "scores ne 3", true),
        Arguments.of(GROUP, "members ne \"u1\"", true),
        Arguments.of(GROUP, "members.value ne \"u1\"", true),
        Arguments.of(USER, "emails[type ne \"work\"]", true),
        // ne on a single value, and with nothing to compare
        Arguments.of(USER, "manager ne \"m-1\"", false),
        Arguments.of(USER, "manager ne \"m-2\"", true),
        Arguments.of(USER, "userName ne \"CAROL@example.com\"", false),
        Arguments.of(USER, "phoneNumbers ne \"x\"", true),
        Arguments.of(USER, "ims.value ne \"x\"", true),
        Arguments.of(USER, "missing.value ne \"x\"", true),
        // the other operators on the same multi-valued attributes: any value
        Arguments.of(USER, "emails.type eq \"home\"", true),
        Arguments.of(USER, "emails.type co \"om\"", true),
        Arguments.of(USER, "emails.type sw \"ho\"", true),
        Arguments.of(USER, "emails.type ew \"rk\"", true),
        Arguments.of(USER, "emails.type gt \"k\"", true),
        Arguments.of(USER, "emails.type lt \"i\"", true),
        Arguments.of(USER, "emails.type ge \"work\"", true),
        Arguments.of(USER, "emails.type le \"home\"", true),
        Arguments.of(USER, "emails.type gt \"work\"", false),
        Arguments.of(USER, "scores gt 5", true),
        Arguments.of(USER, "scores lt 5", true),
        Arguments.of(USER, "scores gt 7", false),
        Arguments.of(USER, "nickNames ew \"ro\"", true),
        // pr: any value present
        Arguments.of(USER, "emails.type pr", true),
        Arguments.of(USER, "emails.primary pr", true),
        Arguments.of(USER, "ims.value pr", false),
        Arguments.of(USER, "phoneNumbers pr", false),
        Arguments.of(USER, "nickNames pr", true));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void matches_multiValuedAttribute_anyValueDecides(JsonNode resource, String filter, boolean expected) {
    assertThat(FilterEvaluator.standard().matches(Filter.parse(filter), resource)).as(filter).isEqualTo(expected);
  }
}
