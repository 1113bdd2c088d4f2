package dev.dbscim.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.dbscim.core.internal.PatchPaths;
import dev.dbscim.core.model.ScimResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The operation list behind the typed builders; consecutive adds to the same multi-valued attribute merge. */
final class TypedOperations {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final List<PatchOperation> operations = new ArrayList<>();
  private ArrayNode openAdd;
  private String openAddAttribute;

  void addValue(String attribute, String value) {
    requireValue(value, attribute);
    if (openAdd == null || !attribute.equals(openAddAttribute)) {
      openAdd = NODES.arrayNode();
      openAddAttribute = attribute;
      operations.add(null);
    }
    for (JsonNode existing : openAdd) {
      if (existing.get("value").asText().equals(value)) {
        return;
      }
    }
    openAdd.addObject().put("value", value);
    operations.set(operations.size() - 1, PatchOperation.of(PatchOp.ADD, attribute, openAdd.deepCopy()));
  }

  void removeValue(String attribute, String value) {
    requireValue(value, attribute);
    append(PatchOperation.of(PatchOp.REMOVE, PatchPaths.valueEquals(attribute, value), null));
  }

  void replace(String path, JsonNode value) {
    append(PatchOperation.of(PatchOp.REPLACE, path, value));
  }

  PatchRequest build() {
    return PatchRequest.builder().operations(operations).build();
  }

  private void append(PatchOperation operation) {
    openAdd = null;
    openAddAttribute = null;
    operations.add(operation);
  }

  static String idOf(ScimResource resource) {
    Objects.requireNonNull(resource, "resource");
    return resource.id().orElseThrow(() -> new IllegalArgumentException("resource has no id; create it first"));
  }

  private static void requireValue(String value, String attribute) {
    Objects.requireNonNull(value, attribute + " value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException(attribute + " value must not be empty");
    }
  }
}
