package dev.dbscim.core.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.core.json.ScimJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Structure-aware JSON mutation: starts from captured fixtures and swaps values for ones of the wrong JSON type,
 * deletes and adds attributes (known names in odd cases), nests deeply, then optionally damages the text (truncation,
 * garbage characters, duplicated keys).
 */
final class JsonFuzz {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final String[] KEYS = {
      "id", "ID", "userName", "USERNAME", "username", "displayName", "name", "givenName", "familyName", "formatted",
      "emails", "value", "type", "primary", "display", "$ref", "active", "Active", "externalId", "members", "groups",
      "entitlements", "roles", "schemas", "Schemas", "meta", "created", "lastModified", "resourceType", "location",
      "version", "applicationId", "Resources", "resources", "totalResults", "startIndex", "itemsPerPage", "status",
      "scimType", "detail", "Operations", "operations", "op", "path", "additionalAttributes", "password", "manager",
      "employeeNumber", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", "name.givenName", "", " ",
      "\u0000", "\ud800", "__proto__", "@class", "@type"};
  static final String[] STRINGS = {
      "", " ", "false", "False", "TRUE", "true", "1", "-1", "1e999", "NaN", "null", "2026-01-01T00:00:00Z",
      "2026-13-45T99:99:99Z", "not a date", "ada@example.com", "add", "Replace", "REMOVE", "bogus",
      "members[value eq \"1\"]", "emails[type eq \"work\"].value", "name.givenName", "members[", "urn:x:y",
      "urn:ietf:params:scim:api:messages:2.0:PatchOp", "urn:ietf:params:scim:schemas:core:2.0:User", "\u0000",
      "\ud800", "\ud83d\ude00", "\u202e", "Groups/1", "invalidFilter", "uniqueness", "409", "4o9", "99999999999"};

  private final Random random;

  JsonFuzz(Random random) {
    this.random = random;
  }

  /** Returns a mutated copy of one of the seeds, as JSON text, sometimes damaged beyond JSON. */
  String mutatedText(List<JsonNode> seeds) {
    JsonNode tree = seeds.get(random.nextInt(seeds.size())).deepCopy();
    int mutations = 1 + random.nextInt(4);
    for (int i = 0; i < mutations; i++) {
      tree = mutate(tree);
    }
    String text = ScimJson.write(tree);
    return random.nextInt(4) == 0 ? damage(text) : text;
  }

  JsonNode mutate(JsonNode root) {
    List<JsonNode> containers = new ArrayList<>();
    collectContainers(root, containers);
    if (containers.isEmpty() || random.nextInt(20) == 0) {
      return value(3);
    }
    JsonNode target = containers.get(random.nextInt(containers.size()));
    if (target.isObject()) {
      ObjectNode object = (ObjectNode) target;
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      int choice = random.nextInt(5);
      if (choice == 0 && !names.isEmpty()) {
        object.remove(names.get(random.nextInt(names.size())));
      } else if (choice <= 2 && !names.isEmpty()) {
        object.set(names.get(random.nextInt(names.size())), value(3));
      } else if (choice == 3 && !names.isEmpty()) {
        String name = names.get(random.nextInt(names.size()));
        ArrayNode wrapped = NODES.arrayNode().add(object.get(name));
        object.set(name, random.nextBoolean() ? wrapped : unwrap(object.get(name)));
      } else {
        object.set(key(), value(3));
      }
    } else {
      ArrayNode array = (ArrayNode) target;
      if (!array.isEmpty() && random.nextBoolean()) {
        array.set(random.nextInt(array.size()), value(3));
      } else {
        array.add(value(3));
      }
    }
    return root;
  }

  private JsonNode unwrap(JsonNode node) {
    if (node.isArray() && !node.isEmpty()) {
      return node.get(0);
    }
    return node.isObject() ? NODES.textNode(node.toString()) : NODES.nullNode();
  }

  private static void collectContainers(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        collectContainers(it.next(), out);
      }
    }
  }

  String key() {
    if (random.nextInt(8) == 0) {
      return randomString(6);
    }
    return KEYS[random.nextInt(KEYS.length)];
  }

  JsonNode value(int depth) {
    int choice = random.nextInt(depth <= 0 ? 8 : 12);
    switch (choice) {
      case 0:
        return NODES.nullNode();
      case 1:
        return NODES.booleanNode(random.nextBoolean());
      case 2:
        return NODES.numberNode(random.nextInt(5) - 2);
      case 3:
        return number();
      case 4:
      case 5:
        return NODES.textNode(STRINGS[random.nextInt(STRINGS.length)]);
      case 6:
        return NODES.textNode(randomString(random.nextInt(40)));
      case 7:
        return NODES.textNode(random.nextInt(1000) == 0 ? "x".repeat(100_000) : randomString(3));
      case 8:
      case 9: {
        ObjectNode object = NODES.objectNode();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
          object.set(key(), value(depth - 1));
        }
        return object;
      }
      case 10: {
        ArrayNode array = NODES.arrayNode();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
          array.add(value(depth - 1));
        }
        return array;
      }
      default: {
        JsonNode nested = value(0);
        int levels = 1 + random.nextInt(60);
        for (int i = 0; i < levels; i++) {
          nested = random.nextBoolean() ? NODES.arrayNode().add(nested) : NODES.objectNode().set(key(), nested);
        }
        return nested;
      }
    }
  }

  private JsonNode number() {
    switch (random.nextInt(6)) {
      case 0:
        return NODES.numberNode(Long.MAX_VALUE);
      case 1:
        return NODES.numberNode(new BigInteger("123456789012345678901234567890"));
      case 2:
        return NODES.numberNode(new BigDecimal("1e400"));
      case 3:
        return NODES.numberNode(new BigDecimal("-0.0"));
      case 4:
        return NODES.numberNode(random.nextDouble() * 1e6);
      default:
        return NODES.numberNode(new BigDecimal("1e-400"));
    }
  }

  String randomString(int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(10);
      out.append(kind < 6 ? (char) (' ' + random.nextInt(95)) : kind < 8 ? (char) random.nextInt(0x20)
          : (char) random.nextInt(0x10000));
    }
    return out.toString();
  }

  /** Damages JSON text: truncation, a garbage character, a duplicated slice or a key repeated in another case. */
  String damage(String text) {
    StringBuilder out = new StringBuilder(text);
    int at = random.nextInt(out.length() + 1);
    switch (random.nextInt(5)) {
      case 0:
        out.setLength(at);
        break;
      case 1:
        out.insert(at, (char) random.nextInt(0x10000));
        break;
      case 2:
        out.insert(at, out.substring(at, Math.min(out.length(), at + random.nextInt(20))));
        break;
      case 3:
        if (at < out.length()) {
          out.deleteCharAt(at);
        }
        break;
      default:
        int brace = out.indexOf("{");
        if (brace >= 0) {
          out.insert(brace + 1, "\"" + KEYS[random.nextInt(KEYS.length)] + "\":" + value(1) + ",");
        }
    }
    return out.toString();
  }

  /** Returns the JSON tree of {@code fixtures/<name>.json}. */
  static JsonNode fixture(String name) {
    String path = "/fixtures/" + name + ".json";
    try (InputStream in = JsonFuzz.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return ScimJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), JsonNode.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String repeat(String s, int times) {
    return String.join("", Collections.nCopies(times, s));
  }
}
