package dev.dbscim.client.sync;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.client.api.WorkspacePermission;
import dev.dbscim.client.internal.Excerpt;
import dev.dbscim.client.internal.Utf8Text;
import dev.dbscim.client.sync.DirectoryProblem.Code;
import dev.dbscim.core.json.ScimJson;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and writes the directory file format, described by the JSON Schema {@code directory.schema.json} (draft
 * 2020-12) that ships next to this class:
 *
 * <pre>{@code
 * {"users":[{"userName":"ada@example.com","displayName":"Ada Lovelace","givenName":"Ada","familyName":"Lovelace",
 *            "externalId":"idp-1","active":true,"entitlements":["workspace-access"]}],
 *  "servicePrincipals":[{"applicationId":"<uuid>","displayName":"etl","externalId":"idp-sp-1","active":true}],
 *  "groups":[{"displayName":"data-eng","externalId":"idp-g-1",
 *             "members":{"users":["ada@example.com"],"servicePrincipals":["<uuid>"],"groups":["analysts"]},
 *             "entitlements":["databricks-sql-access"]}],
 *  "workspaceAssignments":[{"workspaceId":1001,"group":"data-eng","permission":"USER"}]}
 * }</pre>
 *
 * <p>Keys are matched exactly. Every section and every optional key may be left out; {@code null} counts as left out.
 * A top-level {@code "$schema"} key is accepted and ignored. Reading is strict: an unknown key, a value of the wrong
 * JSON type, a missing required key or a repeated key is a problem, never silently ignored. All such format problems
 * are reported together in one {@link InvalidDirectoryException}, along with the content problems
 * ({@link Directory#validate(DirectoryLimits)}, without the size limits) found elsewhere in the file, so one run shows
 * everything. A directory read without format problems is returned unvalidated.
 */
public final class DirectoryJson {
  private static final ObjectMapper MAPPER = ScimJson.mapper();
  private static final ObjectReader READER = MAPPER.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private static final Set<String> DIRECTORY_KEYS =
      keys("$schema", "users", "servicePrincipals", "groups", "workspaceAssignments");
  private static final Set<String> USER_KEYS =
      keys("userName", "displayName", "givenName", "familyName", "externalId", "active", "entitlements");
  private static final Set<String> SERVICE_PRINCIPAL_KEYS =
      keys("applicationId", "displayName", "externalId", "active", "entitlements");
  private static final Set<String> GROUP_KEYS = keys("displayName", "externalId", "members", "entitlements");
  private static final Set<String> MEMBER_KEYS = keys("users", "servicePrincipals", "groups");
  private static final Set<String> ASSIGNMENT_KEYS =
      keys("workspaceId", "user", "servicePrincipal", "group", "permission");
  private static final DirectoryLimits NO_LIMITS = DirectoryLimits.of(Integer.MAX_VALUE, Integer.MAX_VALUE);
  private static final int BYTE_ORDER_MARK = '\uFEFF';
  private static final int MAX_PARSER_MESSAGE = 200;
  /**
   * The parser's " (start marker at [Source: ...; line: 1, column: 11])", " (for Array starting at [Source: ...])" and
   * any other "[Source: ...]" part.
   */
  private static final Pattern SOURCE_MARKER = Pattern.compile(
      "\\s*\\((start marker|for \\w+ starting) at \\[Source: .*?\\]\\)|\\s*(at )?\\[Source: .*?\\]");

  private DirectoryJson() {}

  /**
   * Returns the directory in a UTF-8 JSON file; a leading byte order mark is skipped.
   *
   * @param file the file
   * @return the directory, not yet validated
   * @throws InvalidDirectoryException when the file is not a directory in this format (including a file that is not
   *     UTF-8 or not complete JSON, whose problem names the line and column or byte offset), listing every problem
   * @throws UncheckedIOException when the file cannot be read
   */
  public static Directory read(Path file) {
    Objects.requireNonNull(file, "file");
    String text;
    try {
      text = Utf8Text.read(file);
    } catch (Utf8Text.NotUtf8Exception e) {
      throw malformed("not UTF-8: " + e.getMessage() + "; save the file as UTF-8");
    }
    return parse(new StringReader(text), "file");
  }

  /**
   * Returns the directory read from JSON text; a leading byte order mark is skipped. The reader is read to its end
   * but not closed.
   *
   * @param reader the JSON text
   * @return the directory, not yet validated
   * @throws InvalidDirectoryException when the text is not a directory in this format, listing every problem
   * @throws UncheckedIOException when the reader fails
   */
  public static Directory read(Reader reader) {
    Objects.requireNonNull(reader, "reader");
    return parse(reader, "text");
  }

  private static Directory parse(Reader reader, String noun) {
    JsonNode tree;
    try {
      PushbackReader text = new PushbackReader(reader, 1);
      int first = text.read();
      if (first != -1 && first != BYTE_ORDER_MARK) {
        text.unread(first);
      }
      tree = READER.readTree(text);
    } catch (JsonProcessingException e) {
      throw malformed(describeSyntaxError(e, noun));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read directory JSON", e);
    }
    if (tree == null || tree.isMissingNode()) {
      throw malformed("empty: the " + noun + " holds no JSON value");
    }
    return new TreeReader().read(tree);
  }

  private static InvalidDirectoryException malformed(String message) {
    return new InvalidDirectoryException(
        Collections.singletonList(DirectoryProblem.of("", Code.MALFORMED_JSON, message)));
  }

  /**
   * Describes a JSON syntax error with its line and column, without the parser's internals; JSON that stops inside an
   * object, array or string says that the file (or text) ends early.
   */
  static String describeSyntaxError(JsonProcessingException e, String noun) {
    JsonLocation location = e.getLocation();
    String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    if (e instanceof JsonEOFException) {
      return "not valid JSON: the " + noun + " ends early" + where + ", inside an object, array or string that is "
          + "not closed; check that the whole " + noun + " was saved";
    }
    String detail = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    detail = SOURCE_MARKER.matcher(detail).replaceAll("");
    return "not valid JSON" + where + ": " + Excerpt.of(detail, MAX_PARSER_MESSAGE);
  }

  /**
   * Returns the directory read from JSON text.
   *
   * @param json the JSON text
   * @return the directory, not yet validated
   * @throws InvalidDirectoryException when the text is not a directory in this format, listing every problem
   */
  public static Directory read(String json) {
    return read(new StringReader(Objects.requireNonNull(json, "json")));
  }

  /**
   * Returns the directory as pretty-printed JSON: sections, entries and keys in a stable order (entries in directory
   * order, keys in the order of the format's description), absent values and empty lists left out, {@code active}
   * always written. Reading the result gives an equal directory.
   *
   * @param directory the directory; it need not be valid
   * @return the JSON text
   */
  public static String write(Directory directory) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree(directory));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the directory as a JSON tree, as {@link #write(Directory)} writes it (a saved plan embeds it). */
  static ObjectNode tree(Directory directory) {
    Objects.requireNonNull(directory, "directory");
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode users = root.putArray("users");
    for (DirectoryUser user : directory.users()) {
      ObjectNode node = users.addObject().put("userName", user.userName());
      putIfPresent(node, "displayName", user.displayName().orElse(null));
      putIfPresent(node, "givenName", user.givenName().orElse(null));
      putIfPresent(node, "familyName", user.familyName().orElse(null));
      putIfPresent(node, "externalId", user.externalId().orElse(null));
      node.put("active", user.active());
      putIfNotEmpty(node, "entitlements", user.entitlements());
    }
    ArrayNode servicePrincipals = root.putArray("servicePrincipals");
    for (DirectoryServicePrincipal servicePrincipal : directory.servicePrincipals()) {
      ObjectNode node = servicePrincipals.addObject().put("applicationId", servicePrincipal.applicationId());
      putIfPresent(node, "displayName", servicePrincipal.displayName().orElse(null));
      putIfPresent(node, "externalId", servicePrincipal.externalId().orElse(null));
      node.put("active", servicePrincipal.active());
      putIfNotEmpty(node, "entitlements", servicePrincipal.entitlements());
    }
    ArrayNode groups = root.putArray("groups");
    for (DirectoryGroup group : directory.groups()) {
      ObjectNode node = groups.addObject().put("displayName", group.displayName());
      putIfPresent(node, "externalId", group.externalId().orElse(null));
      ObjectNode members = MAPPER.createObjectNode();
      putIfNotEmpty(members, "users", group.memberUsers());
      putIfNotEmpty(members, "servicePrincipals", group.memberServicePrincipals());
      putIfNotEmpty(members, "groups", group.memberGroups());
      if (!members.isEmpty()) {
        node.set("members", members);
      }
      putIfNotEmpty(node, "entitlements", group.entitlements());
    }
    ArrayNode assignments = root.putArray("workspaceAssignments");
    for (DirectoryWorkspaceAssignment assignment : directory.workspaceAssignments()) {
      assignments.addObject()
          .put("workspaceId", assignment.workspaceId())
          .put(principalKey(assignment.principalKind()), assignment.principalName())
          .put("permission", assignment.permission().wireValue());
    }
    return root;
  }

  /** Returns the directory read from a JSON tree, as {@link #read(Reader)} reads text (a saved plan embeds it). */
  static Directory read(JsonNode tree) {
    return new TreeReader().read(tree);
  }

  /** Returns the JSON key that names an assigned principal of the given kind. */
  static String principalKey(PrincipalKind kind) {
    switch (kind) {
      case USER:
        return "user";
      case SERVICE_PRINCIPAL:
        return "servicePrincipal";
      default:
        return "group";
    }
  }

  private static void putIfPresent(ObjectNode node, String key, String value) {
    if (value != null) {
      node.put(key, value);
    }
  }

  private static void putIfNotEmpty(ObjectNode node, String key, List<String> values) {
    if (!values.isEmpty()) {
      ArrayNode array = node.putArray(key);
      values.forEach(array::add);
    }
  }

  private static Set<String> keys(String... keys) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(keys)));
  }

  /**
   * Turns a JSON tree into a directory, collecting every format problem. Entries with problems are kept as
   * placeholders so that indexes, and with them the locations of content problems, stay those of the file.
   */
  private static final class TreeReader {
    private final List<DirectoryProblem> problems = new ArrayList<>();

    Directory read(JsonNode root) {
      Directory.Builder directory = Directory.builder();
      if (checkObject(root, "", DIRECTORY_KEYS)) {
        text(root, "$schema", "", false);
        List<DirectoryUser> users = new ArrayList<>();
        List<JsonNode> nodes = array(root, "users", "");
        for (int i = 0; i < nodes.size(); i++) {
          users.add(user(nodes.get(i), "/users/" + i));
        }
        List<DirectoryServicePrincipal> servicePrincipals = new ArrayList<>();
        nodes = array(root, "servicePrincipals", "");
        for (int i = 0; i < nodes.size(); i++) {
          servicePrincipals.add(servicePrincipal(nodes.get(i), "/servicePrincipals/" + i));
        }
        List<DirectoryGroup> groups = new ArrayList<>();
        nodes = array(root, "groups", "");
        for (int i = 0; i < nodes.size(); i++) {
          groups.add(group(nodes.get(i), "/groups/" + i));
        }
        List<DirectoryWorkspaceAssignment> assignments = new ArrayList<>();
        nodes = array(root, "workspaceAssignments", "");
        for (int i = 0; i < nodes.size(); i++) {
          assignments.add(assignment(nodes.get(i), "/workspaceAssignments/" + i));
        }
        directory.users(users).servicePrincipals(servicePrincipals).groups(groups).workspaceAssignments(assignments);
      }
      Directory result = directory.build();
      if (problems.isEmpty()) {
        return result;
      }
      List<DirectoryProblem> all = new ArrayList<>(problems);
      Set<String> formatLocations = new HashSet<>();
      problems.forEach(problem -> formatLocations.add(problem.location()));
      for (DirectoryProblem problem : result.validate(NO_LIMITS)) {
        if (!coveredByFormatProblem(formatLocations, problem.location())) {
          all.add(problem);
        }
      }
      throw new InvalidDirectoryException(all);
    }

    private boolean coveredByFormatProblem(Set<String> formatLocations, String location) {
      String at = location;
      while (true) {
        if (formatLocations.contains(at)) {
          return true;
        }
        int slash = at.lastIndexOf('/');
        if (slash < 0) {
          return false;
        }
        at = at.substring(0, slash);
      }
    }

    private DirectoryUser user(JsonNode node, String at) {
      if (!checkObject(node, at, USER_KEYS)) {
        return DirectoryUser.builder("").build();
      }
      return DirectoryUser.builder(orEmpty(text(node, "userName", at, true)))
          .displayName(Optional.ofNullable(text(node, "displayName", at, false)))
          .givenName(Optional.ofNullable(text(node, "givenName", at, false)))
          .familyName(Optional.ofNullable(text(node, "familyName", at, false)))
          .externalId(Optional.ofNullable(text(node, "externalId", at, false)))
          .active(bool(node, "active", at))
          .entitlements(texts(node, "entitlements", at))
          .build();
    }

    private DirectoryServicePrincipal servicePrincipal(JsonNode node, String at) {
      if (!checkObject(node, at, SERVICE_PRINCIPAL_KEYS)) {
        return DirectoryServicePrincipal.builder("").build();
      }
      return DirectoryServicePrincipal.builder(orEmpty(text(node, "applicationId", at, true)))
          .displayName(Optional.ofNullable(text(node, "displayName", at, false)))
          .externalId(Optional.ofNullable(text(node, "externalId", at, false)))
          .active(bool(node, "active", at))
          .entitlements(texts(node, "entitlements", at))
          .build();
    }

    private DirectoryGroup group(JsonNode node, String at) {
      if (!checkObject(node, at, GROUP_KEYS)) {
        return DirectoryGroup.builder("").build();
      }
      DirectoryGroup.Builder group = DirectoryGroup.builder(orEmpty(text(node, "displayName", at, true)))
          .externalId(Optional.ofNullable(text(node, "externalId", at, false)))
          .entitlements(texts(node, "entitlements", at));
      JsonNode members = node.get("members");
      String membersAt = at + "/members";
      if (members != null && !members.isNull() && checkObject(members, membersAt, MEMBER_KEYS)) {
        group.memberUsers(texts(members, "users", membersAt))
            .memberServicePrincipals(texts(members, "servicePrincipals", membersAt))
            .memberGroups(texts(members, "groups", membersAt));
      }
      return group.build();
    }

    private DirectoryWorkspaceAssignment assignment(JsonNode node, String at) {
      DirectoryWorkspaceAssignment placeholder =
          DirectoryWorkspaceAssignment.ofUser(0L, "", WorkspacePermission.USER);
      if (!checkObject(node, at, ASSIGNMENT_KEYS)) {
        return placeholder;
      }
      long workspaceId = 0L;
      JsonNode id = node.get("workspaceId");
      if (id == null || id.isNull()) {
        missing(at, "workspaceId");
      } else if (!id.isIntegralNumber() || !id.canConvertToLong()) {
        wrongType(at + "/workspaceId", "workspaceId", "an integer", id);
      } else {
        workspaceId = id.longValue();
      }
      PrincipalKind kind = null;
      String name = null;
      List<String> named = new ArrayList<>();
      for (PrincipalKind candidate : PrincipalKind.values()) {
        String key = principalKey(candidate);
        String value = text(node, key, at, false);
        if (node.hasNonNull(key)) {
          named.add(key);
        }
        if (value != null && kind == null) {
          kind = candidate;
          name = value;
        }
      }
      if (named.size() != 1) {
        problems.add(DirectoryProblem.of(at, Code.ASSIGNMENT_PRINCIPAL_COUNT, named.isEmpty()
            ? "workspace assignment names no principal: give exactly one of user, servicePrincipal, group"
            : "workspace assignment names " + named.size() + " principals (" + String.join(", ", named)
                + "): give exactly one of user, servicePrincipal, group"));
      }
      WorkspacePermission permission = WorkspacePermission.USER;
      String permissionText = text(node, "permission", at, true);
      if (permissionText != null) {
        if (permissionText.equals("USER") || permissionText.equals("ADMIN")) {
          permission = WorkspacePermission.valueOf(permissionText);
        } else {
          problems.add(DirectoryProblem.of(at + "/permission", Code.INVALID_PERMISSION,
              "permission \"" + Excerpt.of(permissionText) + "\" is not USER or ADMIN"));
        }
      }
      if (kind == null) {
        return placeholder;
      }
      return DirectoryWorkspaceAssignment.of(workspaceId, kind, name, permission);
    }

    private boolean checkObject(JsonNode node, String at, Set<String> allowed) {
      if (!node.isObject()) {
        wrongType(at, at.isEmpty() ? "the directory" : "this entry", "an object", node);
        return false;
      }
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!allowed.contains(name)) {
          problems.add(DirectoryProblem.of(at + "/" + Excerpt.of(escape(name)), Code.UNKNOWN_KEY,
              "unknown key \"" + Excerpt.of(name) + "\"" + suggestion(name, allowed) + "; allowed keys: "
                  + String.join(", ", allowed)));
        }
      }
      return true;
    }

    private List<JsonNode> array(JsonNode parent, String key, String at) {
      JsonNode node = parent.get(key);
      if (node == null || node.isNull()) {
        return Collections.emptyList();
      }
      if (!node.isArray()) {
        wrongType(at + "/" + key, key, "an array", node);
        return Collections.emptyList();
      }
      List<JsonNode> elements = new ArrayList<>(node.size());
      node.forEach(elements::add);
      return elements;
    }

    private String text(JsonNode parent, String key, String at, boolean required) {
      JsonNode node = parent.get(key);
      if (node == null || node.isNull()) {
        if (required) {
          missing(at, key);
        }
        return null;
      }
      if (!node.isTextual()) {
        wrongType(at + "/" + key, key, "a string", node);
        return null;
      }
      return node.textValue();
    }

    private boolean bool(JsonNode parent, String key, String at) {
      JsonNode node = parent.get(key);
      if (node == null || node.isNull()) {
        return true;
      }
      if (!node.isBoolean()) {
        wrongType(at + "/" + key, key, "true or false", node);
        return true;
      }
      return node.booleanValue();
    }

    private List<String> texts(JsonNode parent, String key, String at) {
      List<JsonNode> nodes = array(parent, key, at);
      List<String> values = new ArrayList<>(nodes.size());
      for (int i = 0; i < nodes.size(); i++) {
        JsonNode node = nodes.get(i);
        if (node.isTextual()) {
          values.add(node.textValue());
        } else {
          wrongType(at + "/" + key + "/" + i, key + " element", "a string", node);
          values.add("");
        }
      }
      return values;
    }

    private void missing(String at, String key) {
      problems.add(DirectoryProblem.of(at + "/" + key, Code.MISSING_FIELD, "required key \"" + key + "\" is missing"));
    }

    private void wrongType(String at, String what, String expected, JsonNode actual) {
      problems.add(DirectoryProblem.of(at, Code.WRONG_TYPE,
          what + " must be " + expected + ", not " + describe(actual)));
    }

    private static String describe(JsonNode node) {
      switch (node.getNodeType()) {
        case ARRAY:
          return "an array";
        case OBJECT:
          return "an object";
        case STRING:
          return "a string";
        case BOOLEAN:
          return "a boolean";
        case NUMBER:
          return "the number " + Excerpt.of(node.asText());
        case NULL:
          return "null";
        default:
          return node.getNodeType().name().toLowerCase(Locale.ROOT);
      }
    }

    private static String suggestion(String name, Set<String> allowed) {
      for (String key : allowed) {
        if (key.equalsIgnoreCase(name)) {
          return " (did you mean \"" + key + "\"? keys are case-sensitive)";
        }
      }
      return "";
    }

    private static String escape(String key) {
      return key.replace("~", "~0").replace("/", "~1");
    }

    private static String orEmpty(String value) {
      return value == null ? "" : value;
    }
  }
}
