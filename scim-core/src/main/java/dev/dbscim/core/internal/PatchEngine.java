package dev.dbscim.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dbscim.core.filter.FilterEvaluator;
import dev.dbscim.core.json.SchemaUrns;
import dev.dbscim.core.patch.PatchOp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Applies single PATCH operations (RFC 7644 section 3.5.2) to a mutable JSON resource, leniently enough for what
 * Entra ID, Okta, Terraform and the Databricks SDKs send. The caller works on a copy and discards it on failure, which
 * makes a whole request atomic.
 *
 * <p>Not public API; may change without notice.
 */
public final class PatchEngine {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ThreadLocal<KeyIndex> KEY_INDEX = new ThreadLocal<>();

  private final boolean strictRemove;
  private final Set<String> booleanAttributes;
  private final Set<String> multiValuedComplexAttributes;
  private final Set<String> readOnlyAttributes;
  private final Set<String> ignoredAttributes;

  /**
   * Creates an engine.
   *
   * @param strictRemove whether a remove that finds nothing fails with {@code noTarget} instead of doing nothing
   * @param booleanAttributes attribute names whose string values {@code "true"}/{@code "false"} become booleans
   * @param multiValuedComplexAttributes attribute names whose values must be arrays of objects
   * @param readOnlyAttributes top-level attributes dropped from path-less values and refused with an explicit path
   * @param ignoredAttributes top-level attributes whose changes are dropped silently
   */
  public PatchEngine(
      boolean strictRemove,
      Collection<String> booleanAttributes,
      Collection<String> multiValuedComplexAttributes,
      Collection<String> readOnlyAttributes,
      Collection<String> ignoredAttributes) {
    this.strictRemove = strictRemove;
    this.booleanAttributes = lowerCase(booleanAttributes);
    this.multiValuedComplexAttributes = lowerCase(multiValuedComplexAttributes);
    this.readOnlyAttributes = lowerCase(readOnlyAttributes);
    this.ignoredAttributes = lowerCase(ignoredAttributes);
  }

  /**
   * Applies one operation to {@code resource} in place.
   *
   * @param resource the resource to change
   * @param op the operation
   * @param path the path, or {@code null}
   * @param value the value, or {@code null}
   * @throws PatchFailure when the operation cannot be applied; {@code resource} may then be partly changed
   */
  public void apply(ObjectNode resource, PatchOp op, String path, JsonNode value) {
    if (op == PatchOp.REMOVE) {
      if (path == null) {
        throw new PatchFailure("noTarget", "remove requires a path");
      }
      remove(resource, target(path), value);
      return;
    }
    if (value == null || value.isMissingNode()) {
      throw new PatchFailure("invalidSyntax", op.wireName() + " requires a value");
    }
    if (path == null) {
      applyWithoutPath(resource, op, value);
    } else if (op == PatchOp.ADD) {
      add(resource, target(path), value);
    } else {
      replace(resource, target(path), value);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Path-less add and replace

  private void applyWithoutPath(ObjectNode resource, PatchOp op, JsonNode value) {
    if (!value.isObject()) {
      throw new PatchFailure("invalidValue", op.wireName() + " without a path requires an object value");
    }
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String key = field.getKey();
      JsonNode fieldValue = field.getValue();
      if (isExtensionKey(resource, key)) {
        applyToExtension(resource, op, key, fieldValue);
        continue;
      }
      PatchTarget target =
          SchemaUrns.isUrn(key) || key.indexOf('.') >= 0 || key.indexOf('[') >= 0
              ? target(key)
              : new PatchTarget(null, key, null, null, null);
      if (skippedSilently(target)) {
        continue;
      }
      if (op == PatchOp.ADD) {
        if (!fieldValue.isNull()) {
          add(resource, target, fieldValue);
        }
      } else {
        replace(resource, target, fieldValue);
      }
    }
  }

  /** Whether a path-less key names an extension object ({@code urn:...:enterprise:2.0:User}), not an attribute. */
  private static boolean isExtensionKey(ObjectNode resource, String key) {
    if (!SchemaUrns.isUrn(key)) {
      return false;
    }
    if (findKey(resource, key) != null || declaresSchema(resource, key)) {
      return true;
    }
    String last = key.substring(key.lastIndexOf(':') + 1);
    return !last.isEmpty() && Character.isUpperCase(last.charAt(0));
  }

  private void applyToExtension(ObjectNode resource, PatchOp op, String urn, JsonNode value) {
    if (value.isNull()) {
      if (op == PatchOp.REPLACE) {
        removeKey(resource, urn);
      }
      return;
    }
    if (!value.isObject()) {
      throw new PatchFailure("invalidValue", "an extension schema takes an object value");
    }
    ObjectNode extension = extensionContainer(resource, urn, true);
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      writeAttribute(extension, field.getKey(), field.getValue(), op == PatchOp.ADD);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // add (RFC 7644 section 3.5.2.1)

  private void add(ObjectNode resource, PatchTarget target, JsonNode value) {
    if (checkWritable(target)) {
      return;
    }
    ObjectNode container = container(resource, target, true);
    if (!target.valueFilter().isPresent()) {
      writeUnfiltered(container, target, value, true);
      return;
    }
    ArrayNode array = multiValued(container, target.attribute(), true);
    List<ObjectNode> matches = matching(array, target.valueFilter().get());
    if (matches.isEmpty()) {
      if (!target.filterEqualities().isPresent()) {
        throw new PatchFailure("noTarget", "no value matches the filter, and the filter does not describe a new one");
      }
      ObjectNode created = NODES.objectNode();
      for (Map.Entry<String, JsonNode> equality : target.filterEqualities().get().entrySet()) {
        created.set(equality.getKey(), equality.getValue().deepCopy());
      }
      mergeIntoElement(created, target, value, true);
      array.add(created);
      return;
    }
    for (ObjectNode match : matches) {
      mergeIntoElement(match, target, value, true);
    }
  }

  private void mergeIntoElement(ObjectNode element, PatchTarget target, JsonNode value, boolean add) {
    if (target.subAttribute().isPresent()) {
      writeAttribute(element, target.subAttribute().get(), value, add);
      return;
    }
    JsonNode normalized = normalizeElement(target.attribute(), value);
    for (Map.Entry<String, JsonNode> field : normalized.properties()) {
      addAttribute(element, field.getKey(), field.getValue());
    }
  }

  /** Adds or replaces {@code value} at a target without a value filter: the attribute, or its sub-attribute. */
  private void writeUnfiltered(ObjectNode container, PatchTarget target, JsonNode value, boolean add) {
    String attribute = target.attribute();
    if (!target.subAttribute().isPresent()) {
      writeAttribute(container, attribute, value, add);
      return;
    }
    String sub = target.subAttribute().get();
    for (ObjectNode complex : complexNodes(container, attribute, true)) {
      writeAttribute(complex, sub, value, add);
    }
  }

  private void writeAttribute(ObjectNode container, String name, JsonNode value, boolean add) {
    if (add) {
      addAttribute(container, name, value);
    } else {
      replaceAttribute(container, name, value);
    }
  }

  private void addAttribute(ObjectNode container, String name, JsonNode rawValue) {
    JsonNode value = normalize(name, rawValue);
    if (value.isNull()) {
      return;
    }
    String key = findKey(container, name);
    JsonNode existing = key == null ? null : container.get(key);
    String writeKey = key == null ? name : key;
    if (existing == null || existing.isNull()) {
      put(container, writeKey, isMultiValuedComplex(name) && !value.isArray() ? NODES.arrayNode().add(value) : value);
      return;
    }
    if (existing.isArray()) {
      ArrayNode array = (ArrayNode) existing;
      Equivalents present = new Equivalents(array, isValueCaseExact(name));
      for (JsonNode item : value.isArray() ? elements(value) : Collections.singletonList(value)) {
        if (!present.contains(item)) {
          array.add(item);
          present.add(item);
        }
      }
      return;
    }
    if (existing.isObject() && value.isObject()) {
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        addAttribute((ObjectNode) existing, field.getKey(), field.getValue());
      }
      return;
    }
    put(container, writeKey, value);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // replace (RFC 7644 section 3.5.2.3)

  private void replace(ObjectNode resource, PatchTarget target, JsonNode value) {
    if (checkWritable(target)) {
      return;
    }
    ObjectNode container = container(resource, target, true);
    if (!target.valueFilter().isPresent()) {
      writeUnfiltered(container, target, value, false);
      return;
    }
    String attribute = target.attribute();
    ArrayNode array = multiValued(container, attribute, false);
    List<ObjectNode> matches = array == null ? Collections.<ObjectNode>emptyList() : matching(array, target.valueFilter().get());
    if (matches.isEmpty()) {
      throw new PatchFailure("noTarget", "no value matches the filter");
    }
    if (target.subAttribute().isPresent()) {
      for (ObjectNode match : matches) {
        replaceAttribute(match, target.subAttribute().get(), value);
      }
      return;
    }
    JsonNode replacement = normalizeElement(attribute, value);
    Set<JsonNode> matched = identitySet(matches);
    for (int i = 0; i < array.size(); i++) {
      if (matched.contains(array.get(i))) {
        array.set(i, replacement.deepCopy());
      }
    }
  }

  private void replaceAttribute(ObjectNode container, String name, JsonNode rawValue) {
    JsonNode value = normalize(name, rawValue);
    String key = findKey(container, name);
    if (value.isNull()) {
      if (key != null) {
        container.remove(key);
      }
      return;
    }
    JsonNode existing = key == null ? null : container.get(key);
    String writeKey = key == null ? name : key;
    if (existing != null && existing.isObject() && value.isObject()) {
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        replaceAttribute((ObjectNode) existing, field.getKey(), field.getValue());
      }
      return;
    }
    put(container, writeKey, isMultiValuedComplex(name) && !value.isArray() ? NODES.arrayNode().add(value) : value);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // remove (RFC 7644 section 3.5.2.2)

  private void remove(ObjectNode resource, PatchTarget target, JsonNode value) {
    if (checkWritable(target)) {
      return;
    }
    ObjectNode container = container(resource, target, false);
    String attribute = target.attribute();
    String key = container == null ? null : findKey(container, attribute);
    JsonNode node = key == null ? null : container.get(key);
    if (node == null || node.isNull()) {
      nothingToRemove();
      return;
    }
    if (!target.valueFilter().isPresent()) {
      if (target.subAttribute().isPresent()) {
        removeSubAttribute(node, target.subAttribute().get());
        return;
      }
      if (value != null && !value.isNull() && !value.isMissingNode()) {
        removeListedValues(container, key, node, value);
        return;
      }
      container.remove(key);
      return;
    }
    if (!node.isArray()) {
      throw new PatchFailure("invalidPath", "a value filter needs a multi-valued attribute");
    }
    ArrayNode array = (ArrayNode) node;
    List<ObjectNode> matches = matching(array, target.valueFilter().get());
    if (matches.isEmpty()) {
      nothingToRemove();
      return;
    }
    if (target.subAttribute().isPresent()) {
      for (ObjectNode match : matches) {
        String subKey = findKey(match, target.subAttribute().get());
        if (subKey != null) {
          match.remove(subKey);
        }
      }
      return;
    }
    Set<JsonNode> matched = identitySet(matches);
    retainOnly(array, element -> !matched.contains(element));
    if (array.isEmpty()) {
      container.remove(key);
    }
  }

  private void removeSubAttribute(JsonNode node, String sub) {
    if (node.isObject()) {
      String subKey = findKey((ObjectNode) node, sub);
      if (subKey == null) {
        nothingToRemove();
      } else {
        ((ObjectNode) node).remove(subKey);
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        if (element.isObject()) {
          String subKey = findKey((ObjectNode) element, sub);
          if (subKey != null) {
            ((ObjectNode) element).remove(subKey);
          }
        }
      }
    } else {
      throw new PatchFailure("invalidPath", "a sub-attribute needs a complex attribute");
    }
  }

  private void removeListedValues(ObjectNode container, String key, JsonNode node, JsonNode rawValue) {
    if (!node.isArray()) {
      throw new PatchFailure("invalidValue", "remove with a value needs a multi-valued attribute");
    }
    JsonNode value = normalize(key, rawValue);
    List<JsonNode> listed = value.isArray() ? elements(value) : Collections.singletonList(value);
    ArrayNode array = (ArrayNode) node;
    int before = array.size();
    boolean exact = isValueCaseExact(key);
    Set<JsonNode> listedElements = new HashSet<>(listed);
    Set<JsonNode> listedValues = new HashSet<>();
    for (JsonNode item : listed) {
      if (item.isObject() && item.has("value")) {
        listedValues.add(valueKey(item.get("value"), exact));
      }
    }
    retainOnly(array, element -> !(element.isObject() && element.has("value")
        ? listedValues.contains(valueKey(element.get("value"), exact)) : listedElements.contains(element)));
    if (array.size() == before) {
      nothingToRemove();
    }
    if (array.isEmpty()) {
      container.remove(key);
    }
  }

  private void nothingToRemove() {
    if (strictRemove) {
      throw new PatchFailure("noTarget", "nothing matches the path");
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Targets and containers

  private static PatchTarget target(String path) {
    try {
      return PatchPaths.resolve(path);
    } catch (RuntimeException e) {
      throw new PatchFailure("invalidPath", "the path does not parse");
    }
  }

  /** Returns true when the target is ignored; throws when it is read-only. */
  private boolean checkWritable(PatchTarget target) {
    String name = target.attribute().toLowerCase(Locale.ROOT);
    boolean topLevel = !target.schemaUrn().isPresent() || isCoreUrn(target.schemaUrn().get());
    if (topLevel && ignoredAttributes.contains(name)) {
      return true;
    }
    if (topLevel && readOnlyAttributes.contains(name)) {
      throw new PatchFailure("mutability", "the attribute is read-only");
    }
    return false;
  }

  private boolean skippedSilently(PatchTarget target) {
    String name = target.attribute().toLowerCase(Locale.ROOT);
    boolean topLevel = !target.schemaUrn().isPresent() || isCoreUrn(target.schemaUrn().get());
    return topLevel && (ignoredAttributes.contains(name) || readOnlyAttributes.contains(name));
  }

  private static ObjectNode container(ObjectNode resource, PatchTarget target, boolean create) {
    if (!target.schemaUrn().isPresent()) {
      return resource;
    }
    String urn = target.schemaUrn().get();
    if (findKey(resource, urn) == null && isCoreUrn(urn)) {
      return resource;
    }
    return extensionContainer(resource, urn, create);
  }

  private static ObjectNode extensionContainer(ObjectNode resource, String urn, boolean create) {
    String key = findKey(resource, urn);
    if (key != null) {
      JsonNode node = resource.get(key);
      if (node.isObject()) {
        return (ObjectNode) node;
      }
      if (!node.isNull()) {
        throw new PatchFailure("invalidPath", "the extension schema attribute is not an object");
      }
    }
    if (!create) {
      return null;
    }
    ObjectNode extension = put(resource, key == null ? urn : key, NODES.objectNode());
    JsonNode schemas = resource.get(findKeyOr(resource, "schemas"));
    if (schemas != null && schemas.isArray() && !declaresSchema(resource, urn)) {
      ((ArrayNode) schemas).add(urn);
    }
    return extension;
  }

  private static boolean isCoreUrn(String urn) {
    return urn.toLowerCase(Locale.ROOT).contains(":core:");
  }

  private static boolean declaresSchema(ObjectNode resource, String urn) {
    JsonNode schemas = resource.get(findKeyOr(resource, "schemas"));
    if (schemas == null || !schemas.isArray()) {
      return false;
    }
    for (JsonNode schema : schemas) {
      if (schema.isTextual() && schema.asText().equalsIgnoreCase(urn)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the complex values a sub-attribute path applies to, creating the complex attribute when absent. */
  private List<ObjectNode> complexNodes(ObjectNode container, String attribute, boolean create) {
    String key = findKey(container, attribute);
    JsonNode node = key == null ? null : container.get(key);
    if (node == null || node.isNull()) {
      if (!create) {
        return Collections.emptyList();
      }
      if (isMultiValuedComplex(attribute)) {
        ObjectNode element = NODES.objectNode();
        put(container, key == null ? attribute : key, NODES.arrayNode().add(element));
        return Collections.singletonList(element);
      }
      return Collections.singletonList(put(container, key == null ? attribute : key, NODES.objectNode()));
    }
    if (node.isObject()) {
      return Collections.singletonList((ObjectNode) node);
    }
    if (node.isArray()) {
      List<ObjectNode> objects = new ArrayList<>();
      for (JsonNode element : node) {
        if (element.isObject()) {
          objects.add((ObjectNode) element);
        }
      }
      return objects;
    }
    throw new PatchFailure("invalidPath", "a sub-attribute needs a complex attribute");
  }

  private static ArrayNode multiValued(ObjectNode container, String attribute, boolean create) {
    String key = findKey(container, attribute);
    JsonNode node = key == null ? null : container.get(key);
    if (node == null || node.isNull()) {
      return create ? put(container, key == null ? attribute : key, NODES.arrayNode()) : null;
    }
    if (!node.isArray()) {
      throw new PatchFailure("invalidPath", "a value filter needs a multi-valued attribute");
    }
    return (ArrayNode) node;
  }

  private static List<ObjectNode> matching(ArrayNode array, Predicate<JsonNode> filter) {
    List<ObjectNode> matches = new ArrayList<>();
    for (JsonNode element : array) {
      if (element.isObject() && test(filter, element)) {
        matches.add((ObjectNode) element);
      }
    }
    return matches;
  }

  private static boolean test(Predicate<JsonNode> filter, JsonNode element) {
    try {
      return filter.test(element);
    } catch (RuntimeException e) {
      throw new PatchFailure("invalidPath", "the value filter cannot be evaluated");
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Values

  /**
   * Returns a copy of {@code value} fit for attribute {@code name}: null sub-attributes dropped, boolean strings and the
   * {@code [{"value":"false"}]} form turned into booleans, and multi-valued complex attributes checked.
   */
  private JsonNode normalize(String name, JsonNode value) {
    JsonNode clean = withoutNulls(value);
    if (isBoolean(name)) {
      return toBoolean(clean);
    }
    if (isMultiValuedComplex(name) && !clean.isNull()) {
      if (clean.isArray()) {
        for (JsonNode element : clean) {
          if (!element.isObject()) {
            throw new PatchFailure("invalidSyntax", "the attribute takes an array of objects");
          }
        }
      } else if (!clean.isObject()) {
        throw new PatchFailure("invalidSyntax", "the attribute takes an array of objects");
      }
    }
    return clean;
  }

  /** Returns the value for one element of a multi-valued attribute, which must be an object. */
  private JsonNode normalizeElement(String attribute, JsonNode value) {
    JsonNode clean = withoutNulls(value);
    if (!clean.isObject()) {
      throw new PatchFailure(
          isMultiValuedComplex(attribute) ? "invalidSyntax" : "invalidValue",
          "a filtered path without a sub-attribute takes an object value");
    }
    return clean;
  }

  private JsonNode withoutNulls(JsonNode value) {
    if (value.isObject()) {
      ObjectNode copy = NODES.objectNode();
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        if (!field.getValue().isNull()) {
          JsonNode child = withoutNulls(field.getValue());
          copy.set(field.getKey(), isBoolean(field.getKey()) ? toBoolean(child) : child);
        }
      }
      return copy;
    }
    if (value.isArray()) {
      ArrayNode copy = NODES.arrayNode();
      for (JsonNode element : value) {
        if (!element.isNull()) {
          copy.add(withoutNulls(element));
        }
      }
      return copy;
    }
    return value.deepCopy();
  }

  private static JsonNode toBoolean(JsonNode value) {
    JsonNode single = value;
    if (single.isArray() && single.size() == 1) {
      single = single.get(0);
    }
    if (single.isObject() && single.size() == 1 && single.has("value")) {
      single = single.get("value");
    }
    if (single.isBoolean() || single.isNull()) {
      return single;
    }
    if (single.isTextual()) {
      String text = single.asText().trim();
      if ("true".equalsIgnoreCase(text)) {
        return BooleanNode.TRUE;
      }
      if ("false".equalsIgnoreCase(text)) {
        return BooleanNode.FALSE;
      }
    }
    throw new PatchFailure("invalidValue", "the attribute takes a boolean");
  }

  private boolean isBoolean(String name) {
    return booleanAttributes.contains(name.toLowerCase(Locale.ROOT));
  }

  private boolean isMultiValuedComplex(String name) {
    return multiValuedComplexAttributes.contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * Returns whether the {@code value} sub-attribute of a multi-valued attribute compares case-exactly, by the rule
   * filters use ({@link FilterEvaluator#isCaseExact(String)}): {@code members.value} does, {@code emails.value} does not.
   */
  private static boolean isValueCaseExact(String attribute) {
    return FilterEvaluator.standard().isCaseExact(attribute + ".value");
  }

  /** Returns {@code value} as a key that equals another exactly when the two values are the same value. */
  private static JsonNode valueKey(JsonNode value, boolean exact) {
    return exact || value == null || !value.isTextual() ? value : TextNode.valueOf(KeyIndex.fold(value.textValue()));
  }

  /**
   * The elements of a multi-valued attribute, indexed so that checking each added element is O(1) instead of a scan
   * (an add of n members to a group of m was O(n * m)). An element is present when an equal one is, or one with the
   * same {@code value} (compared with the attribute's case-exactness) whose {@code type} does not differ (a member
   * sent as {@code {"value":"1","type":"User"}} is the member {@code {"value":"1","display":"Ada"}}).
   */
  private static final class Equivalents {
    private final Set<JsonNode> elements = new HashSet<>();
    private final Map<JsonNode, List<JsonNode>> typesByValue = new HashMap<>();
    private final boolean exact;

    Equivalents(ArrayNode array, boolean exact) {
      this.exact = exact;
      for (JsonNode element : array) {
        add(element);
      }
    }

    void add(JsonNode element) {
      elements.add(element);
      if (element.isObject() && element.has("value")) {
        typesByValue.computeIfAbsent(valueKey(element.get("value"), exact), v -> new ArrayList<>())
            .add(element.get("type"));
      }
    }

    boolean contains(JsonNode item) {
      if (elements.contains(item)) {
        return true;
      }
      if (item.isObject() && item.has("value")) {
        List<JsonNode> types = typesByValue.get(valueKey(item.get("value"), exact));
        if (types != null) {
          for (JsonNode type : types) {
            if (compatibleTypes(type, item.get("type"))) {
              return true;
            }
          }
        }
      }
      return false;
    }
  }

  private static boolean compatibleTypes(JsonNode first, JsonNode second) {
    return first == null || second == null || first.equals(second);
  }

  private static Set<JsonNode> identitySet(List<ObjectNode> nodes) {
    Set<JsonNode> set = Collections.newSetFromMap(new IdentityHashMap<>());
    set.addAll(nodes);
    return set;
  }

  /** Keeps the elements {@code keep} accepts, in order, in one pass (removing one by one is O(n) per removal). */
  private static void retainOnly(ArrayNode array, Predicate<JsonNode> keep) {
    List<JsonNode> kept = new ArrayList<>(array.size());
    for (JsonNode element : array) {
      if (keep.test(element)) {
        kept.add(element);
      }
    }
    if (kept.size() != array.size()) {
      array.removeAll();
      array.addAll(kept);
    }
  }

  private static List<JsonNode> elements(JsonNode array) {
    List<JsonNode> list = new ArrayList<>(array.size());
    array.forEach(list::add);
    return list;
  }

  /** Returns the existing key that equals {@code name} ignoring case, or null. */
  static String findKey(ObjectNode node, String name) {
    if (node.has(name)) {
      return name;
    }
    KeyIndex index = KEY_INDEX.get();
    if (index != null && node.size() > KeyIndex.MIN_SIZE) {
      return index.find(node, name);
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String candidate = names.next();
      if (candidate.equalsIgnoreCase(name)) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * Runs {@code work} with an index of the keys of large objects, so each case-insensitive key lookup is O(1) instead
   * of a scan of the object (a PATCH adding n attributes to an object, in one value or in n operations, was O(n^2)).
   * The index lives only for the call; every key this engine adds goes through {@link #put}, which keeps it exact.
   *
   * @param work the work, such as applying every operation of one request
   * @param <T> the result type
   * @return what {@code work} returned
   */
  public static <T> T withKeyIndex(java.util.function.Supplier<T> work) {
    if (KEY_INDEX.get() != null) {
      return work.get();
    }
    KEY_INDEX.set(new KeyIndex());
    try {
      return work.get();
    } finally {
      KEY_INDEX.remove();
    }
  }

  /** Sets {@code key} on {@code node}, recording a new key in the call's key index. */
  private static <N extends JsonNode> N put(ObjectNode node, String key, N value) {
    KeyIndex index = KEY_INDEX.get();
    if (index != null && !node.has(key)) {
      index.added(node, key);
    }
    node.set(key, value);
    return value;
  }

  /**
   * Case-folded keys of the objects looked up during one call, built on the first lookup that misses. Removed keys stay
   * in it and are skipped by checking the object; added keys are recorded by {@link #put}.
   */
  private static final class KeyIndex {
    static final int MIN_SIZE = 16;
    private final Map<ObjectNode, Map<String, List<String>>> byNode = new IdentityHashMap<>();

    String find(ObjectNode node, String name) {
      Map<String, List<String>> keys = byNode.get(node);
      if (keys == null) {
        keys = new HashMap<>();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
          String key = names.next();
          keys.computeIfAbsent(fold(key), k -> new ArrayList<>(1)).add(key);
        }
        byNode.put(node, keys);
      }
      List<String> candidates = keys.get(fold(name));
      if (candidates != null) {
        for (String candidate : candidates) {
          if (node.has(candidate)) {
            return candidate;
          }
        }
      }
      return null;
    }

    void added(ObjectNode node, String key) {
      Map<String, List<String>> keys = byNode.get(node);
      if (keys != null) {
        List<String> candidates = keys.computeIfAbsent(fold(key), k -> new ArrayList<>(1));
        if (!candidates.contains(key)) {
          candidates.add(key);
        }
      }
    }

    /** Folds case exactly as {@link String#equalsIgnoreCase} compares: per char, upper then lower case. */
    private static String fold(String key) {
      char[] chars = new char[key.length()];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = Character.toLowerCase(Character.toUpperCase(key.charAt(i)));
      }
      return new String(chars);
    }
  }

  private static String findKeyOr(ObjectNode node, String name) {
    String key = findKey(node, name);
    return key == null ? name : key;
  }

  private static void removeKey(ObjectNode node, String name) {
    String key = findKey(node, name);
    if (key != null) {
      node.remove(key);
    }
  }

  private static Set<String> lowerCase(Collection<String> names) {
    Set<String> set = new HashSet<>();
    for (String name : names) {
      set.add(name.toLowerCase(Locale.ROOT));
    }
    return Collections.unmodifiableSet(set);
  }
}
