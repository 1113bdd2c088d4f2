package dev.dbscim.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 7644 figure 1 puts a space around comparison and logical operators ({@code attrExp = attrPath SP compareOp SP
 * compValue}, {@code logExp = FILTER SP ("and" / "or") SP FILTER}): the strict parser requires it and says where it is
 * missing; the lenient parser still accepts filters written without it.
 */
class FilterParseSpacingTest {

  /** Filters without a required space, the position the error names, and a fragment of its message. */
  static Stream<Arguments> missingSpace() {
    return Stream.of(
        Arguments.of("userName eq\"carol\"", 11, "expected a space before the value"),
        Arguments.of("active eq\"true\"", 9, "expected a space before the value"),
        Arguments.of("(a pr)and(b pr)", 6, "expected a space before 'and'"),
        Arguments.of("(a pr) and(b pr)", 10, "expected a space after 'and'"),
        Arguments.of("(a pr)and (b pr)", 6, "expected a space before 'and'"),
        Arguments.of("(a pr)or(b pr)", 6, "expected a space before 'or'"),
        Arguments.of("(a pr) or(b pr)", 9, "expected a space after 'or'"),
        Arguments.of("userName eq \"x\"and title pr", 15, "expected a space before 'and'"),
        Arguments.of("userName eq \"x\"or title pr", 15, "expected a space before 'or'"),
        Arguments.of("emails[type eq \"work\"]and title pr", 22, "expected a space before 'and'"),
        Arguments.of("emails[type eq \"work\"and value pr]", 21, "expected a space before 'and'"),
        Arguments.of("a pr and not(b pr)or c pr", 18, "expected a space before 'or'"),
        Arguments.of("(userName eq \"x\")and(title pr)", 17, "expected a space before 'and'"));
  }

  @ParameterizedTest
  @MethodSource("missingSpace")
  void parse_operatorWithoutSpace_throwsWithPosition(String text, int position, String message) {
    assertThatThrownBy(() -> Filter.parse(text))
        .isInstanceOf(FilterParseException.class)
        .hasMessageContaining(message)
        .hasMessageContaining("at position " + position)
        .satisfies(e -> assertThat(((FilterParseException) e).position()).isEqualTo(position));
  }

  @ParameterizedTest
  @MethodSource("missingSpace")
  void parseLenient_operatorWithoutSpace_isAccepted(String text, int position, String message) {
    Filter lenient = Filter.parseLenient(text);

    assertThat(Filter.parse(lenient.toString())).isEqualTo(lenient);
  }

  @Test
  void parseLenient_operatorWithoutSpace_yieldsTheSpacedTree() {
    assertThat(Filter.parseLenient("userName eq\"carol\"")).isEqualTo(Filter.attr("userName").eq("carol"));
    assertThat(Filter.parseLenient("(a pr)and(b pr)")).isEqualTo(Filter.parse("a pr and b pr"));
    assertThat(Filter.parseLenient("userName eq \"x\"and title pr"))
        .isEqualTo(Filter.parse("userName eq \"x\" and title pr"));
  }

  @Test
  void parse_spacedOperatorsAndUnspacedGrouping_areAccepted() {
    assertThat(Filter.parse("(a pr) and (b pr)")).isEqualTo(Filter.parse("a pr and b pr"));
    assertThat(Filter.parse("not(a pr)")).isEqualTo(Filter.not(Filter.attr("a").pr()));
    assertThat(Filter.parse("a pr and not (b pr)")).isEqualTo(Filter.attr("a").pr().and(Filter.not(Filter.attr("b")
        .pr())));
    assertThat(Filter.parse("emails[type eq \"work\"] and (title pr)")).isNotNull();
    assertThat(Filter.parse("userName eq \"x\"\tand\ntitle pr")).isEqualTo(Filter.parse("userName eq \"x\" and title pr"));
    assertThat(ScimPath.parse("members[value eq \"1\"]").toString()).isEqualTo("members[value eq \"1\"]");
  }

  @Test
  void scimPath_strictFilterWithoutSpace_throws() {
    assertThatThrownBy(() -> ScimPath.parse("members[value eq\"1\"]"))
        .isInstanceOf(FilterParseException.class)
        .hasMessageContaining("expected a space before the value");
    assertThat(ScimPath.parseLenient("members[value eq\"1\"]").toString()).isEqualTo("members[value eq \"1\"]");
  }
}
