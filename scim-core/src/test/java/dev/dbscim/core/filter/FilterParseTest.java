package dev.dbscim.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterParseTest {

  /** Every example filter of RFC 7644 section 3.4.2.2, with its canonical rendering. */
  static Stream<Arguments> rfcExamples() {
    return Stream.of(
        Arguments.of("userName eq \"bjensen\"", "userName eq \"bjensen\""),
        Arguments.of("name.familyName co \"O'Malley\"", "name.familyName co \"O'Malley\""),
        Arguments.of("userName sw \"J\"", "userName sw \"J\""),
        Arguments.of("urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"",
            "urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\""),
        Arguments.of("title pr", "title pr"),
        Arguments.of("meta.lastModified gt \"2011-05-13T04:42:34Z\"", "meta.lastModified gt \"2011-05-13T04:42:34Z\""),
        Arguments.of("meta.lastModified ge \"2011-05-13T04:42:34Z\"", "meta.lastModified ge \"2011-05-13T04:42:34Z\""),
        Arguments.of("meta.lastModified lt \"2011-05-13T04:42:34Z\"", "meta.lastModified lt \"2011-05-13T04:42:34Z\""),
        Arguments.of("meta.lastModified le \"2011-05-13T04:42:34Z\"", "meta.lastModified le \"2011-05-13T04:42:34Z\""),
        Arguments.of("title pr and userType eq \"Employee\"", "title pr and userType eq \"Employee\""),
        Arguments.of("title pr or userType eq \"Intern\"", "title pr or userType eq \"Intern\""),
        Arguments.of("schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"",
            "schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\""),
        Arguments.of("userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")",
            "userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")"),
        Arguments.of("userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")",
            "userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")"),
        Arguments.of("userType eq \"Employee\" and (emails.type eq \"work\")",
            "userType eq \"Employee\" and emails.type eq \"work\""),
        Arguments.of("userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]",
            "userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]"),
        Arguments.of("emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]",
            "emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]"));
  }

  @ParameterizedTest
  @MethodSource("rfcExamples")
  void parse_rfcExample_rendersCanonicallyAndRoundTrips(String text, String canonical) {
    Filter filter = Filter.parse(text);

    assertThat(filter.toString()).isEqualTo(canonical);
    assertThat(Filter.parse(filter.toString())).isEqualTo(filter);
    assertThat(Filter.parseLenient(text)).isEqualTo(filter);
  }

  @Test
  void parse_rfcValuePathExample_buildsValuePathNode() {
    Filter filter = Filter.parse("userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]");

    assertThat(filter).isEqualTo(Filter.attr("userType").eq("Employee").and(Filter.attr("emails")
        .has(Filter.attr("type").eq("work").and(Filter.attr("value").co("@example.com")))));
    Filter.ValuePath emails = (Filter.ValuePath) ((Filter.And) filter).operands().get(1);
    assertThat(emails.attribute().name()).isEqualTo("emails");
    assertThat(emails.filter()).isInstanceOf(Filter.And.class);
  }

  /** Filters identity providers and SDKs send, strict where they are RFC, lenient otherwise. */
  static Stream<Arguments> identityProviderFilters() {
    return Stream.of(
        Arguments.of("userName eq \"ada@example.com\"", false, Filter.attr("userName").eq("ada@example.com")),
        Arguments.of("externalId eq \"00aa00aa-bb11-cc22-dd33-44ee44ee44ee\"", false,
            Filter.attr("externalId").eq("00aa00aa-bb11-cc22-dd33-44ee44ee44ee")),
        Arguments.of("displayName eq \"Engineering\"", false, Filter.attr("displayName").eq("Engineering")),
        Arguments.of("applicationId eq \"4f7a6f2e-9a86-4b8b-8d3e-6b3b7a1f2c9d\"", false,
            Filter.attr("applicationId").eq("4f7a6f2e-9a86-4b8b-8d3e-6b3b7a1f2c9d")),
        Arguments.of("externalId eq abc", true, Filter.attr("externalId").eq("abc")),
        Arguments.of("displayName eq 'my group'", true, Filter.attr("displayName").eq("my group")),
        Arguments.of("displayName sw 'go-sdk-'", true, Filter.attr("displayName").sw("go-sdk-")),
        Arguments.of("displayName sw eng", true, Filter.attr("displayName").sw("eng")),
        Arguments.of("userName eq user@example.com", true, Filter.attr("userName").eq("user@example.com")),
        Arguments.of("active eq True", true, Filter.attr("active").eq(true)),
        Arguments.of("active eq FALSE", true, Filter.attr("active").eq(false)),
        Arguments.of("title eq NULL", true, Filter.attr("title").eqNull()),
        Arguments.of("loginCount gt 5", false, Filter.attr("loginCount").gt(5)),
        Arguments.of("displayName eq 'it\\'s'", true, Filter.attr("displayName").eq("it's")),
        Arguments.of("(displayName eq eng) and userName sw ada", true,
            Filter.attr("displayName").eq("eng").and(Filter.attr("userName").sw("ada"))),
        Arguments.of("members[value eq 2819c223]", true,
            Filter.attr("members").has(Filter.attr("value").eq("2819c223"))),
        Arguments.of("userName Eq \"x\" AND active EQ true", false,
            Filter.attr("userName").eq("x").and(Filter.attr("active").eq(true))));
  }

  @ParameterizedTest
  @MethodSource("identityProviderFilters")
  void parse_identityProviderFilter_yieldsExpectedTree(String text, boolean lenientOnly, Filter expected) {
    assertThat(Filter.parseLenient(text)).isEqualTo(expected);
    if (lenientOnly) {
      assertThatThrownBy(() -> Filter.parse(text)).isInstanceOf(FilterParseException.class);
    } else {
      assertThat(Filter.parse(text)).isEqualTo(expected);
    }
  }

  /** Malformed filters, the position the error names, and a fragment of the message. */
  static Stream<Arguments> invalidFilters() {
    return Stream.of(
        Arguments.of("", 0, "expected attribute path"),
        Arguments.of("   ", 3, "expected attribute path"),
        Arguments.of("userName", 8, "expected comparison operator"),
        Arguments.of("userName eq", 11, "expected value"),
        Arguments.of("userName xx \"a\"", 9, "expected comparison operator"),
        Arguments.of("userName equals \"a\"", 9, "expected comparison operator"),
        Arguments.of("userName eq \"abc", 12, "unterminated string"),
        Arguments.of("userName eq 'abc'", 12, "expected value"),
        Arguments.of("userName eq abc", 12, "expected value"),
        Arguments.of("userName eq True", 12, "expected value"),
        Arguments.of("userName eq 1e", 12, "invalid number"),
        Arguments.of("userName eq -", 12, "invalid number"),
        Arguments.of("userName eq 01", 13, "expected 'and', 'or' or end"),
        Arguments.of("userName eq 1e99999999999", 12, "number out of range"),
        Arguments.of("userName eq \"\\x\"", 13, "invalid escape"),
        Arguments.of("userName eq \"\\u12\"", 15, "four hex digits"),
        Arguments.of("userName eq \"\\u12g4\"", 17, "four hex digits"),
        Arguments.of("userName eq \"a\u0001\"", 14, "control characters"),
        Arguments.of("(userName pr", 12, "expected ')'"),
        Arguments.of("userName pr)", 11, "unbalanced ')'"),
        Arguments.of("userName pr and", 15, "expected attribute path"),
        Arguments.of("userName pr andx pr", 12, "expected 'and', 'or' or end"),
        Arguments.of("userName eq \"x\" userName pr", 16, "expected 'and', 'or' or end"),
        Arguments.of("not (userName pr", 16, "expected ')'"),
        Arguments.of("not userName pr", 4, "expected comparison operator"),
        Arguments.of("emails[type eq \"work\"", 21, "expected ']'"),
        Arguments.of("emails[]", 7, "expected attribute path"),
        Arguments.of("emails[type[value pr] pr]", 11, "cannot be nested"),
        Arguments.of("[type pr]", 0, "expected attribute path"),
        Arguments.of("a.b.c pr", 3, "one level"),
        Arguments.of("1abc pr", 0, "expected attribute name"),
        Arguments.of("user name eq \"x\"", 5, "expected comparison operator"),
        Arguments.of("foo:bar pr", 3, "invalid character in attribute name"),
        Arguments.of("urn: pr", 4, "expected URN namespace"),
        Arguments.of("urn:ietf::x:userName pr", 9, "empty segment"),
        Arguments.of("urn:ietf:params:scim:schemas:core:2.0:User: pr", 43, "expected attribute name after schema URN"),
        Arguments.of("userName pr and or", 18, "expected comparison operator"));
  }

  @ParameterizedTest
  @MethodSource("invalidFilters")
  void parse_malformedFilter_throwsWithPosition(String text, int position, String message) {
    assertThatThrownBy(() -> Filter.parse(text))
        .isInstanceOf(FilterParseException.class)
        .hasMessageContaining(message)
        .hasMessageContaining("at position " + position)
        .satisfies(e -> assertThat(((FilterParseException) e).position()).isEqualTo(position));
  }

  @Test
  void parse_null_throwsFilterParseException() {
    assertThatThrownBy(() -> Filter.parse(null)).isInstanceOf(FilterParseException.class);
    assertThatThrownBy(() -> Filter.parseLenient(null)).isInstanceOf(FilterParseException.class);
  }

  @Test
  void parse_errorMessage_echoesOnlyShortExcerpt() {
    String secretish = "userName eq \"" + "x".repeat(5000);

    assertThatThrownBy(() -> Filter.parse(secretish))
        .isInstanceOf(FilterParseException.class)
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(120));
  }

  @Test
  void parse_deepParentheses_throwsFilterParseExceptionNotStackOverflow() {
    String deep = "(".repeat(20_000) + "a pr" + ")".repeat(20_000);

    assertThatThrownBy(() -> Filter.parse(deep))
        .isInstanceOf(FilterParseException.class)
        .hasMessageContaining("nested deeper than 64");
  }

  @Test
  void parse_nestingAtLimit_isAccepted() {
    String nested = "(".repeat(64) + "a pr" + ")".repeat(64);

    assertThat(Filter.parse(nested)).isEqualTo(Filter.attr("a").pr());
  }

  @Test
  void parse_notsDeeperThanTreeLimit_throwsFilterParseException() {
    String nots = "not (".repeat(64) + "a pr" + ")".repeat(64);

    assertThatThrownBy(() -> Filter.parse(nots))
        .isInstanceOf(FilterParseException.class)
        .hasMessageContaining("nested deeper than 64");
  }

  @Test
  void parse_tooLong_throwsFilterParseException() {
    String longFilter = "userName eq \"" + "x".repeat(70_000) + "\"";

    assertThatThrownBy(() -> Filter.parse(longFilter))
        .isInstanceOf(FilterParseException.class)
        .hasMessageContaining("longer than 65536");
  }

  @Test
  void parse_manyFlatOperands_isLinearAndFlattened() {
    StringBuilder text = new StringBuilder("a0 pr");
    for (int i = 1; i < 2000; i++) {
      text.append(" or a").append(i).append(" pr");
    }

    Filter filter = Filter.parse(text.toString());

    assertThat(((Filter.Or) filter).operands()).hasSize(2000);
    assertThat(filter.toString()).isEqualTo(text.toString());
  }

  @Test
  void parse_andBindsTighterThanOr() {
    Filter filter = Filter.parse("a pr or b pr and c pr");

    assertThat(filter).isEqualTo(Filter.or(Filter.attr("a").pr(), Filter.and(Filter.attr("b").pr(),
        Filter.attr("c").pr())));
    assertThat(filter.toString()).isEqualTo("a pr or b pr and c pr");
  }

  @Test
  void parse_parenthesisedOr_keepsParenthesesInRendering() {
    Filter filter = Filter.parse("(a pr or b pr) and c pr");

    assertThat(filter).isInstanceOf(Filter.And.class);
    assertThat(filter.toString()).isEqualTo("(a pr or b pr) and c pr");
  }

  @Test
  void parse_redundantParentheses_areDroppedAndJunctionsFlattened() {
    assertThat(Filter.parse("((a pr)) and (b pr and (c pr))").toString()).isEqualTo("a pr and b pr and c pr");
    assertThat(Filter.parse("a pr and (b pr and c pr)")).isEqualTo(Filter.parse("(a pr and b pr) and c pr"));
    assertThat(Filter.parse("a pr and b pr or c pr and d pr").toString()).isEqualTo("a pr and b pr or c pr and d pr");
  }

  @Test
  void parse_not_bindsToItsParenthesesOnly() {
    Filter filter = Filter.parse("not (a pr) or b pr");

    assertThat(filter).isEqualTo(Filter.or(Filter.not(Filter.attr("a").pr()), Filter.attr("b").pr()));
    assertThat(Filter.parse("NOT(a pr)").toString()).isEqualTo("not (a pr)");
  }

  @Test
  void parse_keywordsAsAttributeNames_areAttributes() {
    assertThat(Filter.parse("not pr")).isEqualTo(Filter.attr("not").pr());
    assertThat(Filter.parse("and eq 1 or or pr")).isEqualTo(Filter.attr("and").eq(1).or(Filter.attr("or").pr()));
    assertThat(Filter.parse("pr pr")).isEqualTo(Filter.attr("pr").pr());
  }

  @Test
  void parse_whitespaceVariants_areTolerated() {
    Filter expected = Filter.attr("userName").eq("x").and(Filter.attr("title").pr());

    assertThat(Filter.parse("  userName \t eq   \"x\"\tand\n title  pr  ")).isEqualTo(expected);
    assertThat(Filter.parse("(userName eq \"x\") and (title pr)")).isEqualTo(expected);
    assertThat(Filter.parseLenient("(userName eq \"x\")and(title pr)")).isEqualTo(expected);
  }

  @Test
  void parse_attributeNames_matchCaseInsensitivelyButKeepTheirCase() {
    Filter upper = Filter.parse("USERNAME eq \"Ada\"");

    assertThat(upper).isEqualTo(Filter.parse("userName eq \"Ada\""));
    assertThat(upper.hashCode()).isEqualTo(Filter.parse("userName eq \"Ada\"").hashCode());
    assertThat(upper.toString()).isEqualTo("USERNAME eq \"Ada\"");
    assertThat(upper).isNotEqualTo(Filter.parse("USERNAME eq \"ada\""));
  }

  @Test
  void parse_allOperatorsInAnyCase_renderLowerCase() {
    for (ComparisonOperator operator : ComparisonOperator.values()) {
      String upper = operator.token().toUpperCase(java.util.Locale.ROOT);

      Filter.Comparison filter = (Filter.Comparison) Filter.parse("a " + upper + " \"x\"");

      assertThat(filter.operator()).isEqualTo(operator);
      assertThat(filter.toString()).isEqualTo("a " + operator.token() + " \"x\"");
    }
  }

  @Test
  void parse_literals_yieldCanonicalNodes() {
    assertThat(value("a eq true")).isEqualTo(BooleanNode.TRUE);
    assertThat(value("a eq false")).isEqualTo(BooleanNode.FALSE);
    assertThat(value("a eq null")).isEqualTo(NullNode.getInstance());
    assertThat(value("a eq 42")).isEqualTo(LongNode.valueOf(42));
    assertThat(value("a eq -0")).isEqualTo(LongNode.valueOf(0));
    assertThat(value("a eq \"\"")).isEqualTo(TextNode.valueOf(""));
  }

  @Test
  void parse_numbers_areEqualByValueAndRenderCanonically() {
    assertThat(Filter.parse("a eq 1.0")).isEqualTo(Filter.parse("a eq 1"));
    assertThat(Filter.parse("a eq 1e2").toString()).isEqualTo("a eq 100");
    assertThat(Filter.parse("a eq -0.50").toString()).isEqualTo("a eq -0.5");
    assertThat(Filter.parse("a eq 1.5E-10").toString()).isEqualTo("a eq 0.00000000015");
    assertThat(Filter.parse("a eq 1e-50").toString()).isEqualTo("a eq 1E-50");
    assertThat(Filter.parse("a eq 1e400").toString()).isEqualTo("a eq 1E+400");
    assertThat(Filter.parse("a eq 123456789012345678901234567890").toString())
        .isEqualTo("a eq 123456789012345678901234567890");
    assertThat(Filter.parse("a eq 9223372036854775807").toString()).isEqualTo("a eq 9223372036854775807");
  }

  @Test
  void parse_jsonEscapes_decodeAndRenderCanonically() {
    Filter filter = Filter.parse("a eq \"q\\\"b\\\\s\\/n\\n\\t\\b\\f\\r\\u00e9\\ud83d\\ude00\\u0000\"");

    assertThat(value(filter).textValue()).isEqualTo("q\"b\\s/n\n\t\b\f\r\u00e9\ud83d\ude00\u0000");
    assertThat(filter.toString()).isEqualTo("a eq \"q\\\"b\\\\s/n\\n\\t\\b\\f\\r\u00e9\ud83d\ude00\\u0000\"");
  }

  @Test
  void parse_loneSurrogateEscape_isKeptAndRenderedEscaped() {
    Filter filter = Filter.parse("a eq \"x\\udc00y\\ud800\"");

    assertThat(value(filter).textValue()).isEqualTo("x\udc00y\ud800");
    assertThat(filter.toString()).isEqualTo("a eq \"x\\udc00y\\ud800\"");
  }

  @Test
  void parseLenient_singleQuotedWithDoubleQuoteInside_keepsIt() {
    assertThat(value(Filter.parseLenient("a eq 'say \"hi\"'")).textValue()).isEqualTo("say \"hi\"");
    assertThat(value(Filter.parseLenient("a eq 1.50")).decimalValue()).isEqualByComparingTo("1.5");
    assertThat(value(Filter.parseLenient("a eq 00123")).textValue()).isEqualTo("00123");
  }

  @Test
  void parseLenient_malformed_stillThrows() {
    assertThatThrownBy(() -> Filter.parseLenient("displayName eq 'open")).isInstanceOf(FilterParseException.class)
        .hasMessageContaining("unterminated string at position 15");
    assertThatThrownBy(() -> Filter.parseLenient("displayName eq )")).isInstanceOf(FilterParseException.class)
        .hasMessageContaining("expected value at position 15");
  }

  @Test
  void parse_urnQualifiedAttribute_splitsSchemaNameAndSubAttribute() {
    Filter.Comparison filter = (Filter.Comparison) Filter.parse(
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"26118915\"");

    assertThat(filter.attribute().schemaUrn()).hasValue("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
    assertThat(filter.attribute().name()).isEqualTo("manager");
    assertThat(filter.attribute().subAttribute()).hasValue("value");
  }

  @Test
  void parse_bareSchemaUrnFollowedByDottedPath_staysBareUrn() {
    Filter.Or filter = (Filter.Or) Filter.parse(
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User pr or name.givenName pr");

    AttributePath first = ((Filter.Present) filter.operands().get(0)).attribute();
    assertThat(first.isSchemaUrn()).isTrue();
    assertThat(first.name()).isEqualTo("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
  }

  private static com.fasterxml.jackson.databind.JsonNode value(String filter) {
    return value(Filter.parse(filter));
  }

  private static com.fasterxml.jackson.databind.JsonNode value(Filter filter) {
    return ((Filter.Comparison) filter).value();
  }
  @Test
  void parse_commonAttributeWrittenInOtherCase_keepsTheCaseAsWritten() {
    Filter upper = Filter.parse("USERNAME eq \"a\" and Meta.LastModified pr");

    assertThat(upper.toString()).isEqualTo("USERNAME eq \"a\" and Meta.LastModified pr");
    assertThat(upper).isEqualTo(Filter.parse("userName eq \"a\" and meta.lastModified pr"));
    assertThat(upper.hashCode()).isEqualTo(Filter.parse("userName eq \"a\" and meta.lastModified pr").hashCode());
  }

  @Test
  void parse_commonAttributePaths_splitIntoNameAndSubAttribute() {
    AttributePath lastModified = AttributePath.parse("meta.lastModified");
    AttributePath ref = AttributePath.parse("$ref");
    AttributePath longer = AttributePath.parse("meta.lastModifiedBy");

    assertThat(lastModified.name()).isEqualTo("meta");
    assertThat(lastModified.subAttribute()).contains("lastModified");
    assertThat(ref.name()).isEqualTo("$ref");
    assertThat(ref.subAttribute()).isEmpty();
    assertThat(longer.subAttribute()).contains("lastModifiedBy");
    assertThat(ScimPath.parse("emails[type eq \"work\"].value").toString()).isEqualTo("emails[type eq \"work\"].value");
  }

  @Test
  void parse_integerLiteralsAroundTheLongFastPath_areCanonical() {
    assertThat(value("a eq 0")).isEqualTo(LongNode.valueOf(0));
    assertThat(value("a eq -123456789012345678")).isEqualTo(LongNode.valueOf(-123456789012345678L));
    assertThat(value("a eq 999999999999999999")).isEqualTo(LongNode.valueOf(999999999999999999L));
    assertThat(value("a eq 1234567890123456789")).isEqualTo(LongNode.valueOf(1234567890123456789L));
    assertThat(value("a eq -9223372036854775808")).isEqualTo(LongNode.valueOf(Long.MIN_VALUE));
    assertThat(value("a eq 9223372036854775808").isBigDecimal()).isTrue();
    assertThat(value("a eq 10e0")).isEqualTo(LongNode.valueOf(10));
    assertThat(Filter.parseLenient("a eq 42").toString()).isEqualTo("a eq 42");
  }

  @Test
  void parse_parenthesizedJunctionOfTheSameKind_isFlattened() {
    Filter and = Filter.parse("(a pr and b pr) and c pr and (d pr and e pr)");
    Filter or = Filter.parse("a pr or (b pr or c pr)");
    Filter mixed = Filter.parse("(a pr or b pr) and c pr");

    assertThat(((Filter.And) and).operands()).hasSize(5);
    assertThat(((Filter.Or) or).operands()).hasSize(3);
    assertThat(((Filter.And) mixed).operands()).hasSize(2).first().isInstanceOf(Filter.Or.class);
    assertThat(and).isEqualTo(Filter.and(Filter.parse("a pr and b pr"), Filter.parse("c pr and d pr and e pr")));
  }

  @Test
  void parse_keywordsInAnyCase_areKeywordsButLookalikesAreNot() {
    assertThat(Filter.parse("a pr AnD b pr oR NOT (c pr)").toString()).isEqualTo("a pr and b pr or not (c pr)");
    assertThatThrownBy(() -> Filter.parse("a pr andx b pr")).isInstanceOf(FilterParseException.class);
    assertThatThrownBy(() -> Filter.parse("a pr an b pr")).isInstanceOf(FilterParseException.class);
    assertThatThrownBy(() -> Filter.parse("a pr \u0430nd b pr")).isInstanceOf(FilterParseException.class);
  }
}
