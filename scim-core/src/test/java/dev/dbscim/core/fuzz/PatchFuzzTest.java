package dev.dbscim.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.core.json.ScimJson;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.core.model.User;
import dev.dbscim.core.patch.PatchApplier;
import dev.dbscim.core.patch.PatchException;
import dev.dbscim.core.patch.PatchRequest;
import dev.dbscim.core.theory.Gens;
import dev.dbscim.core.theory.Theories;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Hostile PATCH requests: generated and mutated request JSON is read with {@link ScimJson#read} (only
 * {@link IllegalArgumentException}) and every request that reads is applied by {@link PatchApplier}, to JSON trees and
 * to typed users, groups and service principals (only {@link PatchException}; the input is never changed). Tries:
 * {@link Theories#FUZZ_TRIES} (1,000), 100,000 under the {@code soak} profile.
 */
class PatchFuzzTest {
  static final String[] PATHS = {
      "members", "members[value eq \"101\"]", "members[value eq \"101\"].display", "emails", "emails[type eq \"work\"]",
      "emails[type eq \"work\"].value", "emails[type eq \"work\" and primary eq true].value", "name", "name.givenName",
      "name.familyName", "displayName", "DISPLAYNAME", "active", "userName", "id", "meta", "meta.created",
      "externalId", "roles", "roles[value eq \"account_admin\"]", "entitlements", "entitlements[value eq \"x\"]",
      "groups", "applicationId", "schemas", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value", "x", "x.y", "members[",
      "members[value pr]", "members[not (value eq \"1\")]", "emails[value co \"@\" or type sw \"w\"].primary", "",
      " ", "members]", "a[b eq 1].c.d", "$ref", "members.value", "emails.value"};
  static final String[] OPS = {"add", "Add", "ADD", "replace", "Replace", "remove", "Remove", "REMOVE", "bogus", ""};
  static final List<JsonNode> RESOURCES = resources();
  static final List<PatchApplier> APPLIERS = List.of(PatchApplier.create(),
      PatchApplier.create(PatchApplier.Options.builder().strictRemove(true)
          .ignoredAttributes(List.of("userName", "emails")).build()));

  static List<JsonNode> resources() {
    List<JsonNode> resources = new ArrayList<>();
    for (String name : new String[] {"users/account-create-response", "users/workspace-get",
        "users/entra-create-request", "groups/workspace-create-response", "groups/account-group",
        "servicePrincipals/with-groups"}) {
      resources.add(JsonFuzz.fixture(name));
    }
    return resources;
  }

  @Test
  void readAndApply_hostileRequest_throwsOnlyDocumentedExceptionsAndNeverChangesInput() {
    Fuzz.forAll(requests(), PatchFuzzTest::readAndApply);
  }

  static void readAndApply(String json) {
    PatchRequest request;
    try {
      request = ScimJson.read(json, PatchRequest.class);
    } catch (IllegalArgumentException e) {
      return;
    }
    for (JsonNode resource : RESOURCES) {
      JsonNode before = resource.deepCopy();
      for (PatchApplier applier : APPLIERS) {
        try {
          ObjectNode patched = applier.apply(resource, request);
          assertThat(patched).isNotSameAs(resource);
        } catch (PatchException e) {
          assertThat(e.scimType()).isNotBlank();
        }
        applyTyped(applier, resource, request);
      }
      assertThat(resource).isEqualTo(before);
    }
  }

  private static void applyTyped(PatchApplier applier, JsonNode resource, PatchRequest request) {
    Object typed;
    try {
      typed = resource.has("members") ? ScimJson.fromTree(resource, Group.class)
          : resource.has("applicationId") ? ScimJson.fromTree(resource, ServicePrincipal.class)
          : ScimJson.fromTree(resource, User.class);
    } catch (IllegalArgumentException e) {
      return;
    }
    try {
      Object patched = applier.apply(typed, request);
      assertThat(patched).isNotNull().isInstanceOf(typed.getClass().getSuperclass());
    } catch (PatchException e) {
      assertThat(e.getMessage()).isNotNull();
    }
  }

  static Gen<String> requests() {
    return Gens.randoms().map(PatchFuzzTest::request);
  }

  static String request(Random random) {
    JsonFuzz fuzz = new JsonFuzz(random);
    ObjectNode request = JsonFuzz.NODES.objectNode();
    if (random.nextInt(4) != 0) {
      request.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:PatchOp");
    }
    ArrayNode operations = request.putArray(random.nextInt(6) == 0 ? "operations" : "Operations");
    int count = random.nextInt(5);
    for (int i = 0; i < count; i++) {
      ObjectNode operation = operations.addObject();
      operation.put("op", OPS[random.nextInt(OPS.length)]);
      if (random.nextInt(5) != 0) {
        String path = PATHS[random.nextInt(PATHS.length)];
        operation.put("path", random.nextInt(8) == 0 ? fuzz.damage(path) : path);
      }
      if (random.nextInt(6) != 0) {
        operation.set("value", patchValue(random, fuzz));
      }
    }
    String text = ScimJson.write(random.nextInt(3) == 0 ? fuzz.mutate(request) : request);
    return random.nextInt(10) == 0 ? fuzz.damage(text) : text;
  }

  private static JsonNode patchValue(Random random, JsonFuzz fuzz) {
    switch (random.nextInt(6)) {
      case 0: {
        ArrayNode members = JsonFuzz.NODES.arrayNode();
        members.addObject().put("value", "10" + random.nextInt(3)).put("$ref", (String) null);
        return members;
      }
      case 1:
        return JsonFuzz.NODES.objectNode().put("displayName", "x").put("name.givenName", "A")
            .put("active", "False").set("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                JsonFuzz.NODES.objectNode().put("employeeNumber", "7"));
      case 2:
        return JsonFuzz.NODES.arrayNode().addObject().put("value", "false");
      default:
        return fuzz.value(3);
    }
  }

  @Test
  void apply_deepAndLargeValues_failTypedOrSucceed() {
    int depth = 900;
    List<String> requests = new ArrayList<>();
    requests.add("{\"Operations\":[{\"op\":\"add\",\"path\":\"x\",\"value\":" + JsonFuzz.repeat("[", depth)
        + JsonFuzz.repeat("]", depth) + "}]}");
    requests.add("{\"Operations\":[{\"op\":\"add\",\"value\":" + JsonFuzz.repeat("{\"a.b\":", depth) + "1"
        + JsonFuzz.repeat("}", depth) + "}]}");
    requests.add("{\"Operations\":[" + JsonFuzz.repeat("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":"
        + "\"1\"}]},", 20_000) + "{\"op\":\"remove\",\"path\":\"members\"}]}");
    StringBuilder many = new StringBuilder("{\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[");
    for (int i = 0; i < 20_000; i++) {
      many.append(i == 0 ? "" : ",").append("{\"value\":\"").append(i).append("\"}");
    }
    requests.add(many.append("]},{\"op\":\"remove\",\"path\":\"members[value eq \\\"7\\\"]\"}]}").toString());
    requests.add("{\"Operations\":[{\"op\":\"add\",\"path\":\"" + JsonFuzz.repeat("a.", 40_000) + "b\",\"value\":1}]}");
    requests.add("{\"Operations\":[{\"op\":\"add\",\"path\":\"emails[" + JsonFuzz.repeat("(", 100_000)
        + "\",\"value\":1}]}");
    StringBuilder keys = new StringBuilder("{\"Operations\":[{\"op\":\"add\",\"value\":{");
    for (int i = 0; i < 100_000; i++) {
      keys.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
    }
    requests.add(keys.append("}}]}").toString());
    for (String json : requests) {
      Fuzz.only(json, () -> {
        if (Fuzz.SOAK) {
          readAndApply(json);
        } else {
          applyOnce(json);
        }
        return null;
      });
    }
  }

  /** The default build applies each large request once, to a group tree; the soak applies it everywhere. */
  private static void applyOnce(String json) {
    PatchRequest request = ScimJson.read(json, PatchRequest.class);
    try {
      APPLIERS.get(0).apply(RESOURCES.get(3), request);
    } catch (PatchException e) {
      assertThat(e.scimType()).isNotBlank();
    }
  }
}
