package dev.dbscim.client.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reading and writing helpers shared by the permission-assignment values, which map their JSON by hand so that keys
 * are matched exactly, odd values never fail a whole list, and every key they do not model is kept.
 */
final class AssignmentJson {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AssignmentJson() {}

  /** Returns the text of a textual node; {@code null} when the node is absent, JSON null or not text. */
  static String text(JsonNode node) {
    return node != null && node.isTextual() ? node.textValue() : null;
  }

  /** Returns whether a present value is neither JSON null nor text, so it must be kept as an unknown attribute. */
  static boolean unexpectedNonText(JsonNode node) {
    return node != null && !node.isNull() && !node.isTextual();
  }

  /** Returns the object's fields in arrival order, except the given known keys. */
  static Map<String, JsonNode> unknownFields(ObjectNode node, String... known) {
    Map<String, JsonNode> unknown = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!isKnown(field.getKey(), known)) {
        unknown.put(field.getKey(), field.getValue());
      }
    }
    return unknown;
  }

  private static boolean isKnown(String key, String... known) {
    for (String name : known) {
      if (name.equals(key)) {
        return true;
      }
    }
    return false;
  }

  /** Returns a deep copy of a value given to a builder, so that later changes to it change nothing. */
  static JsonNode copy(JsonNode value) {
    return Objects.requireNonNull(value, "value").deepCopy();
  }

  /** Adds a text field when the value is present. */
  static void putText(ObjectNode node, String key, Optional<String> value) {
    value.ifPresent(text -> node.put(key, text));
  }

  /** Adds the unknown attributes that do not clash with a key already written. */
  static void putUnknown(ObjectNode node, Map<String, JsonNode> attributes) {
    for (Map.Entry<String, JsonNode> entry : attributes.entrySet()) {
      if (!node.has(entry.getKey())) {
        node.set(entry.getKey(), entry.getValue().deepCopy());
      }
    }
  }
}
