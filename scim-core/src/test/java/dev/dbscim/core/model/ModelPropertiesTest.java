package dev.dbscim.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dbscim.core.json.ScimJson;
import dev.dbscim.core.theory.Gens;
import dev.dbscim.core.theory.Theories;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Arbitrary users and groups, with unicode, quotes, control characters and unknown attributes, survive write and read.
 * Tries as stated on each property; at least 100,000 under the {@code soak} profile.
 */
class ModelPropertiesTest {
  private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  @Test
  void writeRead_arbitraryUser_isEqual() {
    Theories.qt(400).forAll(users()).checkAssert(user -> {
      User back = ScimJson.read(ScimJson.write(user), User.class);

      assertThat(back).isEqualTo(user);
      assertThat(back.additionalAttributes().keySet()).containsExactlyElementsOf(user.additionalAttributes().keySet());
    });
  }

  @Test
  void writeRead_arbitraryGroup_isEqual() {
    Theories.qt(400).forAll(groups()).checkAssert(group -> {
      Group back = ScimJson.read(ScimJson.write(group), Group.class);

      assertThat(back).isEqualTo(group);
      assertThat(back.workspaceLocal()).isEqualTo(group.workspaceLocal());
    });
  }

  @Test
  void toString_arbitraryPassword_neverContainsIt() {
    Theories.qt(200).forAll(users(), secrets()).checkAssert((user, password) -> {
      User withPassword = user.toBuilder().password(password).build();

      assertThat(withPassword.toString()).doesNotContain(password);
    });
  }

  static Gen<String> secrets() {
    return Gens.strings(Gens.charsOf(ALNUM), 24, 24).map(s -> "SECRET-" + s);
  }

  static Gen<User> users() {
    Gen<Optional<Name>> names = Gens.optionals(in -> Name.builder()
        .givenName(Gens.optionals(text()).generate(in))
        .familyName(Gens.optionals(text()).generate(in))
        .formatted(Gens.optionals(text()).generate(in))
        .build());
    Gen<Email> emails = in -> Email.builder()
        .value(text().generate(in))
        .type(Gens.optionals(text()).generate(in))
        .primary(Gens.optionals(Gens.of(true, false)).generate(in))
        .build();
    return in -> User.builder()
        .userName(nonBlankText().generate(in))
        .displayName(Gens.optionals(text()).generate(in))
        .id(Gens.optionals(digits()).generate(in))
        .externalId(Gens.optionals(text()).generate(in))
        .name(names.generate(in))
        .emails(Gens.lists(emails, 0, 3).generate(in))
        .active(Gens.optionals(Gens.of(true, false)).generate(in))
        .groups(Gens.lists(complexValues(), 0, 3).generate(in))
        .entitlements(Gens.lists(complexValues(), 0, 2).generate(in))
        .additionalAttributes(unknownAttributes().generate(in))
        .build();
  }

  static Gen<Group> groups() {
    Gen<Optional<Meta>> metas = Gens.optionals(Gens.oneOf(Gens.of("WorkspaceGroup", "Group"), text())
        .map(Meta::ofResourceType));
    return in -> Group.builder()
        .displayName(nonBlankText().generate(in))
        .id(Gens.optionals(digits()).generate(in))
        .externalId(Gens.optionals(text()).generate(in))
        .members(Gens.lists(complexValues(), 0, 4).generate(in))
        .roles(Gens.lists(complexValues(), 0, 2).generate(in))
        .meta(metas.generate(in))
        .additionalAttributes(unknownAttributes().generate(in))
        .build();
  }

  private static Gen<ComplexValue> complexValues() {
    return in -> ComplexValue.builder()
        .value(Gens.optionals(digits()).generate(in))
        .display(Gens.optionals(text()).generate(in))
        .type(Gens.optionals(Gens.of("direct", "indirect")).generate(in))
        .ref(Gens.optionals(text()).generate(in))
        .additionalAttributes(unknownAttributes().generate(in))
        .build();
  }

  /** Unknown keys never collide with a modelled attribute name: they start with "x-" or are URNs. */
  private static Gen<Map<String, JsonNode>> unknownAttributes() {
    Gen<String> keys = Gens.oneOf(text().map(t -> "x-" + t), text().map(t -> "urn:example:" + t));
    Gen<JsonNode> values = Gens.oneOf(
        text().map(TextNode::valueOf),
        Gens.ints().map(IntNode::valueOf),
        in -> {
          String k = text().generate(in);
          String v = text().generate(in);
          ObjectNode object = JsonNodeFactory.instance.objectNode();
          object.put(k, v);
          object.putArray("list").add(v).add(1);
          return object;
        });
    return Gens.maps(keys, values, 3);
  }

  private static Gen<String> digits() {
    return Gens.strings(Gens.numeric(), 1, 16);
  }

  /**
   * Text that is not blank: a blank draw has one of its code points (or, when empty, a first one) replaced by a
   * printable non-space ASCII character, so every non-blank text of up to 12 code points can come out.
   */
  private static Gen<String> nonBlankText() {
    Gen<Integer> printable = Gens.ints(0x21, 0x7e);
    return in -> {
      List<Integer> codePoints = new ArrayList<>(codePointLists().generate(in));
      String text = fromCodePoints(codePoints);
      if (!text.trim().isEmpty()) {
        return text;
      }
      if (codePoints.isEmpty()) {
        codePoints.add(printable.generate(in));
      } else {
        codePoints.set(Gens.ints(0, codePoints.size() - 1).generate(in), printable.generate(in));
      }
      return fromCodePoints(codePoints);
    };
  }

  /** Text from ASCII, JSON-special and control characters, the BMP outside surrogates, and supplementary planes. */
  private static Gen<String> text() {
    return codePointLists().map(ModelPropertiesTest::fromCodePoints);
  }

  private static Gen<List<Integer>> codePointLists() {
    Gen<Integer> codePoints = Gens.frequency(
        6, Gens.ints(0x20, 0x7e),
        2, Gens.of((int) '"', (int) '\\', (int) '\n', (int) '\t', 0, 0x7f, 0x2028, 0xfeff),
        2, Gens.ints(0xa0, 0xd7ff),
        1, Gens.ints(0xe000, 0xfffd),
        1, Gens.ints(0x10000, 0x10ffff));
    return Gens.lists(codePoints, 0, 12);
  }

  private static String fromCodePoints(List<Integer> codePoints) {
    StringBuilder text = new StringBuilder();
    codePoints.forEach(text::appendCodePoint);
    return text.toString();
  }
}
