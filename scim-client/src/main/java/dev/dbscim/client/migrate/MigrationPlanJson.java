package dev.dbscim.client.migrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.core.json.ScimJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Reads the JSON of saved migration plans: the shared first steps of their {@code fromJson} methods. */
final class MigrationPlanJson {
  private MigrationPlanJson() {}

  /**
   * Parses a saved plan and checks its {@code "format"} marker.
   *
   * @param json the text
   * @param format the marker the plan type writes
   * @param kind what the plan is called in messages, such as {@code "group migration plan"}
   * @return the root object
   * @throws IllegalArgumentException when the text is not JSON or carries another format; the message never repeats
   *     the text
   */
  static JsonNode root(String json, String format, String kind) {
    Objects.requireNonNull(json, "json");
    JsonNode root;
    try {
      root = ScimJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a " + kind + ": malformed JSON");
    }
    if (root == null || !format.equals(root.path("format").asText())) {
      throw new IllegalArgumentException("not a " + kind + ": \"format\" must be \"" + format + "\"");
    }
    return root;
  }

  /**
   * Returns the texts of a JSON array; empty for a missing one.
   *
   * @param array the array node, or a missing node
   * @return the texts in order
   */
  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }
}
