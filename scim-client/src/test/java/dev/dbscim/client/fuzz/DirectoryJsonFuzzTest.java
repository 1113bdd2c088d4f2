package dev.dbscim.client.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.client.sync.Directory;
import dev.dbscim.client.sync.DirectoryJson;
import dev.dbscim.client.sync.InvalidDirectoryException;
import dev.dbscim.core.json.ScimJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile input for {@link DirectoryJson#read(String)}: mutated directory files (wrong JSON types everywhere, missing
 * and unknown keys, repeated keys), damaged text, garbage, deep nesting and huge values. It either returns a directory
 * that writes and reads back equal, or throws {@link InvalidDirectoryException}; nothing else escapes, nothing hangs.
 *
 * <p>Cases come from a seeded {@link Random}, one fixed seed per case; a failure names the seed and the input. 3,000
 * cases by default, 100,000 under the {@code soak} profile ({@code -Ddbscim.soak=true}).
 */
@Timeout(600) // a bound for the soak sizes (about 60 s per test here); the default sizes take a few seconds
class DirectoryJsonFuzzTest {
  static final boolean SOAK = Boolean.getBoolean("dbscim.soak");
  static final int CASES = SOAK ? 100_000 : 3_000;
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final String SEED = "{\"$schema\":\"https://example.com/directory.schema.json\","
      + "\"users\":[{\"userName\":\"ada@example.com\",\"displayName\":\"Ada Lovelace\",\"givenName\":\"Ada\","
      + "\"familyName\":\"Lovelace\",\"externalId\":\"idp-1\",\"active\":true,\"entitlements\":[\"workspace-access\"]},"
      + "{\"userName\":\"bo@example.com\"}],"
      + "\"servicePrincipals\":[{\"applicationId\":\"9f0c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b\",\"displayName\":\"etl\","
      + "\"externalId\":\"idp-sp-1\",\"active\":true}],"
      + "\"groups\":[{\"displayName\":\"data-eng\",\"externalId\":\"idp-g-1\",\"members\":{\"users\":"
      + "[\"ada@example.com\"],\"servicePrincipals\":[\"9f0c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b\"],\"groups\":"
      + "[\"analysts\"]},\"entitlements\":[\"databricks-sql-access\"]},{\"displayName\":\"analysts\"}],"
      + "\"workspaceAssignments\":[{\"workspaceId\":1001,\"group\":\"data-eng\",\"permission\":\"USER\"},"
      + "{\"workspaceId\":1002,\"user\":\"ada@example.com\",\"permission\":\"ADMIN\"}]}";
  static final String[] KEYS = {"$schema", "users", "servicePrincipals", "groups", "workspaceAssignments", "userName",
      "USERNAME", "displayName", "givenName", "familyName", "externalId", "active", "entitlements", "applicationId",
      "members", "workspaceId", "user", "servicePrincipal", "group", "permission", "", "\u0000", "x"};
  static final String[] STRINGS = {"", " ", "ada@example.com", "ADA@EXAMPLE.COM", "data-eng", "analysts", "USER",
      "ADMIN", "user", "NONE", "workspace-access", "bogus", "9f0c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b", "not-a-uuid",
      "\u0000", "\ud800", "\u202e", "1001", "-1", "9223372036854775808"};

  @Test
  void read_mutatedDirectories_returnsRoundTrippingDirectoryOrThrowsInvalidDirectoryException() {
    JsonNode seed = ScimJson.read(SEED, JsonNode.class);
    assertThat(DirectoryJson.read(SEED).users()).hasSize(2);
    int accepted = 0;
    for (int i = 0; i < CASES; i++) {
      long caseSeed = 0xD12EL * 31 + i;
      Random random = new Random(caseSeed);
      String text = mutatedText(seed, random);
      if (check(caseSeed, text)) {
        accepted++;
      }
    }
    assertThat(accepted).as("mutations that still read").isPositive().isLessThan(CASES);
  }

  @Test
  void read_garbage_throwsInvalidDirectoryException() {
    for (int i = 0; i < CASES; i++) {
      long caseSeed = 0x6A2BL * 17 + i;
      Random random = new Random(caseSeed);
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(60);
      String alphabet = "{}[]\":,0123456789.eE+-truefalsn \\u\t";
      for (int c = 0; c < length; c++) {
        text.append(random.nextBoolean() ? alphabet.charAt(random.nextInt(alphabet.length()))
            : (char) random.nextInt(0x10000));
      }
      check(caseSeed, text.toString());
    }
  }

  @Test
  void read_deepOrHugeInput_throwsInvalidDirectoryExceptionOrReadsInTime() {
    List<String> inputs = new ArrayList<>();
    inputs.add(repeat("[", 100_000) + repeat("]", 100_000));
    inputs.add(repeat("{\"users\":", 100_000) + "[]" + repeat("}", 100_000));
    inputs.add("{\"users\":[{\"userName\":\"a@b.c\",\"displayName\":" + repeat("[", 100_000) + "]}]}");
    inputs.add(repeat("[", 100_000));
    inputs.add("{\"users\":[{\"userName\":\"" + repeat("x", 21_000_000) + "\"}]}");
    inputs.add("{\"workspaceAssignments\":[{\"workspaceId\":1" + repeat("0", 100_000) + ",\"group\":\"g\","
        + "\"permission\":\"USER\"}]}");
    StringBuilder many = new StringBuilder("{\"users\":[");
    int users = SOAK ? 200_000 : 20_000;
    for (int i = 0; i < users; i++) {
      many.append(i == 0 ? "" : ",").append("{\"userName\":\"u").append(i % 1000).append("@example.com\"}");
    }
    inputs.add(many.append("]}").toString());
    for (String input : inputs) {
      check(-1, input);
    }
  }

  /** Reads under a watchdog; returns whether the text was accepted. */
  static boolean check(long seed, String text) {
    try {
      return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
        Directory directory;
        try {
          directory = DirectoryJson.read(text);
        } catch (InvalidDirectoryException e) {
          assertThat(e.problems()).isNotEmpty();
          assertThat(e.getMessage()).isNotNull();
          return false;
        }
        String written = DirectoryJson.write(directory);
        assertThat(DirectoryJson.read(written)).isEqualTo(directory);
        return true;
      }, () -> "seed " + seed + ", input " + excerpt(text));
    } catch (AssertionError e) {
      throw e;
    } catch (Throwable t) {
      throw new AssertionError("unexpected " + t + " for seed " + seed + ", input " + excerpt(text), t);
    }
  }

  static String mutatedText(JsonNode seed, Random random) {
    JsonNode tree = seed.deepCopy();
    int mutations = 1 + random.nextInt(4);
    for (int m = 0; m < mutations; m++) {
      tree = mutate(tree, random);
    }
    String text = ScimJson.write(tree);
    if (random.nextInt(4) == 0) {
      StringBuilder out = new StringBuilder(text);
      int at = random.nextInt(out.length() + 1);
      switch (random.nextInt(4)) {
        case 0:
          out.setLength(at);
          break;
        case 1:
          out.insert(at, (char) random.nextInt(0x10000));
          break;
        case 2:
          int brace = out.indexOf("{", at);
          if (brace >= 0) {
            out.insert(brace + 1, "\"" + KEYS[random.nextInt(KEYS.length)] + "\":1,");
          }
          break;
        default:
          if (at < out.length()) {
            out.deleteCharAt(at);
          }
      }
      text = out.toString();
    }
    return text;
  }

  static JsonNode mutate(JsonNode root, Random random) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    if (containers.isEmpty() || random.nextInt(30) == 0) {
      return value(random, 2);
    }
    JsonNode target = containers.get(random.nextInt(containers.size()));
    if (target.isObject()) {
      ObjectNode object = (ObjectNode) target;
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      int choice = random.nextInt(4);
      if (choice == 0 && !names.isEmpty()) {
        object.remove(names.get(random.nextInt(names.size())));
      } else if (choice <= 2 && !names.isEmpty()) {
        object.set(names.get(random.nextInt(names.size())), value(random, 2));
      } else {
        object.set(KEYS[random.nextInt(KEYS.length)], value(random, 2));
      }
    } else {
      ArrayNode array = (ArrayNode) target;
      if (!array.isEmpty() && random.nextBoolean()) {
        array.set(random.nextInt(array.size()), value(random, 2));
      } else {
        array.add(random.nextBoolean() && !array.isEmpty() ? array.get(0).deepCopy() : value(random, 2));
      }
    }
    return root;
  }

  static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        collect(it.next(), out);
      }
    }
  }

  static JsonNode value(Random random, int depth) {
    switch (random.nextInt(depth <= 0 ? 6 : 9)) {
      case 0:
        return NODES.nullNode();
      case 1:
        return NODES.booleanNode(random.nextBoolean());
      case 2:
        return NODES.numberNode(random.nextInt(5) == 0 ? Long.MAX_VALUE : random.nextInt(3000) - 1);
      case 3:
        return NODES.numberNode(random.nextDouble() * 1e20);
      case 4:
      case 5:
        return NODES.textNode(STRINGS[random.nextInt(STRINGS.length)]);
      case 6: {
        ObjectNode object = NODES.objectNode();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
          object.set(KEYS[random.nextInt(KEYS.length)], value(random, depth - 1));
        }
        return object;
      }
      default: {
        ArrayNode array = NODES.arrayNode();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
          array.add(value(random, depth - 1));
        }
        return array;
      }
    }
  }

  static String excerpt(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "...(" + text.length() + " chars)";
  }

  static String repeat(String s, int times) {
    return String.join("", Collections.nCopies(times, s));
  }
}
