package dev.dbscim.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dbscim.core.json.ScimJson;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Arbitrary users and groups, with unicode, quotes, control characters and unknown attributes, survive write and read. */
class ModelPropertiesTest {
  @Property(tries = 400)
  void writeRead_arbitraryUser_isEqual(@ForAll("users") User user) {
    User back = ScimJson.read(ScimJson.write(user), User.class);

    assertThat(back).isEqualTo(user);
    assertThat(back.additionalAttributes().keySet()).containsExactlyElementsOf(user.additionalAttributes().keySet());
  }

  @Property(tries = 400)
  void writeRead_arbitraryGroup_isEqual(@ForAll("groups") Group group) {
    Group back = ScimJson.read(ScimJson.write(group), Group.class);

    assertThat(back).isEqualTo(group);
    assertThat(back.workspaceLocal()).isEqualTo(group.workspaceLocal());
  }

  @Property(tries = 200)
  void toString_arbitraryPassword_neverContainsIt(@ForAll("users") User user, @ForAll("secrets") String password) {
    User withPassword = user.toBuilder().password(password).build();

    assertThat(withPassword.toString()).doesNotContain(password);
  }

  @Provide
  Arbitrary<String> secrets() {
    return Arbitraries.strings().alpha().numeric().ofLength(24).map(s -> "SECRET-" + s);
  }

  @Provide
  Arbitrary<User> users() {
    Arbitrary<Optional<Name>> names = Combinators.combine(text().optional(), text().optional(), text().optional())
        .as((given, family, formatted) -> Name.builder().givenName(given).familyName(family).formatted(formatted).build())
        .optional();
    Arbitrary<Email> emails = Combinators.combine(text(), text().optional(), Arbitraries.of(true, false).optional())
        .as((value, type, primary) -> Email.builder().value(value).type(type).primary(primary).build());
    return Builders.withBuilder(User::builder)
        .use(nonBlankText()).in((b, v) -> b.userName(v))
        .use(text().optional()).in((b, v) -> b.displayName(v))
        .use(digits().optional()).in((b, v) -> b.id(v))
        .use(text().optional()).in((b, v) -> b.externalId(v))
        .use(names).in((b, v) -> b.name(v))
        .use(emails.list().ofMaxSize(3)).in((b, v) -> b.emails(v))
        .use(Arbitraries.of(true, false).optional()).in((b, v) -> b.active(v))
        .use(complexValues().list().ofMaxSize(3)).in((b, v) -> b.groups(v))
        .use(complexValues().list().ofMaxSize(2)).in((b, v) -> b.entitlements(v))
        .use(unknownAttributes()).in((b, v) -> b.additionalAttributes(v))
        .build(User.Builder::build);
  }

  @Provide
  Arbitrary<Group> groups() {
    Arbitrary<Optional<Meta>> metas = Arbitraries.oneOf(Arbitraries.of("WorkspaceGroup", "Group"), text())
        .map(Meta::ofResourceType)
        .optional();
    return Builders.withBuilder(Group::builder)
        .use(nonBlankText()).in((b, v) -> b.displayName(v))
        .use(digits().optional()).in((b, v) -> b.id(v))
        .use(text().optional()).in((b, v) -> b.externalId(v))
        .use(complexValues().list().ofMaxSize(4)).in((b, v) -> b.members(v))
        .use(complexValues().list().ofMaxSize(2)).in((b, v) -> b.roles(v))
        .use(metas).in((b, v) -> b.meta(v))
        .use(unknownAttributes()).in((b, v) -> b.additionalAttributes(v))
        .build(Group.Builder::build);
  }

  private static Arbitrary<ComplexValue> complexValues() {
    return Combinators.combine(digits().optional(), text().optional(), Arbitraries.of("direct", "indirect").optional(),
            text().optional(), unknownAttributes())
        .as((value, display, type, ref, unknown) -> ComplexValue.builder()
            .value(value).display(display).type(type).ref(ref).additionalAttributes(unknown).build());
  }

  /** Unknown keys never collide with a modelled attribute name: they start with "x-" or are URNs. */
  private static Arbitrary<Map<String, JsonNode>> unknownAttributes() {
    Arbitrary<String> keys = Arbitraries.oneOf(text().map(t -> "x-" + t), text().map(t -> "urn:example:" + t));
    Arbitrary<JsonNode> values = Arbitraries.oneOf(
        text().map(TextNode::valueOf),
        Arbitraries.integers().map(IntNode::valueOf),
        Combinators.combine(text(), text()).as((k, v) -> {
          ObjectNode object = JsonNodeFactory.instance.objectNode();
          object.put(k, v);
          object.putArray("list").add(v).add(1);
          return object;
        }));
    return Arbitraries.maps(keys, values).ofMaxSize(3);
  }

  private static Arbitrary<String> digits() {
    return Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(16);
  }

  private static Arbitrary<String> nonBlankText() {
    return text().filter(s -> !s.trim().isEmpty());
  }

  /** Text from ASCII, JSON-special and control characters, the BMP outside surrogates, and supplementary planes. */
  @SuppressWarnings("unchecked")
  private static Arbitrary<String> text() {
    Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.integers().between(0x20, 0x7e)),
        Tuple.of(2, Arbitraries.of((int) '"', (int) '\\', (int) '\n', (int) '\t', 0, 0x7f, 0x2028, 0xfeff)),
        Tuple.of(2, Arbitraries.integers().between(0xa0, 0xd7ff)),
        Tuple.of(1, Arbitraries.integers().between(0xe000, 0xfffd)),
        Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10ffff)));
    return codePoints.list().ofMaxSize(12).map(ModelPropertiesTest::fromCodePoints);
  }

  private static String fromCodePoints(List<Integer> codePoints) {
    StringBuilder text = new StringBuilder();
    codePoints.forEach(text::appendCodePoint);
    return text.toString();
  }
}
