package dev.dbscim.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class FilterBuilderTest {

  @Test
  void attr_typedOverloads_renderJsonLiterals() {
    assertThat(Filter.attr("userName").eq("ada@example.com").toString()).isEqualTo("userName eq \"ada@example.com\"");
    assertThat(Filter.attr("active").eq(true).toString()).isEqualTo("active eq true");
    assertThat(Filter.attr("active").ne(false).toString()).isEqualTo("active ne false");
    assertThat(Filter.attr("loginCount").ge(42L).toString()).isEqualTo("loginCount ge 42");
    assertThat(Filter.attr("score").lt(1.25).toString()).isEqualTo("score lt 1.25");
    assertThat(Filter.attr("score").le(2.0).toString()).isEqualTo("score le 2");
    assertThat(Filter.attr("meta.lastModified").gt(Instant.parse("2011-05-13T04:42:34Z")).toString())
        .isEqualTo("meta.lastModified gt \"2011-05-13T04:42:34Z\"");
    assertThat(Filter.attr("title").eqNull().toString()).isEqualTo("title eq null");
    assertThat(Filter.attr("title").neNull().toString()).isEqualTo("title ne null");
    assertThat(Filter.attr("title").pr().toString()).isEqualTo("title pr");
    assertThat(Filter.attr("displayName").co("eng").toString()).isEqualTo("displayName co \"eng\"");
    assertThat(Filter.attr("displayName").sw("eng").toString()).isEqualTo("displayName sw \"eng\"");
    assertThat(Filter.attr("displayName").ew("eng").toString()).isEqualTo("displayName ew \"eng\"");
  }

  @Test
  void attr_injectionAttempt_staysOneComparison() {
    String hostile = "x\" or userName pr or \"";

    Filter filter = Filter.attr("userName").eq(hostile);

    assertThat(filter.toString()).isEqualTo("userName eq \"x\\\" or userName pr or \\\"\"");
    Filter parsed = Filter.parse(filter.toString());
    assertThat(parsed).isInstanceOf(Filter.Comparison.class).isEqualTo(filter);
    assertThat(((Filter.Comparison) parsed).value().textValue()).isEqualTo(hostile);
  }

  @Test
  void attr_controlCharactersAndBackslashes_roundTrip() {
    String nasty = "a\\\"\u0000\u001f\n\r\t\u2028\ud800)] and (";

    Filter filter = Filter.attr("displayName").eq(nasty);

    assertThat(((Filter.Comparison) Filter.parse(filter.toString())).value().textValue()).isEqualTo(nasty);
    assertThat(filter.toString()).doesNotContain("\u0000").doesNotContain("\n");
  }

  @Test
  void attr_invalidName_throwsIllegalArgumentException() {
    for (String bad : Arrays.asList("", "user name", "1st", "a.b.c", "name[", "foo:bar", "urn:", "userName eq")) {
      assertThatThrownBy(() -> Filter.attr(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void attr_nonFiniteDouble_throwsIllegalArgumentException() {
    assertThatThrownBy(() -> Filter.attr("score").eq(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Filter.attr("score").gt(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void has_buildsValuePath() {
    Filter filter = Filter.attr("emails").has(Filter.attr("type").eq("work").and(Filter.attr("primary").eq(true)));

    assertThat(filter.toString()).isEqualTo("emails[type eq \"work\" and primary eq true]");
    assertThat(Filter.parse(filter.toString())).isEqualTo(filter);
  }

  @Test
  void has_nestedValuePath_throwsIllegalArgumentException() {
    Filter inner = Filter.attr("emails").has(Filter.attr("type").eq("work"));

    assertThatThrownBy(() -> Filter.attr("x").has(Filter.not(inner))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void and_or_flattenAndParenthesiseOnlyWhereNeeded() {
    Filter a = Filter.attr("a").pr();
    Filter b = Filter.attr("b").pr();
    Filter c = Filter.attr("c").pr();

    assertThat(a.and(b.and(c))).isEqualTo(Filter.and(a, b, c)).isEqualTo(Filter.and(Arrays.asList(a, b, c)));
    assertThat(a.and(b.and(c)).toString()).isEqualTo("a pr and b pr and c pr");
    assertThat(a.and(b.or(c)).toString()).isEqualTo("a pr and (b pr or c pr)");
    assertThat(a.or(b.and(c)).toString()).isEqualTo("a pr or b pr and c pr");
    assertThat(Filter.not(a.or(b)).and(c).toString()).isEqualTo("not (a pr or b pr) and c pr");
    assertThat(Filter.and(Collections.singletonList(a))).isSameAs(a);
    assertThat(a.and(b)).isNotEqualTo(b.and(a));
  }

  @Test
  void and_noOperands_throwsIllegalArgumentException() {
    assertThatThrownBy(() -> Filter.and(Collections.emptyList())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void not_deeperThanLimit_throwsIllegalArgumentException() {
    Filter filter = Filter.attr("a").pr();
    for (int i = 0; i < 63; i++) {
      filter = Filter.not(filter);
    }
    Filter atLimit = filter;

    assertThat(Filter.parse(atLimit.toString())).isEqualTo(atLimit);
    assertThatThrownBy(() -> Filter.not(atLimit)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deeper than 64");
  }

  @Test
  void comparison_jsonValues_areCanonicalised() {
    JsonNodeFactory json = JsonNodeFactory.instance;
    AttributePath score = AttributePath.of("score");

    assertThat(Filter.comparison(score, ComparisonOperator.EQ, json.numberNode(1)))
        .isEqualTo(Filter.attr("score").eq(1L))
        .isEqualTo(Filter.comparison(score, ComparisonOperator.EQ, json.numberNode(new java.math.BigDecimal("1.00"))))
        .isEqualTo(Filter.attr("score").eq(1.0));
    assertThat(Filter.comparison(score, ComparisonOperator.EQ, null)).isEqualTo(Filter.attr("score").eqNull());
    assertThat(Filter.comparison(score, ComparisonOperator.EQ, TextNode.valueOf("x")).toString())
        .isEqualTo("score eq \"x\"");
    assertThatThrownBy(() -> Filter.comparison(score, ComparisonOperator.EQ, json.arrayNode()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Filter.comparison(score, ComparisonOperator.EQ, json.numberNode(Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void accept_visitorSeesEveryNode() {
    Filter filter = Filter.parse("a eq 1 and (b pr or not (c sw \"x\")) and emails[type eq \"work\"]");

    int comparisons = filter.accept(new FilterVisitor<Integer>() {
      @Override
      public Integer visitComparison(Filter.Comparison f) {
        return 1;
      }

      @Override
      public Integer visitPresent(Filter.Present f) {
        return 0;
      }

      @Override
      public Integer visitAnd(Filter.And f) {
        return f.operands().stream().mapToInt(o -> o.accept(this)).sum();
      }

      @Override
      public Integer visitOr(Filter.Or f) {
        return f.operands().stream().mapToInt(o -> o.accept(this)).sum();
      }

      @Override
      public Integer visitNot(Filter.Not f) {
        return f.operand().accept(this);
      }

      @Override
      public Integer visitValuePath(Filter.ValuePath f) {
        return f.filter().accept(this);
      }
    });

    assertThat(comparisons).isEqualTo(3);
  }

  @Test
  void attributePath_accessorsAndCaseInsensitiveEquality() {
    AttributePath path = AttributePath.parse("urn:ietf:params:scim:schemas:core:2.0:User:name.givenName");

    assertThat(path.schemaUrn()).hasValue("urn:ietf:params:scim:schemas:core:2.0:User");
    assertThat(path.name()).isEqualTo("name");
    assertThat(path.subAttribute()).hasValue("givenName");
    assertThat(path.fullName()).isEqualTo("urn:ietf:params:scim:schemas:core:2.0:User:name.givenName");
    assertThat(path).isEqualTo(AttributePath.of("URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER:NAME.GIVENNAME"));
    assertThat(path.hashCode())
        .isEqualTo(AttributePath.of("URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER:NAME.GIVENNAME").hashCode());
    assertThat(path).isNotEqualTo(AttributePath.of("name.givenName"));
    assertThat(path.withoutSubAttribute().toString()).isEqualTo("urn:ietf:params:scim:schemas:core:2.0:User:name");
    assertThat(AttributePath.of("$ref").name()).isEqualTo("$ref");
    assertThat(AttributePath.of("members.$ref").subAttribute()).hasValue("$ref");
  }

  @Test
  void attributePath_bareSchemaUrn_namesExtensionObject() {
    AttributePath path = AttributePath.parse("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");

    assertThat(path.isSchemaUrn()).isTrue();
    assertThat(path.schemaUrn()).isEmpty();
    assertThat(path.name()).isEqualTo("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
    assertThat(AttributePath.parse("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber")
        .isSchemaUrn()).isFalse();
  }
}
