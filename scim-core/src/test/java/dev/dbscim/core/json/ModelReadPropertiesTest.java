package dev.dbscim.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.core.internal.BuilderSetters;
import dev.dbscim.core.model.ComplexValue;
import dev.dbscim.core.model.Email;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.ListResponse;
import dev.dbscim.core.model.Meta;
import dev.dbscim.core.model.Name;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.core.model.User;
import dev.dbscim.core.theory.Gens;
import dev.dbscim.core.theory.Theories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * {@code ScimJson}'s mapper reads every document exactly as Jackson's plain builder-based binding with the same settings
 * does: same values, same unknown attributes in the same order, and a failure where that fails. The two differ only by
 * {@code core.internal.BuilderSetters} (generated setter calls, the plain overload of {@code Optional} setters, the
 * declared spelling looked up first), which must not change what is read. Documents mix known names in any case with
 * unknown ones, and every kind of JSON value, including the odd shapes (nulls, single values for lists, numbers for
 * strings). Tries as stated on each property; at least 100,000 under the {@code soak} profile.
 */
class ModelReadPropertiesTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper FAST = ScimJson.mapper();
  private static final ObjectMapper REFERENCE = reference();

  private static final String[] KNOWN = {"schemas", "id", "externalId", "userName", "displayName", "name", "emails",
      "active", "entitlements", "groups", "roles", "meta", "password", "members", "applicationId", "value", "display",
      "type", "primary", "$ref", "givenName", "familyName", "formatted", "middleName", "honorificPrefix",
      "honorificSuffix", "resourceType", "created", "lastModified", "location", "version", "Resources", "totalResults",
      "itemsPerPage", "startIndex"};
  private static final String[] UNKNOWN = {"locale", "additionalAttributes", "ref", "urn:example:Ext", "ſchemas",
      "İd", "user_name", "x"};

  /** ScimJson's settings without {@code BuilderSetters}: Jackson's plain builder binding. */
  private static ObjectMapper reference() {
    return ScimJson.settings(JsonMapper.builder().build());
  }

  @Test
  void reference_isScimJsonWithoutBuilderSetters() {
    Set<Object> modules = new HashSet<>(FAST.getRegisteredModuleIds());
    modules.remove(BuilderSetters.class.getName());
    assertThat(REFERENCE.getRegisteredModuleIds()).isEqualTo(modules);
  }

  @Test
  void read_afterReadFailedHalfway_nextValueStartsEmpty() {
    String failing = "{\"userName\":\"a\",\"displayName\":\"A\",\"password\":\"p\",\"emails\":[{\"value\":\"x\"}],"
        + "\"locale\":\"de\",\"active\":{}}";
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ScimJson.read(failing, User.class)))
        .isInstanceOf(IllegalArgumentException.class);

    User next = ScimJson.read("{\"userName\":\"b\"}", User.class);

    assertThat(next).isEqualTo(User.builder().userName("b").build());
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ScimJson.read("{\"id\":\"1\"}", User.class)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("userName");
  }

  @Test
  void read_listElementFails_sameMessageAndPathAsBuilderPath() {
    String json = "{\"userName\":\"a\",\"emails\":[{\"value\":\"x\"},null,{\"value\":{}}]}";

    Throwable fast = org.assertj.core.api.Assertions.catchThrowable(() -> FAST.readValue(json, User.class));
    Throwable reference = org.assertj.core.api.Assertions.catchThrowable(() -> REFERENCE.readValue(json, User.class));

    assertThat(fast).isInstanceOf(JsonProcessingException.class).hasMessage(reference.getMessage());
    assertThat(fast.getMessage()).contains("[\"emails\"]->java.util.ArrayList[1]");
  }

  @Test
  void read_buildFails_sameExceptionAndMessageAsBuilderPath() {
    // build() refuses these: a required attribute missing, a @Value.Check failing, in a list element and at the top.
    String[] failing = {"{\"id\":\"1\"}", "{\"userName\":\"\"}", "{\"userName\":\"a\",\"emails\":[{\"value\":\"x\"},{}]}",
        "{\"userName\":\"a\",\"name\":{\"givenName\":\"A\"},\"groups\":[{\"display\":\"g\"}]}"};
    for (String json : failing) {
      Throwable fast = org.assertj.core.api.Assertions.catchThrowable(() -> FAST.readValue(json, User.class));
      Throwable reference = org.assertj.core.api.Assertions.catchThrowable(() -> REFERENCE.readValue(json, User.class));

      if (reference == null) {
        assertThat(fast).as(json).isNull();
        continue;
      }
      assertThat(fast).as(json).isExactlyInstanceOf(reference.getClass()).hasMessage(reference.getMessage());
      assertThat(fast.getCause()).as(json).isExactlyInstanceOf(reference.getCause().getClass())
          .hasMessage(reference.getCause().getMessage());
    }
  }

  @Test
  void read_listGivenTwiceInOtherCase_lastReplacesAsBuilderPath() throws IOException {
    String json = "{\"userName\":\"a\",\"emails\":[{\"value\":\"x\"}],\"EMAILS\":[null,{\"value\":\"y\"}],"
        + "\"groups\":[{\"value\":\"1\"},{\"value\":\"2\"}],\"Groups\":[]}";

    User fast = FAST.readValue(json, User.class);

    assertThat(fast).isEqualTo(REFERENCE.readValue(json, User.class));
    assertThat(fast.emails()).containsExactly(Email.builder().value("y").build());
    assertThat(fast.groups()).isEmpty();
  }

  @Test
  void read_commonValues_sharedInstances() throws IOException {
    String json = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"a\","
        + "\"emails\":[{\"type\":\"work\",\"value\":\"a@example.com\"}],"
        + "\"groups\":[{\"type\":\"direct\",\"value\":\"1\"},{\"type\":\"indirect\",\"value\":\"2\"}]}";

    User user = FAST.readValue(json, User.class);

    assertThat(user.schemas().get(0)).isSameAs(SchemaUrns.USER);
    assertThat(user.emails().get(0).type().orElseThrow()).isSameAs("work");
    assertThat(user.groups().get(0).type().orElseThrow()).isSameAs("direct");
    assertThat(user.groups().get(1).type().orElseThrow()).isSameAs("indirect");
    assertThat(user).isEqualTo(REFERENCE.readValue(json, User.class));
  }

  @Test
  void read_stringListOfOddElements_sameAsBuilderPath() throws IOException {
    String json = "{\"userName\":\"a\",\"schemas\":[\"x\",1,2.5,true,null,\"work\"]}";
    String failing = "{\"userName\":\"a\",\"schemas\":[\"x\",{\"y\":1}]}";

    assertThat(FAST.readValue(json, User.class)).isEqualTo(REFERENCE.readValue(json, User.class));
    assertThat(FAST.readValue(json, User.class).schemas()).containsExactly("x", "1", "2.5", "true", "work");
    Throwable fast = org.assertj.core.api.Assertions.catchThrowable(() -> FAST.readValue(failing, User.class));
    Throwable reference = org.assertj.core.api.Assertions.catchThrowable(() -> REFERENCE.readValue(failing, User.class));
    assertThat(fast).isInstanceOf(JsonProcessingException.class).hasMessage(reference.getMessage());
  }

  @Test
  void read_arbitraryUserDocument_sameAsBuilderPath() {
    Theories.qt(600).forAll(documents("userName"))
        .checkAssert(doc -> assertSameRead(doc, FAST.constructType(User.class)));
  }

  @Test
  void read_arbitraryGroupDocument_sameAsBuilderPath() {
    Theories.qt(400).forAll(documents("displayName"))
        .checkAssert(doc -> assertSameRead(doc, FAST.constructType(Group.class)));
  }

  @Test
  void read_arbitraryServicePrincipalDocument_sameAsBuilderPath() {
    Theories.qt(300).forAll(documents("applicationId"))
        .checkAssert(doc -> assertSameRead(doc, FAST.constructType(ServicePrincipal.class)));
  }

  private static final Class<?>[] COMPLEX_TYPES = {ComplexValue.class, Email.class, Name.class, Meta.class};

  @Test
  void read_arbitraryComplexValues_sameAsBuilderPath() {
    Gen<List<JsonNode>> docs = Gens.randoms().map(random -> {
      List<JsonNode> list = new ArrayList<>();
      for (int i = 0; i < COMPLEX_TYPES.length; i++) {
        list.add(random.nextInt(8) == 0 ? value(random, 1) : document(random, "value"));
      }
      return list;
    });
    Theories.qt(300).forAll(docs).checkAssert(list -> {
      for (int i = 0; i < COMPLEX_TYPES.length; i++) {
        assertSameRead(list.get(i), FAST.constructType(COMPLEX_TYPES[i]));
      }
    });
  }

  @Test
  void read_arbitraryUserPage_sameAsBuilderPath() {
    Gen<JsonNode> pages = Gens.randoms().map(random -> {
      ObjectNode page = document(random, "Resources");
      ArrayNode resources = NODES.arrayNode();
      int n = random.nextInt(4);
      for (int i = 0; i < n; i++) {
        resources.add(random.nextInt(10) == 0 ? value(random, 1) : document(random, "userName"));
      }
      page.set(random.nextBoolean() ? "Resources" : "resources", random.nextInt(6) == 0 ? resources.get(0) : resources);
      return page;
    });
    Theories.qt(300).forAll(pages).checkAssert(page ->
        assertSameRead(page, FAST.getTypeFactory().constructParametricType(ListResponse.class, User.class)));
  }

  private static Gen<JsonNode> documents(String required) {
    return Gens.randoms().map(random -> document(random, required));
  }

  private static void assertSameRead(JsonNode doc, JavaType type) {
    try {
      assertSameReadOf(doc, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertSameReadOf(JsonNode doc, JavaType type) throws IOException {
    String json = FAST.writeValueAsString(doc);
    Object expected;
    try {
      expected = REFERENCE.readValue(json, type);
    } catch (JsonProcessingException e) {
      expected = e;
    }
    Object actual;
    try {
      actual = FAST.readValue(json, type);
    } catch (JsonProcessingException e) {
      actual = e;
    }
    if (expected instanceof Exception) {
      assertThat(actual).as(json).isInstanceOf(JsonProcessingException.class);
      return;
    }
    assertThat(actual).as(json).isEqualTo(expected);
    assertThat(FAST.writeValueAsString(actual)).as(json).isEqualTo(FAST.writeValueAsString(expected));
    // From a tree, as ScimJson.fromTree reads (its numbers may differ from the text's, e.g. a LongNode -7).
    assertThat(FAST.readerFor(type).<Object>readValue(doc)).as("from tree " + json)
        .isEqualTo(REFERENCE.readerFor(type).readValue(doc));
  }

  /** An object with keys from the known names (in any case), unknown names and duplicates, and arbitrary values. */
  private static ObjectNode document(Random random, String required) {
    return document(random, required, 0);
  }

  private static ObjectNode document(Random random, String required, int depth) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    if (random.nextInt(5) != 0) {
      entries.add(Map.entry(required, NODES.textNode("r" + random.nextInt(100))));
    }
    int n = random.nextInt(depth > 1 ? 3 : 10);
    for (int i = 0; i < n; i++) {
      String key = random.nextInt(4) == 0 ? UNKNOWN[random.nextInt(UNKNOWN.length)] : recase(random,
          KNOWN[random.nextInt(KNOWN.length)]);
      entries.add(Map.entry(key, value(random, depth + 1)));
    }
    ObjectNode object = NODES.objectNode();
    for (Map.Entry<String, JsonNode> entry : entries) {
      object.set(entry.getKey(), entry.getValue());
    }
    return object;
  }

  private static String recase(Random random, String name) {
    switch (random.nextInt(4)) {
      case 0:
        return name.toUpperCase(java.util.Locale.ROOT);
      case 1:
        return name.toLowerCase(java.util.Locale.ROOT);
      default:
        return name;
    }
  }

  private static JsonNode value(Random random, int depth) {
    int kind = random.nextInt(depth > 2 ? 9 : 12);
    switch (kind) {
      case 0:
        return NODES.nullNode();
      case 1:
        return NODES.textNode("");
      case 2:
        return NODES.textNode(random.nextBoolean() ? "work" : "v" + random.nextInt(1000));
      case 3:
        return NODES.textNode(random.nextBoolean() ? " " : "true");
      case 4:
        return NODES.numberNode(random.nextInt(3));
      case 5:
        return NODES.numberNode(random.nextBoolean() ? 12_345_678_901L : -7);
      case 6:
        return NODES.numberNode(new BigDecimal("1.5"));
      case 7:
        return NODES.booleanNode(random.nextBoolean());
      case 8:
        return NODES.textNode("urn:ietf:params:scim:schemas:core:2.0:User");
      case 9:
      case 10: {
        ArrayNode array = NODES.arrayNode();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          array.add(random.nextBoolean() ? document(random, "value", depth + 1) : value(random, depth + 1));
        }
        return array;
      }
      default:
        return random.nextInt(3) == 0 ? NODES.objectNode() : document(random, "value", depth + 1);
    }
  }
}
