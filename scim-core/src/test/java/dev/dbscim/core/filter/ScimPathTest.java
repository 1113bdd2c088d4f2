package dev.dbscim.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScimPathTest {
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  @ParameterizedTest
  @ValueSource(strings = {
      "members",
      "name.givenName",
      "members[value eq \"2819c223-7f76-453a-919d-413861904646\"]",
      "emails[type eq \"work\"].value",
      "emails[type eq \"work\" and primary eq true]",
      "roles[value eq \"arn:aws:iam::123:role/x\"]",
      ENTERPRISE + ":employeeNumber",
      ENTERPRISE + ":manager.value",
      ENTERPRISE,
      "urn:ietf:params:scim:schemas:core:2.0:User:emails[type eq \"work\"].display"})
  void parse_rfcAndIdpPaths_roundTrip(String text) {
    ScimPath path = ScimPath.parse(text);

    assertThat(path.toString()).isEqualTo(text);
    assertThat(ScimPath.parse(path.toString())).isEqualTo(path);
    assertThat(ScimPath.parseLenient(text)).isEqualTo(path);
  }

  @Test
  void parse_valuePathWithSubAttribute_exposesParts() {
    ScimPath path = ScimPath.parse("emails[type eq \"work\"].value");

    assertThat(path.attribute()).isEqualTo(AttributePath.of("emails"));
    assertThat(path.valueFilter()).hasValue(Filter.attr("type").eq("work"));
    assertThat(path.subAttribute()).hasValue("value");
    assertThat(path).isEqualTo(ScimPath.of(AttributePath.of("emails"), Filter.attr("type").eq("work"), "value"));
  }

  @Test
  void parse_simpleAndUrnPaths_exposeParts() {
    ScimPath name = ScimPath.parse("name.givenName");
    ScimPath employee = ScimPath.parse(ENTERPRISE + ":employeeNumber");
    ScimPath extension = ScimPath.parse(ENTERPRISE);

    assertThat(name.attribute().subAttribute()).hasValue("givenName");
    assertThat(name.valueFilter()).isEmpty();
    assertThat(name.subAttribute()).isEmpty();
    assertThat(employee.attribute().schemaUrn()).hasValue(ENTERPRISE);
    assertThat(employee.attribute().name()).isEqualTo("employeeNumber");
    assertThat(extension.attribute().isSchemaUrn()).isTrue();
    assertThat(ScimPath.of(AttributePath.of("members")).toString()).isEqualTo("members");
  }

  @Test
  void equals_ignoresCaseOfNames() {
    assertThat(ScimPath.parse("Members[Value eq \"x\"]")).isEqualTo(ScimPath.parse("members[value eq \"x\"]"));
    assertThat(ScimPath.parse("emails[type eq \"work\"].VALUE"))
        .isEqualTo(ScimPath.parse("emails[type eq \"work\"].value"))
        .hasSameHashCodeAs(ScimPath.parse("emails[type eq \"work\"].value"));
    assertThat(ScimPath.parse("members[value eq \"X\"]")).isNotEqualTo(ScimPath.parse("members[value eq \"x\"]"));
  }

  static Stream<Arguments> invalidPaths() {
    return Stream.of(
        Arguments.of("", 0, "expected attribute name"),
        Arguments.of(" members", 0, "expected attribute name"),
        Arguments.of("members ", 7, "expected '[' or end of path"),
        Arguments.of("members[", 8, "expected attribute path"),
        Arguments.of("members[value eq \"x\"", 20, "expected ']'"),
        Arguments.of("members[value eq \"x\"]x", 21, "expected '.' or end of path"),
        Arguments.of("members[value eq \"x\"].", 22, "expected sub-attribute name"),
        Arguments.of("emails[type eq \"work\"].value.x", 28, "expected '.' or end of path"),
        Arguments.of("members[emails[x pr] pr]", 14, "cannot be nested"),
        Arguments.of("members[value eq 'x']", 17, "expected value"),
        Arguments.of("a.b.c", 3, "one level"));
  }

  @ParameterizedTest
  @MethodSource("invalidPaths")
  void parse_malformedPath_throwsWithPosition(String text, int position, String message) {
    assertThatThrownBy(() -> ScimPath.parse(text))
        .isInstanceOf(FilterParseException.class)
        .hasMessageContaining(message)
        .hasMessageContaining("at position " + position + " in path")
        .satisfies(e -> assertThat(((FilterParseException) e).position()).isEqualTo(position));
  }

  @Test
  void parseLenient_acceptsSurroundingWhitespaceAndLenientValues() {
    ScimPath path = ScimPath.parseLenient("  members[value eq '2819c223'] ");

    assertThat(path).isEqualTo(ScimPath.parse("members[value eq \"2819c223\"]"));
    assertThatThrownBy(() -> ScimPath.parseLenient(null)).isInstanceOf(FilterParseException.class);
  }

  @Test
  void of_invalidParts_throwIllegalArgumentException() {
    Filter nested = Filter.attr("emails").has(Filter.attr("type").eq("work"));

    assertThatThrownBy(() -> ScimPath.of(AttributePath.of("x"), nested)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ScimPath.of(AttributePath.of("emails"), Filter.attr("type").eq("w"), "va lue"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
