package dev.dbscim.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.core.filter.AttributePath;
import dev.dbscim.core.filter.Filter;
import dev.dbscim.core.filter.FilterParseException;
import dev.dbscim.core.filter.ScimPath;
import dev.dbscim.core.theory.Gens;
import dev.dbscim.core.theory.Theories;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Hostile input for the filter and path parsers: token soup, mutated valid filters and arbitrary text. Each parser
 * either returns a value whose canonical rendering parses back to the same value, or throws
 * {@link FilterParseException}; nothing else escapes, nothing hangs, deep nesting and huge inputs are refused cheaply.
 * Tries: {@link Theories#FUZZ_TRIES} (1,000), 100,000 under the {@code soak} profile.
 */
class FilterFuzzTest {
  static final String[] TOKENS = {
      "userName", "USERNAME", "emails", "emails.value", "name.givenName", "members", "value", "type", "$ref", "a",
      "x-y_z9", "urn:ietf:params:scim:schemas:core:2.0:User:userName", "urn:ietf:params:scim:schemas:core:2.0:User",
      "urn:", "urn:a:b", ":", ".", "..", "eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le", "pr", "EQ", "Pr", "and",
      "or", "not", "AND", "Not", "(", ")", "[", "]", "((", "))", "\"", "'", "\\", "\\\"", "\\'", "\\u00e9", "\\u12G4",
      "\\u", "\\x", "\"ada\"", "'ada'", "\"\"", "''", "true", "FALSE", "null", "Null", "0", "1", "-1", "-0.5e10",
      "1e999999", "1e-999999", "9999999999999999999999999", "1.", ".5", "+1", "0x10", "-", "2026-01-01T00:00:00Z",
      "ada@example.com", " ", "  ", "\t", "\n", "\r", "\u0000", "\u001f", "\u007f", "\ud800", "\udc00", "\u00e9",
      "\ud83d\ude00", "\u2028", "\ufeff", ",", "*", "{", "}", "=", "!", "%20", "+"};
  static final String[] VALID = {
      "userName eq \"ada@example.com\"", "emails[type eq \"work\" and value co \"@example.com\"]",
      "not (active eq false) or displayName sw \"eng\"", "meta.lastModified gt \"2026-01-01T00:00:00Z\"",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber pr",
      "(a eq 1 or b ne 2.5e3) and c lt -1 and d ge true and e le null", "members[value eq \"1\"].display",
      "displayName eq 'x y'", "userName eq user@example.com", "title pr and (userType eq \"E\" or userType eq \"I\")"};

  @Test
  void parsers_anyText_returnRoundTrippingValueOrThrowFilterParseException() {
    Fuzz.forAll(filterish(), text -> {
      checkFilter(text, Filter::parse);
      checkFilter(text, Filter::parseLenient);
      checkPath(text, ScimPath::parse);
      checkPath(text, ScimPath::parseLenient);
      checkAttributePath(text);
    });
  }

  private static void checkFilter(String text, Function<String, Filter> parser) {
    Filter filter;
    try {
      filter = parser.apply(text);
    } catch (FilterParseException e) {
      assertThat(e.getMessage()).hasSizeLessThan(400);
      return;
    }
    String canonical = filter.toString();
    Filter again = Filter.parse(canonical);
    assertThat(again).as("canonical rendering %s", canonical).isEqualTo(filter);
    assertThat(again.toString()).isEqualTo(canonical);
  }

  private static void checkPath(String text, Function<String, ScimPath> parser) {
    ScimPath path;
    try {
      path = parser.apply(text);
    } catch (FilterParseException e) {
      assertThat(e.getMessage()).hasSizeLessThan(400);
      return;
    }
    String canonical = path.toString();
    assertThat(ScimPath.parse(canonical)).as("canonical rendering %s", canonical).isEqualTo(path);
  }

  private static void checkAttributePath(String text) {
    AttributePath path;
    try {
      path = AttributePath.parse(text);
    } catch (FilterParseException e) {
      return;
    }
    assertThat(AttributePath.parse(path.toString())).isEqualTo(path);
    assertThat(Filter.attr(path.toString()).pr().toString()).isEqualTo(path + " pr");
  }

  static Gen<String> filterish() {
    Gen<String> soup = Gens.lists(Gens.of(TOKENS), 0, 24).map(tokens -> String.join("", tokens));
    Gen<String> spacedSoup = Gens.lists(Gens.of(TOKENS), 0, 24).map(tokens -> String.join(" ", tokens));
    Gen<String> mutated = Gens.of(VALID).flatMap(valid -> edits(valid));
    Gen<String> anyText = Gens.strings(Gens.anyChar(), 0, 80);
    Gen<String> ascii = Gens.strings(Gens.chars(' ', '~'), 0, 80);
    return Gens.frequency(3, soup, 3, spacedSoup, 4, mutated, 1, anyText, 1, ascii);
  }

  /** One to six random edits of a valid filter: delete, insert a token, duplicate, truncate or replace a char. */
  static Gen<String> edits(String valid) {
    Gen<int[]> edit = Gens.lists(Gens.ints(0, 1 << 20), 3, 3)
        .map(e -> new int[] {e.get(0), e.get(1), e.get(2)});
    return Gens.lists(edit, 1, 6).map(list -> {
      StringBuilder text = new StringBuilder(valid);
      for (int[] e : list) {
        int at = text.length() == 0 ? 0 : e[1] % (text.length() + 1);
        switch (e[0] % 5) {
          case 0:
            if (at < text.length()) {
              text.deleteCharAt(at);
            }
            break;
          case 1:
            text.insert(at, TOKENS[e[2] % TOKENS.length]);
            break;
          case 2:
            text.setLength(at);
            break;
          case 3:
            text.insert(at, text.substring(at, Math.min(text.length(), at + e[2] % 12)));
            break;
          default:
            if (at < text.length()) {
              text.setCharAt(at, (char) e[2]);
            }
        }
      }
      return text.toString();
    });
  }

  static List<String> deepInputs() {
    int depth = 100_000;
    List<String> inputs = new ArrayList<>();
    inputs.add(repeat("(", depth) + "a pr" + repeat(")", depth));
    inputs.add(repeat("(", depth));
    inputs.add(repeat("not (", depth) + "a pr" + repeat(")", depth));
    inputs.add(repeat("not ", depth) + "a pr");
    inputs.add(repeat("a[", depth) + "b pr" + repeat("]", depth));
    inputs.add(repeat("a[(", depth / 2));
    inputs.add("a pr" + repeat(" and a pr", depth));
    inputs.add("a pr" + repeat(" or (a pr", depth) + repeat(")", depth));
    inputs.add(repeat("a pr and (", 2_000) + "a pr" + repeat(")", 2_000));
    inputs.add("userName eq \"" + repeat("x", 10_000_000) + "\"");
    inputs.add("userName eq \"" + repeat("\\u00e9", 10_000) + "\"");
    inputs.add(repeat("a", 65_536));
    inputs.add(repeat("a.", 30_000) + "b");
    inputs.add("urn:" + repeat("x:", 30_000) + "a pr");
    inputs.add("a eq " + repeat("9", 65_000));
    inputs.add("a eq 1e" + repeat("9", 60_000));
    inputs.add("a eq \"" + repeat("\\", 65_000));
    inputs.add("a eq 0." + repeat("0", 65_000) + "1");
    return inputs;
  }

  @Test
  void parsers_deepOrHugeInput_throwFilterParseExceptionOrParseQuicklyWithBoundedMemory() {
    for (String input : deepInputs()) {
      for (Function<String, ?> parser : parsers()) {
        Fuzz.only(input, () -> {
          long before = Fuzz.allocatedBytes();
          try {
            parser.apply(input);
          } finally {
            long allocated = Fuzz.allocatedBytes() - before;
            assertThat(allocated).as("bytes allocated for %s", Fuzz.describe(input))
                .isLessThan(64L * Math.min(input.length(), 65_536) + (4 << 20));
          }
          return null;
        }, FilterParseException.class);
      }
    }
  }

  @Test
  void parse_nestingBeyondTheLimit_isRefusedWithFilterParseException() {
    String deep = repeat("(", 100_000) + "a pr" + repeat(")", 100_000);
    assertThatThrownBy(() -> Filter.parse(deep)).isInstanceOf(FilterParseException.class);
    assertThatThrownBy(() -> ScimPath.parse("a[" + repeat("not (", 70) + "b pr" + repeat(")", 70) + "]"))
        .isInstanceOf(FilterParseException.class);
  }

  static List<Function<String, ?>> parsers() {
    List<Function<String, ?>> parsers = new ArrayList<>();
    parsers.add(Filter::parse);
    parsers.add(Filter::parseLenient);
    parsers.add(ScimPath::parse);
    parsers.add(ScimPath::parseLenient);
    parsers.add(AttributePath::parse);
    return parsers;
  }

  static String repeat(String s, int times) {
    return String.join("", Collections.nCopies(times, s));
  }
}
