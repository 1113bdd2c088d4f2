package dev.dbscim.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.core.json.ScimJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/** Loads JSON fixtures and normalises JSON trees for comparison in model tests. */
final class ModelFixtures {
  private ModelFixtures() {}

  /** Returns the text of {@code fixtures/<name>.json}, for example {@code "users/workspace-get"}. */
  static String text(String name) {
    String path = "/fixtures/" + name + ".json";
    try (InputStream in = ModelFixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the fixture as a JSON tree. */
  static JsonNode tree(String name) {
    return ScimJson.read(text(name), JsonNode.class);
  }

  /**
   * Returns the JSON text a value is written as, parsed back into a tree; comparing text-derived trees keeps Jackson's
   * node types (such as int versus long) out of the comparison.
   */
  static JsonNode written(Object value) {
    return ScimJson.read(ScimJson.write(value), JsonNode.class);
  }

  /**
   * Returns a deep copy of the tree without empty arrays, anywhere in it: RFC 7643 section 2.5 treats an empty array as
   * unassigned, and the models leave them out on write.
   */
  static JsonNode withoutEmptyArrays(JsonNode tree) {
    JsonNode copy = tree.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = ((ObjectNode) node).fields();
      while (fields.hasNext()) {
        JsonNode value = fields.next().getValue();
        if (value.isArray() && value.isEmpty()) {
          fields.remove();
        } else {
          strip(value);
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : (ArrayNode) node) {
        strip(element);
      }
    }
  }
}
