package dev.dbscim.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.core.json.ScimJson;
import dev.dbscim.core.model.EnterpriseUser;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.ListResponse;
import dev.dbscim.core.model.ScimError;
import dev.dbscim.core.model.ServicePrincipal;
import dev.dbscim.core.model.User;
import dev.dbscim.core.patch.PatchRequest;
import dev.dbscim.core.theory.Gens;
import dev.dbscim.core.theory.Theories;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Hostile JSON for the model readers ({@link ScimJson#read}, {@link ListResponse#read}): mutated fixtures, wrong JSON
 * types everywhere, damaged text, deep nesting and huge strings. Each reader either returns a value that writes and
 * reads back equal, or throws the documented {@link IllegalArgumentException}; nothing hangs. Tries:
 * {@link Theories#FUZZ_TRIES} (1,000), 100,000 under the {@code soak} profile.
 */
class ModelJsonFuzzTest {
  static final List<JsonNode> SEEDS = seeds();

  static List<JsonNode> seeds() {
    List<JsonNode> seeds = new ArrayList<>();
    for (String name : new String[] {"users/account-create-response", "users/okta-create-request",
        "users/entra-create-request", "users/workspace-get", "servicePrincipals/with-groups", "errors/not-found-404",
        "errors/invalid-filter-400", "errors/conflict-409", "errors/entitlements-invalid-value-400",
        "lists/service-principals-page", "lists/users-past-end", "lists/groups-page", "lists/users-page",
        "groups/workspace-create-response", "groups/account-group"}) {
      seeds.add(JsonFuzz.fixture(name));
    }
    for (String name : new String[] {"patches/databricks", "patches/rfc7644", "patches/identity-providers"}) {
      for (JsonNode example : JsonFuzz.fixture(name)) {
        seeds.add(example.get("request"));
        seeds.add(example.get("resource"));
      }
    }
    return seeds;
  }

  @Test
  void readers_mutatedJson_returnLosslessValueOrThrowIllegalArgumentException() {
    Fuzz.forAll(mutatedJson(), ModelJsonFuzzTest::readAll);
  }

  static List<Function<String, Object>> readers() {
    List<Function<String, Object>> readers = new ArrayList<>();
    for (Class<?> type : new Class<?>[] {User.class, Group.class, ServicePrincipal.class, ScimError.class,
        PatchRequest.class, EnterpriseUser.class}) {
      readers.add(text -> ScimJson.read(text, type));
    }
    for (Class<?> type : new Class<?>[] {User.class, Group.class, ServicePrincipal.class}) {
      readers.add(text -> ListResponse.read(text, type));
    }
    return readers;
  }

  static void readAll(String json) {
    for (Function<String, Object> reader : readers()) {
      roundTrip(json, reader);
    }
  }

  /**
   * Reads the text; a value read must write as JSON that reads back to a value written the same way (JSON numbers
   * may change form once, such as {@code 0.0} to {@code 0}, but nothing is lost).
   */
  private static void roundTrip(String json, Function<String, Object> reader) {
    Object value;
    try {
      value = reader.apply(json);
    } catch (IllegalArgumentException e) {
      return;
    }
    assertThat(value).isNotNull();
    String written = ScimJson.write(value);
    Object again = reader.apply(written);
    assertThat(ScimJson.write(again)).as("written as %s", written).isEqualTo(written);
    assertThat(again.toString()).isNotNull();
  }

  static Gen<String> mutatedJson() {
    return Gens.randoms().map(random -> new JsonFuzz(random).mutatedText(SEEDS));
  }

  @Test
  void readers_garbageText_throwIllegalArgumentException() {
    Fuzz.forAll(garbage(), ModelJsonFuzzTest::readAll);
  }

  static Gen<String> garbage() {
    return Gens.oneOf(
        Gens.strings(Gens.anyChar(), 0, 60),
        Gens.strings(Gens.charsOf("{}[]\":,0123456789.eE+-truefalsn \\u\t"), 0, 60),
        Gens.randoms().map(random -> new String(bytes(random), java.nio.charset.StandardCharsets.ISO_8859_1)));
  }

  private static byte[] bytes(Random random) {
    byte[] bytes = new byte[random.nextInt(64)];
    random.nextBytes(bytes);
    return bytes;
  }

  static List<String> hostileDocuments() {
    int depth = 100_000;
    List<String> docs = new ArrayList<>();
    docs.add(JsonFuzz.repeat("[", depth) + JsonFuzz.repeat("]", depth));
    docs.add(JsonFuzz.repeat("{\"a\":", depth) + "1" + JsonFuzz.repeat("}", depth));
    docs.add("{\"userName\":\"a\",\"x\":" + JsonFuzz.repeat("[", depth) + JsonFuzz.repeat("]", depth) + "}");
    docs.add("{\"userName\":\"a\",\"name\":" + JsonFuzz.repeat("{\"givenName\":", depth) + "\"x\""
        + JsonFuzz.repeat("}", depth) + "}");
    docs.add("{\"Operations\":[{\"op\":\"add\",\"value\":" + JsonFuzz.repeat("{\"a\":", depth) + "1"
        + JsonFuzz.repeat("}", depth) + "}]}");
    docs.add("{\"Resources\":" + JsonFuzz.repeat("[", depth) + JsonFuzz.repeat("]", depth) + "}");
    docs.add(JsonFuzz.repeat("[", depth));
    docs.add("{\"userName\":\"" + JsonFuzz.repeat("x", 21_000_000) + "\"}");
    docs.add("{\"userName\":\"a\",\"" + JsonFuzz.repeat("k", 100_000) + "\":1}");
    docs.add("{\"userName\":\"a\",\"n\":1" + JsonFuzz.repeat("0", 2_000_000) + "}");
    docs.add("{\"totalResults\":1e" + JsonFuzz.repeat("9", 2_000) + ",\"Resources\":[]}");
    int emails = Fuzz.SOAK ? 200_000 : 20_000;
    docs.add("{\"userName\":\"a\",\"emails\":[" + JsonFuzz.repeat("{\"value\":\"a@b\"},", emails)
        + "{\"value\":\"a@b\"}]}");
    docs.add("{\"userName\":\"a\"" + JsonFuzz.repeat(",\"userName\":\"b\"", 100_000) + "}");
    return docs;
  }

  @Test
  void readers_deepOrHugeJson_failTypedOrSucceedWithBoundedMemory() {
    List<Function<String, Object>> readers = readers();
    List<String> documents = hostileDocuments();
    for (int i = 0; i < documents.size(); i++) {
      String json = documents.get(i);
      // Every reader on every document under soak; by default each document meets one reader, in turn.
      List<Function<String, Object>> chosen = Fuzz.SOAK ? readers : List.of(readers.get(i % readers.size()));
      for (Function<String, Object> reader : chosen) {
        Fuzz.only(json, () -> {
          long before = Fuzz.allocatedBytes();
          roundTrip(json, reader);
          long allocated = Fuzz.allocatedBytes() - before;
          assertThat(allocated).as("bytes allocated for %s", Fuzz.describe(json))
              .isLessThan(100L * json.length() + (32 << 20));
          return null;
        });
      }
    }
  }
}
