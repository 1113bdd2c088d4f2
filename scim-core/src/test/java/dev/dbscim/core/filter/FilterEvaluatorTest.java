package dev.dbscim.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.dbscim.core.json.ScimJson;
import java.util.Collections;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterEvaluatorTest {
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  private static final JsonNode USER = ScimJson.read("{"
      + "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"" + ENTERPRISE + "\"],"
      + "\"id\":\"2819c223-7f76-453a-919d-413861904646\","
      + "\"externalId\":\"bjensen-ext\","
      + "\"userName\":\"bjensen@example.com\","
      + "\"name\":{\"familyName\":\"Jensen\",\"givenName\":\"Barbara\"},"
      + "\"displayName\":\"Babs Jensen\","
      + "\"title\":\"\","
      + "\"nickName\":null,"
      + "\"active\":true,"
      + "\"emails\":[{\"value\":\"bjensen@example.com\",\"type\":\"work\",\"primary\":true},"
      + "{\"value\":\"babs@jensen.org\",\"type\":\"home\"}],"
      + "\"phoneNumbers\":[],"
      + "\"addresses\":[{}],"
      + "\"x509Certificates\":[{\"value\":null}],"
      + "\"loginCount\":42,"
      + "\"score\":1.0,"
      + "\"meta\":{\"resourceType\":\"User\",\"created\":\"2010-01-23T04:56:22Z\","
      + "\"lastModified\":\"2011-05-13T04:42:34Z\"},"
      + "\"" + ENTERPRISE + "\":{\"employeeNumber\":\"701984\","
      + "\"manager\":{\"value\":\"26118915-6090-4610-87e4-49d8ca9f808d\",\"displayName\":\"John Smith\"}}"
      + "}", JsonNode.class);

  private static final JsonNode GROUP = ScimJson.read("{"
      + "\"id\":\"e9e30dba-f08f-4109-8486-d5c6a331660a\",\"displayName\":\"Tour Guides\","
      + "\"members\":[{\"value\":\"2819c223-7f76-453a-919d-413861904646\",\"display\":\"Babs Jensen\","
      + "\"$ref\":\"https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646\"},"
      + "{\"value\":\"902c246b-6245-4190-8e05-00816be7344a\",\"display\":\"Mandy Pepperidge\"}]}", JsonNode.class);

  static Stream<Arguments> userCases() {
    return Stream.of(
        Arguments.of("userName eq \"BJENSEN@example.com\"", true),
        Arguments.of("USERNAME eq \"bjensen@example.com\"", true),
        Arguments.of("userName eq \"bjensen\"", false),
        Arguments.of("id eq \"2819c223-7f76-453a-919d-413861904646\"", true),
        Arguments.of("id eq \"2819C223-7F76-453A-919D-413861904646\"", false),
        Arguments.of("externalId eq \"BJENSEN-EXT\"", false),
        Arguments.of("name.familyName co \"ENS\"", true),
        Arguments.of("name.givenName sw \"bar\"", true),
        Arguments.of("name.familyName ew \"SEN\"", true),
        Arguments.of("name.familyName ew \"Jensenx\"", false),
        Arguments.of("emails co \"jensen.org\"", true),
        Arguments.of("emails.value ew \"@example.com\"", true),
        Arguments.of("emails[type eq \"work\" and value co \"@example.com\"]", true),
        Arguments.of("emails[type eq \"home\" and value co \"@example.com\"]", false),
        Arguments.of("emails[not (type eq \"work\")]", true),
        Arguments.of("emails[primary eq true]", true),
        Arguments.of("emails.type eq \"other\"", false),
        Arguments.of("emails.type ne \"other\"", true),
        Arguments.of("emails.type ne \"work\"", true),
        Arguments.of("not (emails.type eq \"work\")", false),
        Arguments.of("title pr", false),
        Arguments.of("nickName pr", false),
        Arguments.of("phoneNumbers pr", false),
        Arguments.of("addresses pr", false),
        Arguments.of("x509Certificates pr", false),
        Arguments.of("missing pr", false),
        Arguments.of("displayName pr", true),
        Arguments.of("emails pr", true),
        Arguments.of("emails.type pr", true),
        Arguments.of("name pr", true),
        Arguments.of("active pr", true),
        Arguments.of("nickName eq null", true),
        Arguments.of("missing eq null", true),
        Arguments.of("userName eq null", false),
        Arguments.of("userName ne null", true),
        Arguments.of("missing ne \"x\"", true),
        Arguments.of("active eq true", true),
        Arguments.of("active eq false", false),
        Arguments.of("active ne false", true),
        Arguments.of("loginCount gt 41", true),
        Arguments.of("loginCount eq 42.0", true),
        Arguments.of("loginCount le 41.99", false),
        Arguments.of("loginCount ge 42", true),
        Arguments.of("score eq 1", true),
        Arguments.of("loginCount eq \"42\"", false),
        Arguments.of("userName eq 5", false),
        Arguments.of("meta.lastModified gt \"2011-05-13T04:42:33Z\"", true),
        Arguments.of("meta.lastModified eq \"2011-05-13T06:42:34+02:00\"", true),
        Arguments.of("meta.lastModified lt \"2011-05-13T04:42:34Z\"", false),
        Arguments.of("meta.lastModified ge \"2011-05-13T04:42:34.000Z\"", true),
        Arguments.of("meta.resourceType eq \"user\"", false),
        Arguments.of("meta.resourceType eq \"User\"", true),
        Arguments.of("displayName gt \"babs\"", true),
        Arguments.of("displayName lt \"BABS JENSEN\"", false),
        Arguments.of("displayName le \"BABS JENSEN\"", true),
        Arguments.of(ENTERPRISE + ":employeeNumber eq \"701984\"", true),
        Arguments.of(ENTERPRISE + ":manager.value eq \"26118915-6090-4610-87e4-49d8ca9f808d\"", true),
        Arguments.of(ENTERPRISE + ":manager.displayName eq \"john smith\"", true),
        Arguments.of(ENTERPRISE + ":manager eq \"26118915-6090-4610-87e4-49d8ca9f808d\"", true),
        Arguments.of(ENTERPRISE.toUpperCase(java.util.Locale.ROOT) + ":EMPLOYEENUMBER eq \"701984\"", true),
        Arguments.of("employeeNumber eq \"701984\"", false),
        Arguments.of(ENTERPRISE + " pr", true),
        Arguments.of("urn:ietf:params:scim:schemas:extension:other:2.0:User:employeeNumber pr", false),
        Arguments.of("urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"bjen\"", true),
        Arguments.of("schemas eq \"" + ENTERPRISE + "\"", true),
        Arguments.of("not (userName eq \"x\")", true),
        Arguments.of("userName sw \"bj\" and (active eq false or loginCount gt 40)", true),
        Arguments.of("userName sw \"bj\" and not (active eq true or loginCount gt 40)", false));
  }

  @ParameterizedTest
  @MethodSource("userCases")
  void matches_userResource(String filter, boolean expected) {
    assertThat(Filter.parse(filter).matches(USER)).as(filter).isEqualTo(expected);
  }

  static Stream<Arguments> groupCases() {
    return Stream.of(
        Arguments.of("members eq \"2819c223-7f76-453a-919d-413861904646\"", true),
        Arguments.of("members eq \"2819C223-7F76-453A-919D-413861904646\"", false),
        Arguments.of("members.value eq \"902c246b-6245-4190-8e05-00816be7344a\"", true),
        Arguments.of("members[value eq \"902c246b-6245-4190-8e05-00816be7344a\"]", true),
        Arguments.of("members[value eq \"nobody\"]", false),
        Arguments.of("members.display eq \"mandy pepperidge\"", true),
        Arguments.of("members[display co \"babs\" and value eq \"2819c223-7f76-453a-919d-413861904646\"]", true),
        Arguments.of("members[display co \"babs\" and value eq \"902c246b-6245-4190-8e05-00816be7344a\"]", false),
        Arguments.of("members.$ref sw \"HTTPS\"", false),
        Arguments.of("members.$ref sw \"https\"", true),
        Arguments.of("displayName eq \"tour guides\"", true),
        Arguments.of("members ne \"2819c223-7f76-453a-919d-413861904646\"", true),
        Arguments.of("not (members eq \"2819c223-7f76-453a-919d-413861904646\")", false));
  }

  @ParameterizedTest
  @MethodSource("groupCases")
  void matches_groupResource(String filter, boolean expected) {
    assertThat(FilterEvaluator.standard().matches(Filter.parse(filter), GROUP)).as(filter).isEqualTo(expected);
  }

  @Test
  void matches_undefinedComparisons_throwIllegalArgumentException() {
    for (String filter : new String[] {"active gt true", "userName co 5", "userName gt null", "active sw false",
        "userName pr or active le false", "emails[primary lt true]"}) {
      assertThatThrownBy(() -> Filter.parse(filter).matches(USER)).as(filter)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is not defined for");
    }
  }

  @Test
  void matches_customCaseExactAttribute_comparesExactly() {
    FilterEvaluator evaluator = FilterEvaluator.builder().addCaseExactAttribute("userName").build();
    Filter upper = Filter.attr("userName").eq("BJENSEN@example.com");

    assertThat(evaluator.matches(upper, USER)).isFalse();
    assertThat(FilterEvaluator.standard().matches(upper, USER)).isTrue();
    assertThat(evaluator.isCaseExact("username")).isTrue();
    assertThat(evaluator.isCaseExact("id")).isTrue();
  }

  @Test
  void matches_replacedCaseExactSet_dropsDefaults() {
    FilterEvaluator evaluator = FilterEvaluator.builder().caseExactAttributes(Collections.emptyList()).build();

    assertThat(evaluator.matches(Filter.attr("id").eq("2819C223-7F76-453A-919D-413861904646"), USER)).isTrue();
    assertThat(evaluator.caseExactAttributes()).isEmpty();
    assertThatThrownBy(() -> FilterEvaluator.builder().addCaseExactAttribute(ENTERPRISE + ":employeeNumber"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void standardCaseExactAttributes_coverIdsReferencesAndMeta() {
    FilterEvaluator standard = FilterEvaluator.standard();

    assertThat(standard.isCaseExact("id")).isTrue();
    assertThat(standard.isCaseExact("externalId")).isTrue();
    assertThat(standard.isCaseExact("meta.version")).isTrue();
    assertThat(standard.isCaseExact("members.value")).isTrue();
    assertThat(standard.isCaseExact("groups.value")).isTrue();
    assertThat(standard.isCaseExact("emails.$ref")).isTrue();
    assertThat(standard.isCaseExact("userName")).isFalse();
    assertThat(standard.isCaseExact("members.display")).isFalse();
    assertThat(standard.isCaseExact("applicationId")).isFalse();
    assertThat(standard.isCaseExact("emails.value")).isFalse();
  }

  @Test
  void matches_nonObjectResource_onlyNegationsMatch() {
    assertThat(Filter.parse("userName pr").matches(NullNode.getInstance())).isFalse();
    assertThat(Filter.parse("not (userName pr)").matches(NullNode.getInstance())).isTrue();
    assertThat(Filter.parse("userName pr").matches(null)).isFalse();
  }

  @Test
  void matches_builtFilterWithInstant_comparesAsInstant() {
    Filter since = Filter.attr("meta.lastModified").ge(java.time.Instant.parse("2011-05-13T04:42:34Z"));
    Filter after = Filter.attr("meta.lastModified").gt(java.time.Instant.parse("2011-05-13T04:42:34Z"));

    assertThat(since.matches(USER)).isTrue();
    assertThat(after.matches(USER)).isFalse();
  }
}
