package dev.dbscim.client.sync;

import dev.dbscim.client.internal.Excerpt;
import dev.dbscim.client.sync.DirectoryProblem.Code;
import dev.dbscim.core.model.Entitlement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds every problem in a directory in one pass per section, with hash maps for lookups and an iterative depth-first
 * search for group cycles (no recursion, so chains of any depth are fine).
 */
final class DirectoryValidator {
  private static final int MAX_CYCLE_NAMES_SHOWN = 20;

  private final Directory directory;
  private final DirectoryLimits limits;
  private final List<DirectoryProblem> problems = new ArrayList<>();
  private final Map<String, Integer> userIndex = new HashMap<>();
  private final Map<String, Integer> servicePrincipalIndex = new HashMap<>();
  private final Map<String, Integer> groupIndex = new HashMap<>();

  DirectoryValidator(Directory directory, DirectoryLimits limits) {
    this.directory = directory;
    this.limits = limits;
  }

  List<DirectoryProblem> validate() {
    checkLimits();
    checkUsers();
    checkServicePrincipals();
    int[][] groupEdges = checkGroups();
    checkCycles(groupEdges);
    checkAssignments();
    return List.copyOf(problems);
  }

  private void checkLimits() {
    int principals = directory.users().size() + directory.servicePrincipals().size();
    if (principals > limits.maxPrincipals()) {
      add("", Code.TOO_MANY_PRINCIPALS, "the directory has " + principals
          + " users and service principals; the limit is " + limits.maxPrincipals());
    }
    int groups = directory.groups().size();
    if (groups > limits.maxGroups()) {
      add("", Code.TOO_MANY_GROUPS, "the directory has " + groups + " groups; the limit is " + limits.maxGroups());
    }
  }

  private void checkUsers() {
    Map<String, Integer> externalIds = new HashMap<>();
    List<DirectoryUser> users = directory.users();
    for (int i = 0; i < users.size(); i++) {
      DirectoryUser user = users.get(i);
      String at = "/users/" + i;
      if (isBlank(user.userName())) {
        add(at + "/userName", Code.BLANK_FIELD, "userName must not be blank");
      } else {
        checkLength(user.userName(), at, "userName", DirectoryLimits.MAX_USER_NAME_LENGTH);
        Integer first = userIndex.putIfAbsent(normalize(user.userName()), i);
        if (first != null) {
          add(at + "/userName", Code.DUPLICATE_USER_NAME, "user name " + quote(user.userName())
              + " is already used by /users/" + first + " (user names are compared ignoring case)");
        }
      }
      checkLength(user.displayName().orElse(null), at, "displayName", DirectoryLimits.MAX_NAME_LENGTH);
      checkLength(user.givenName().orElse(null), at, "givenName", DirectoryLimits.MAX_NAME_LENGTH);
      checkLength(user.familyName().orElse(null), at, "familyName", DirectoryLimits.MAX_NAME_LENGTH);
      checkExternalId(externalIds, user.externalId().orElse(null), at, "users");
      checkEntitlements(user.entitlements(), at);
    }
  }

  private void checkServicePrincipals() {
    Map<String, Integer> externalIds = new HashMap<>();
    List<DirectoryServicePrincipal> servicePrincipals = directory.servicePrincipals();
    for (int i = 0; i < servicePrincipals.size(); i++) {
      DirectoryServicePrincipal servicePrincipal = servicePrincipals.get(i);
      String at = "/servicePrincipals/" + i;
      String applicationId = servicePrincipal.applicationId();
      if (isBlank(applicationId)) {
        add(at + "/applicationId", Code.BLANK_FIELD, "applicationId must not be blank");
      } else if (!isUuid(applicationId)) {
        add(at + "/applicationId", Code.MALFORMED_APPLICATION_ID,
            "application id " + quote(applicationId) + " is not a UUID such as 01234567-89ab-cdef-0123-456789abcdef");
      } else {
        Integer first = servicePrincipalIndex.putIfAbsent(normalize(applicationId), i);
        if (first != null) {
          add(at + "/applicationId", Code.DUPLICATE_APPLICATION_ID, "application id " + quote(applicationId)
              + " is already used by /servicePrincipals/" + first);
        }
      }
      checkLength(servicePrincipal.displayName().orElse(null), at, "displayName", DirectoryLimits.MAX_NAME_LENGTH);
      checkExternalId(externalIds, servicePrincipal.externalId().orElse(null), at, "servicePrincipals");
      checkEntitlements(servicePrincipal.entitlements(), at);
    }
  }

  /** Checks the groups and returns, for each group, the indexes of its member groups (-1 where unresolved). */
  private int[][] checkGroups() {
    List<DirectoryGroup> groups = directory.groups();
    List<Integer> duplicateOf = new ArrayList<>(groups.size());
    for (int i = 0; i < groups.size(); i++) {
      String name = groups.get(i).displayName();
      Integer first = isBlank(name) ? null : groupIndex.putIfAbsent(normalize(name), i);
      duplicateOf.add(first);
    }
    Map<String, Integer> externalIds = new HashMap<>();
    int[][] edges = new int[groups.size()][];
    for (int i = 0; i < groups.size(); i++) {
      DirectoryGroup group = groups.get(i);
      String at = "/groups/" + i;
      if (isBlank(group.displayName())) {
        add(at + "/displayName", Code.BLANK_FIELD, "displayName must not be blank");
      } else if (duplicateOf.get(i) != null) {
        add(at + "/displayName", Code.DUPLICATE_GROUP_NAME, "group name " + quote(group.displayName())
            + " is already used by /groups/" + duplicateOf.get(i) + " (group names are compared ignoring case)");
      }
      checkLength(group.displayName(), at, "displayName", DirectoryLimits.MAX_NAME_LENGTH);
      checkExternalId(externalIds, group.externalId().orElse(null), at, "groups");
      checkMembers(group.memberUsers(), userIndex, at + "/members/users/", "user", group.displayName());
      checkMembers(group.memberServicePrincipals(), servicePrincipalIndex, at + "/members/servicePrincipals/",
          "service principal", group.displayName());
      edges[i] = checkMembers(group.memberGroups(), groupIndex, at + "/members/groups/", "group", group.displayName());
      checkEntitlements(group.entitlements(), at);
    }
    return edges;
  }

  private int[] checkMembers(
      List<String> names, Map<String, Integer> index, String at, String kind, String groupName) {
    int[] resolved = new int[names.size()];
    Set<String> seen = new HashSet<>();
    for (int k = 0; k < names.size(); k++) {
      String name = names.get(k);
      String key = normalize(name);
      resolved[k] = -1;
      if (isBlank(name)) {
        add(at + k, Code.BLANK_FIELD, "member " + kind + " names must not be blank");
      } else if (!seen.add(key)) {
        add(at + k, Code.DUPLICATE_MEMBER, kind + " " + quote(name) + " is listed twice in group " + quote(groupName));
      } else {
        Integer target = index.get(key);
        if (target == null) {
          add(at + k, Code.UNKNOWN_MEMBER, "member " + kind + " " + quote(name) + " of group " + quote(groupName)
              + " is not in the directory");
        } else {
          resolved[k] = target;
        }
      }
    }
    return resolved;
  }

  private void checkCycles(int[][] edges) {
    int count = edges.length;
    byte[] state = new byte[count]; // 0 unvisited, 1 on the current path, 2 done
    int[] pathNode = new int[count];
    int[] pathEdge = new int[count];
    int[] depthOf = new int[count];
    List<DirectoryGroup> groups = directory.groups();
    for (int start = 0; start < count; start++) {
      if (state[start] != 0) {
        continue;
      }
      int depth = 0;
      pathNode[0] = start;
      pathEdge[0] = 0;
      depthOf[start] = 0;
      state[start] = 1;
      while (depth >= 0) {
        int node = pathNode[depth];
        int[] out = edges[node];
        if (pathEdge[depth] == out.length) {
          state[node] = 2;
          depth--;
          continue;
        }
        int edge = pathEdge[depth]++;
        int next = out[edge];
        if (next < 0 || state[next] == 2) {
          continue;
        }
        if (state[next] == 1) {
          add("/groups/" + node + "/members/groups/" + edge, Code.GROUP_CYCLE,
              "group cycle: " + describeCycle(groups, pathNode, depthOf[next], depth));
          continue;
        }
        depth++;
        pathNode[depth] = next;
        pathEdge[depth] = 0;
        depthOf[next] = depth;
        state[next] = 1;
      }
    }
  }

  private static String describeCycle(List<DirectoryGroup> groups, int[] pathNode, int from, int to) {
    StringBuilder text = new StringBuilder();
    int length = to - from + 1;
    for (int d = from; d <= to; d++) {
      if (d - from == MAX_CYCLE_NAMES_SHOWN && length > MAX_CYCLE_NAMES_SHOWN + 1) {
        text.append("(").append(to - d).append(" more groups) -> ");
        d = to;
      }
      text.append(quote(groups.get(pathNode[d]).displayName())).append(" -> ");
    }
    text.append(quote(groups.get(pathNode[from]).displayName()));
    if (length > 1) {
      text.append(" (").append(length).append(" groups)");
    }
    return text.toString();
  }

  private void checkAssignments() {
    Set<String> seen = new HashSet<>();
    List<DirectoryWorkspaceAssignment> assignments = directory.workspaceAssignments();
    for (int i = 0; i < assignments.size(); i++) {
      DirectoryWorkspaceAssignment assignment = assignments.get(i);
      String at = "/workspaceAssignments/" + i;
      if (assignment.workspaceId() <= 0) {
        add(at + "/workspaceId", Code.INVALID_WORKSPACE_ID,
            "workspace id " + assignment.workspaceId() + " is not a positive number");
      }
      String key = DirectoryJson.principalKey(assignment.principalKind());
      String name = assignment.principalName();
      if (isBlank(name)) {
        add(at + "/" + key, Code.BLANK_FIELD, key + " must not be blank");
        continue;
      }
      if (!indexFor(assignment.principalKind()).containsKey(normalize(name))) {
        add(at + "/" + key, Code.UNKNOWN_ASSIGNMENT_PRINCIPAL,
            describe(assignment.principalKind()) + " " + quote(name) + " is not in the directory");
      }
      if (!seen.add(assignment.workspaceId() + "\u0000" + assignment.principalKind() + "\u0000" + normalize(name))) {
        add(at, Code.DUPLICATE_ASSIGNMENT, describe(assignment.principalKind()) + " " + quote(name)
            + " is assigned to workspace " + assignment.workspaceId() + " more than once");
      }
    }
  }

  private Map<String, Integer> indexFor(PrincipalKind kind) {
    switch (kind) {
      case USER:
        return userIndex;
      case SERVICE_PRINCIPAL:
        return servicePrincipalIndex;
      default:
        return groupIndex;
    }
  }

  private static String describe(PrincipalKind kind) {
    switch (kind) {
      case USER:
        return "user";
      case SERVICE_PRINCIPAL:
        return "service principal";
      default:
        return "group";
    }
  }

  private void checkExternalId(Map<String, Integer> seen, String externalId, String at, String section) {
    if (externalId == null) {
      return;
    }
    if (isBlank(externalId)) {
      add(at + "/externalId", Code.BLANK_FIELD, "externalId must not be blank when present");
      return;
    }
    checkLength(externalId, at, "externalId", DirectoryLimits.MAX_EXTERNAL_ID_LENGTH);
    Integer first = seen.putIfAbsent(externalId, indexOf(at));
    if (first != null) {
      add(at + "/externalId", Code.DUPLICATE_EXTERNAL_ID,
          "external id " + quote(externalId) + " is already used by /" + section + "/" + first);
    }
  }

  private void checkEntitlements(List<String> entitlements, String at) {
    for (int k = 0; k < entitlements.size(); k++) {
      String value = entitlements.get(k);
      if (Entitlement.fromValue(value).isEmpty()) {
        add(at + "/entitlements/" + k, Code.UNKNOWN_ENTITLEMENT, "entitlement " + quote(value)
            + " is not one of " + KNOWN_ENTITLEMENTS);
      }
    }
  }

  private static final String KNOWN_ENTITLEMENTS = knownEntitlements();

  private static String knownEntitlements() {
    List<String> values = new ArrayList<>();
    for (Entitlement entitlement : Entitlement.values()) {
      values.add(entitlement.value());
    }
    return String.join(", ", values);
  }

  /** Reports a value longer than {@code max} by its length, never by the value itself. */
  private void checkLength(String value, String at, String key, int max) {
    if (value != null && value.length() > max) {
      add(at + "/" + key, Code.VALUE_TOO_LONG, "the value of " + key + " has " + value.length()
          + " characters; the limit is " + max);
    }
  }

  /** Returns the value in double quotes, shortened for a message. */
  static String quote(String value) {
    return "\"" + Excerpt.of(value) + "\"";
  }

  private static int indexOf(String at) {
    return Integer.parseInt(at.substring(at.lastIndexOf('/') + 1));
  }

  private void add(String location, Code code, String message) {
    problems.add(DirectoryProblem.of(location, code, message));
  }

  static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  static boolean isBlank(String value) {
    return value.isBlank();
  }

  static boolean isUuid(String value) {
    if (value.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = value.charAt(i);
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        if (c != '-') {
          return false;
        }
      } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }
}
