package dev.dbscim.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.client.api.ObjectTie;
import dev.dbscim.client.api.WorkspaceObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the items of the workspace object lists (tokens, jobs, clusters, SQL warehouses, queries, alerts, legacy and
 * Lakeview dashboards) into {@link WorkspaceObject}s. An item that is not an object or has no id makes the answer
 * unusable: it is never skipped, so a bad answer cannot read as "owns nothing".
 */
final class ObjectWire {
  private static final String UNAVAILABLE = "Unavailable";

  private ObjectWire() {}

  /** One successful answer being read: the response (for its error path), its JSON and what it should have been. */
  static final class Answer {
    final ScimResponse response;
    final JsonNode json;
    final String what;

    Answer(ScimResponse response, String what) {
      this.response = response;
      this.what = what;
      this.json = response.json();
      if (!json.isObject()) {
        throw fail(response.hasBody() ? "not a JSON object" : "the body is empty");
      }
    }

    RuntimeException fail(String problem) {
      return response.unusable(problem, what);
    }

    /**
     * Returns the array in a field; an absent or null field is an empty array when {@code absentIsEmpty}, an
     * unusable answer otherwise, and any other value is always one.
     */
    List<JsonNode> items(String field, boolean absentIsEmpty) {
      JsonNode value = json.get(field);
      if (value == null || value.isNull()) {
        if (absentIsEmpty) {
          return new ArrayList<>();
        }
        throw fail("\"" + field + "\" is missing");
      }
      if (!value.isArray()) {
        throw fail("\"" + field + "\" is not an array");
      }
      List<JsonNode> out = new ArrayList<>(value.size());
      value.forEach(out::add);
      return out;
    }

    /** Returns a text field, null when absent, null or empty; an unusable answer when it is not text. */
    String optionalText(String field) {
      JsonNode value = json.get(field);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isTextual()) {
        throw fail("\"" + field + "\" is not a string");
      }
      return value.asText().isEmpty() ? null : value.asText();
    }

    /** Returns a whole number field that must be present and not negative. */
    long count(String field) {
      JsonNode value = json.get(field);
      if (value == null || value.isNull()) {
        throw fail("\"" + field + "\" is missing");
      }
      if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
        throw fail("\"" + field + "\" is not a non-negative whole number");
      }
      return value.asLong();
    }
  }

  /**
   * Reads one list item.
   *
   * @param kind the kind listed
   * @param item the item
   * @param index its place in the answer, from 0
   * @param answer the answer it came in
   * @return the object
   */
  static WorkspaceObject read(WorkspaceObject.Kind kind, JsonNode item, int index, Answer answer) {
    if (!item.isObject()) {
      throw answer.fail("item " + index + " is not an object");
    }
    switch (kind) {
      case TOKEN:
        return token(item, index, answer);
      case JOB:
        return job(item, index, answer);
      case CLUSTER:
        return cluster(item, index, answer);
      case WAREHOUSE:
        return base(kind, item, index, answer, "id", "name")
            .addAllTies(ties(ObjectTie.Role.CREATOR, text(item, "creator_name")))
            .active(false).state(orEmpty(text(item, "state"))).build();
      case QUERY:
        return query(item, index, answer);
      case ALERT:
        String owner = text(item, "owner_user_name");
        return base(kind, item, index, answer, "id", "display_name")
            .addAllTies(ties(ObjectTie.Role.OWNER, UNAVAILABLE.equals(owner) ? null : owner))
            .active(false).build();
      case DASHBOARD:
        return legacyDashboard(item, index, answer);
      default:
        return base(kind, item, index, answer, "dashboard_id", "display_name").active(false).build();
    }
  }

  private static WorkspaceObject token(JsonNode item, int index, Answer answer) {
    Long ownerId = number(item, "owner_id");
    Long creatorId = number(item, "created_by_id");
    String creatorName = text(item, "created_by_username");
    List<ObjectTie> ties = new ArrayList<>();
    if (ownerId == null) {
      // No owner field: the token is its creator's (tokens made on behalf of another carry owner_id).
      ties.addAll(ties(ObjectTie.Role.OWNER, creatorId, creatorName));
    } else {
      boolean selfMade = ownerId.equals(creatorId);
      ties.add(ObjectTie.of(ObjectTie.Role.OWNER, ownerId, selfMade ? creatorName : null));
      if (!selfMade) {
        ties.addAll(ties(ObjectTie.Role.CREATOR, creatorId, creatorName));
      }
    }
    Long expiry = number(item, "expiry_time");
    WorkspaceObject.Builder builder = base(WorkspaceObject.Kind.TOKEN, item, index, answer, "token_id",
        "comment").addAllTies(ties).active(true);
    if (expiry != null && expiry > 0) {
      Instant at = Instant.ofEpochMilli(expiry);
      builder.expiresAt(at).state("expires " + at.atOffset(ZoneOffset.UTC).toLocalDate());
    } else {
      builder.state("never expires");
    }
    return builder.build();
  }

  private static WorkspaceObject job(JsonNode item, int index, Answer answer) {
    JsonNode settings = item.path("settings");
    List<ObjectTie> ties = new ArrayList<>(ties(ObjectTie.Role.CREATOR, text(item, "creator_user_name")));
    JsonNode runAs = settings.path("run_as");
    String runAsName = text(runAs, "user_name");
    ties.addAll(ties(ObjectTie.Role.RUN_AS, runAsName != null ? runAsName : text(runAs, "service_principal_name")));
    String state = "";
    boolean active = false;
    String[][] triggers = {{"schedule", "scheduled"}, {"continuous", "continuous"}, {"trigger", "triggered"}};
    for (String[] trigger : triggers) {
      JsonNode value = settings.get(trigger[0]);
      if (value == null || !value.isObject()) {
        continue;
      }
      if ("PAUSED".equalsIgnoreCase(text(value, "pause_status"))) {
        state = state.isEmpty() ? "paused" : state;
      } else {
        state = trigger[1];
        active = true;
        break;
      }
    }
    return base(WorkspaceObject.Kind.JOB, item, index, answer, "job_id", null).name(orEmpty(text(settings, "name")))
        .addAllTies(ties).active(active).state(state).build();
  }

  private static WorkspaceObject cluster(JsonNode item, int index, Answer answer) {
    String state = orEmpty(text(item, "state"));
    boolean active;
    switch (state) {
      case "PENDING":
      case "RUNNING":
      case "RESTARTING":
      case "RESIZING":
        active = true;
        break;
      default:
        active = false;
    }
    return base(WorkspaceObject.Kind.CLUSTER, item, index, answer, "cluster_id", "cluster_name")
        .addAllTies(ties(ObjectTie.Role.CREATOR, text(item, "creator_user_name")))
        .addAllTies(ties(ObjectTie.Role.SINGLE_USER, text(item, "single_user_name")))
        .active(active).state(state).build();
  }

  private static WorkspaceObject query(JsonNode item, int index, Answer answer) {
    String mode = orEmpty(text(item, "run_as_mode")).toUpperCase(Locale.ROOT);
    return base(WorkspaceObject.Kind.QUERY, item, index, answer, "id", "display_name")
        .addAllTies(ties(ObjectTie.Role.OWNER, text(item, "owner_user_name")))
        .active(mode.equals("OWNER"))
        .state(mode.equals("OWNER") ? "run as owner" : mode.equals("VIEWER") ? "run as viewer" : "")
        .build();
  }

  private static WorkspaceObject legacyDashboard(JsonNode item, int index, Answer answer) {
    JsonNode user = item.path("user");
    Long ownerId = number(item, "user_id");
    if (ownerId == null) {
      ownerId = number(user, "id");
    }
    // user.email is the owner's user name; user.name is a display name, which names no principal.
    return base(WorkspaceObject.Kind.DASHBOARD, item, index, answer, "id", "name")
        .addAllTies(ties(ObjectTie.Role.OWNER, ownerId, text(user, "email")))
        .active(false).build();
  }

  /**
   * Returns a builder with the kind, the id (required) and the name.
   *
   * @param nameField the name's field, or null when the caller sets it
   */
  private static WorkspaceObject.Builder base(WorkspaceObject.Kind kind, JsonNode item, int index,
      Answer answer, String idField, String nameField) {
    String id = text(item, idField);
    if (id == null) {
      throw answer.fail("item " + index + " has no \"" + idField + "\"");
    }
    WorkspaceObject.Builder builder = WorkspaceObject.builder().kind(kind).id(id);
    return nameField == null ? builder : builder.name(orEmpty(text(item, nameField)));
  }

  /** Returns the tie to a named principal, or none when the name is absent. */
  static List<ObjectTie> ties(ObjectTie.Role role, String principal) {
    List<ObjectTie> out = new ArrayList<>(1);
    if (principal != null) {
      out.add(ObjectTie.of(role, principal));
    }
    return out;
  }

  private static List<ObjectTie> ties(ObjectTie.Role role, Long principalId, String principal) {
    if (principalId == null) {
      return ties(role, principal);
    }
    List<ObjectTie> out = new ArrayList<>(1);
    out.add(ObjectTie.of(role, principalId, principal));
    return out;
  }

  /** Returns a scalar field as trimmed text, null when absent, null, blank or not a scalar. */
  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isValueNode() || value.isNull()) {
      return null;
    }
    String text = value.asText().trim();
    return text.isEmpty() ? null : text;
  }

  private static Long number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value != null && value.isIntegralNumber() && value.canConvertToLong()) {
      return value.asLong();
    }
    String text = value != null && value.isTextual() ? value.asText().trim() : "";
    if (text.matches("-?[0-9]{1,18}")) {
      return Long.parseLong(text);
    }
    return null;
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
