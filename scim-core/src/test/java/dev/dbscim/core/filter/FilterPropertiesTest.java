package dev.dbscim.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dbscim.core.theory.Gens;
import dev.dbscim.core.theory.Theories;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Filter and path properties: rendering round-trips, string values cannot inject syntax, and garbage or mutated filters
 * fail only with {@link FilterParseException}. 1,000 tries each, 100,000 under the {@code soak} profile.
 */
class FilterPropertiesTest {
  private static final String[] NAMES = {"userName", "USERNAME", "displayName", "emails", "value", "type", "not",
      "and", "or", "pr", "eq", "$ref", "a", "x-y_z9", "name", "members"};
  private static final String[] URNS = {"urn:ietf:params:scim:schemas:core:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "URN:example:Foo"};
  private static final String SYNTAX_CHARS = " \t()[]\"'\\.:$-_,eqnotandorprswcgl01589eE+tfu\u0000\u00e9\ud800";

  @Test
  void parse_renderedFilter_equalsOriginal() {
    Theories.qt(1000).forAll(filters()).checkAssert(filter -> {
      String text = filter.toString();

      Filter parsed = Filter.parse(text);

      assertThat(parsed).isEqualTo(filter);
      assertThat(parsed.hashCode()).isEqualTo(filter.hashCode());
      assertThat(parsed.toString()).isEqualTo(text);
      assertThat(Filter.parseLenient(text)).isEqualTo(filter);
    });
  }

  @Test
  void attr_anyStringValue_roundTripsWithoutInjection() {
    Theories.qt(1000).forAll(hostileStrings()).describedAs(FilterPropertiesTest::escaped).checkAssert(value -> {
      Filter filter = Filter.attr("displayName").eq(value).and(Filter.attr("userName").sw(value));

      Filter parsed = Filter.parse(filter.toString());

      assertThat(parsed).isEqualTo(filter);
      List<Filter> operands = ((Filter.And) parsed).operands();
      assertThat(operands).hasSize(2);
      assertThat(((Filter.Comparison) operands.get(0)).value().textValue()).isEqualTo(value);
      assertThat(((Filter.Comparison) operands.get(1)).value().textValue()).isEqualTo(value);
      assertThat(Filter.parseLenient(filter.toString())).isEqualTo(filter);
    });
  }

  @Test
  void parse_garbage_throwsOnlyFilterParseException() {
    Theories.qt(1000).forAll(garbage()).describedAs(FilterPropertiesTest::escaped).checkAssert(text -> {
      onlyFilterParseException(Filter::parse, text);
      onlyFilterParseException(Filter::parseLenient, text);
      onlyFilterParseException(ScimPath::parse, text);
      onlyFilterParseException(ScimPath::parseLenient, text);
      onlyFilterParseException(AttributePath::parse, text);
    });
  }

  @Test
  void parse_mutatedValidFilter_throwsOnlyFilterParseException() {
    Theories.qt(1000).forAll(mutatedFilters()).describedAs(FilterPropertiesTest::escaped).checkAssert(text -> {
      onlyFilterParseException(Filter::parse, text);
      onlyFilterParseException(Filter::parseLenient, text);
    });
  }

  /** A valid filter's rendering with one to three edits: delete a char, insert a syntax char, or delete a run. */
  static Gen<String> mutatedFilters() {
    return Gens.randoms().map(random -> mutate(randomFilter(random, 4, false), random));
  }

  private static String mutate(Filter filter, Random random) {
    StringBuilder text = new StringBuilder(filter.toString());
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits && text.length() > 0; i++) {
      int at = random.nextInt(text.length());
      switch (random.nextInt(3)) {
        case 0:
          text.deleteCharAt(at);
          break;
        case 1:
          text.insert(at, SYNTAX_CHARS.charAt(random.nextInt(SYNTAX_CHARS.length())));
          break;
        default:
          text.delete(at, Math.min(text.length(), at + random.nextInt(8)));
      }
    }
    return text.toString();
  }

  @Test
  void scimPath_rendered_equalsOriginal() {
    Theories.qt(1000).forAll(paths()).checkAssert(path -> {
      String text = path.toString();

      assertThat(ScimPath.parse(text)).isEqualTo(path);
      assertThat(ScimPath.parseLenient(text)).isEqualTo(path);
      assertThat(ScimPath.parse(text).toString()).isEqualTo(text);
    });
  }

  /** Shows a counterexample with controls, surrogates and non-ASCII as a backslash-u escape. */
  private static String escaped(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.append('"').toString();
  }

  private static void onlyFilterParseException(Consumer<String> parser, String text) {
    try {
      parser.accept(text);
    } catch (FilterParseException expected) {
      assertThat(expected.position()).isBetween(0, text.length());
    }
  }

  static Gen<Filter> filters() {
    return Gens.randoms().map(random -> randomFilter(random, 4, false));
  }

  static Gen<ScimPath> paths() {
    return Gens.randoms().map(random -> {
      AttributePath attribute = randomPath(random);
      if (random.nextInt(3) == 0) {
        return ScimPath.of(attribute);
      }
      Filter filter = randomFilter(random, 3, true);
      return ScimPath.of(attribute, filter, random.nextBoolean() ? null : pick(random, NAMES));
    });
  }

  static Gen<String> hostileStrings() {
    Gen<String> anyChars = Gens.strings(Gens.anyChar(), 0, 40);
    Gen<String> codePoints = Gens.lists(Gens.ints(0, 0x10FFFF), 0, 20)
        .map(points -> {
          StringBuilder out = new StringBuilder();
          points.forEach(out::appendCodePoint);
          return out.toString();
        });
    Gen<String> syntax = Gens.strings(Gens.charsOf(SYNTAX_CHARS), 0, 40);
    Gen<String> injections = Gens.of("x\" or userName pr or \"", "\\", "\"", "\\\"", "') or ('",
        "\\u0022", "a\" and not (b pr) or \"", "]", ")", "\u2028\u2029", "\ud83d\ude00", "\ude00\ud83d");
    return Gens.oneOf(anyChars, codePoints, syntax, injections);
  }

  static Gen<String> garbage() {
    return Gens.oneOf(
        Gens.strings(Gens.charsOf(SYNTAX_CHARS), 0, 60),
        Gens.strings(Gens.anyChar(), 0, 30),
        Gens.strings(Gens.charsOf("("), 60, 200),
        Gens.of("not (", "a[", "a eq \"\\u", "a eq 1e", "urn:", "urn:a:1:", "a[b pr].", "a eq '", "a eq \\",
            "a eq 1e2147483648", "a eq -", "a eq \"\\ud800", "emails[type eq \"work\"]x"));
  }

  private static String pick(Random random, String[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static AttributePath randomPath(Random random) {
    StringBuilder text = new StringBuilder();
    int shape = random.nextInt(6);
    if (shape == 0) {
      return AttributePath.of(URNS[1 + random.nextInt(1)]);
    }
    if (shape == 1) {
      text.append(pick(random, URNS)).append(':');
    }
    text.append(pick(random, NAMES));
    if (random.nextBoolean()) {
      text.append('.').append(pick(random, NAMES));
    }
    return AttributePath.of(text.toString());
  }

  private static JsonNode randomValue(Random random) {
    switch (random.nextInt(7)) {
      case 0:
        return LongNode.valueOf(random.nextLong());
      case 1:
        return DecimalNode.valueOf(new BigDecimal(random.nextGaussian() * 1e6).setScale(random.nextInt(12),
            java.math.RoundingMode.HALF_UP));
      case 2:
        return DecimalNode.valueOf(BigDecimal.valueOf(random.nextInt(1000) + 1, random.nextInt(800) - 400));
      case 3:
        return BooleanNode.valueOf(random.nextBoolean());
      case 4:
        return NullNode.getInstance();
      default:
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
          text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x10000)
              : SYNTAX_CHARS.charAt(random.nextInt(SYNTAX_CHARS.length())));
        }
        return TextNode.valueOf(text.toString());
    }
  }

  private static Filter randomFilter(Random random, int depth, boolean inValuePath) {
    int kind = depth <= 0 ? random.nextInt(2) : random.nextInt(inValuePath ? 5 : 6);
    switch (kind) {
      case 0:
        return Filter.comparison(randomPath(random),
            ComparisonOperator.values()[random.nextInt(ComparisonOperator.values().length)], randomValue(random));
      case 1:
        return Filter.present(randomPath(random));
      case 2:
        return Filter.not(randomFilter(random, depth - 1, inValuePath));
      case 3:
      case 4:
        List<Filter> operands = new ArrayList<>();
        int count = 2 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
          operands.add(randomFilter(random, depth - 1, inValuePath));
        }
        return kind == 3 ? Filter.and(operands) : Filter.or(operands);
      default:
        return Filter.valuePath(randomPath(random), randomFilter(random, depth - 1, true));
    }
  }
}
