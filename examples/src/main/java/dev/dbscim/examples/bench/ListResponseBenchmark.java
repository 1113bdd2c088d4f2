package dev.dbscim.examples.bench;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.core.json.SchemaUrns;
import dev.dbscim.core.json.ScimJson;
import dev.dbscim.core.model.ListResponse;
import dev.dbscim.core.model.User;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures reading one page of 100 Databricks users (about 60 KB of JSON, shaped like a workspace {@code GET /Users}
 * answer with an unknown attribute and an extension on each user) into typed, immutable models.
 *
 * <p>{@code jacksonTree} is the floor: Jackson parsing the same bytes into a plain tree.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class ListResponseBenchmark {
  private final ObjectMapper mapper = ScimJson.mapper();
  private final JavaType userPage = ListResponse.type(mapper.getTypeFactory(), User.class);
  private byte[] page;

  /** Builds the page once. */
  @Setup(Level.Trial)
  public void buildPage() throws IOException {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ArrayNode resources = f.arrayNode();
    for (int i = 0; i < 100; i++) {
      String id = Long.toString(8598139271121446L + i);
      String userName = "user" + i + "@example.com";
      ObjectNode user = f.objectNode();
      user.putArray("schemas").add(SchemaUrns.USER).add(SchemaUrns.WORKSPACE_USER);
      user.put("id", id);
      user.put("userName", userName);
      user.put("displayName", "User Number " + i);
      user.put("active", true);
      user.put("externalId", "idp-" + i);
      user.putObject("name").put("givenName", "User").put("familyName", "Number " + i);
      user.putArray("emails").addObject().put("type", "work").put("value", userName).put("primary", true);
      user.putArray("entitlements").addObject().put("value", "workspace-access");
      ArrayNode groups = user.putArray("groups");
      for (int g = 0; g < 3; g++) {
        String gid = Long.toString(700000 + g);
        groups.addObject().put("display", "group-" + g).put("type", g == 0 ? "direct" : "indirect")
            .put("value", gid).put("$ref", "Groups/" + gid);
      }
      user.putObject("meta").put("resourceType", "User");
      user.put("x-vendor-tag", "kept-" + i);
      user.putObject(SchemaUrns.ENTERPRISE_USER).put("department", "Engineering").put("costCenter", "cc-" + (i % 7));
      resources.add(user);
    }
    ObjectNode envelope = f.objectNode();
    envelope.put("totalResults", 10_000).put("itemsPerPage", 100).put("startIndex", 1);
    envelope.putArray("schemas").add(SchemaUrns.LIST_RESPONSE);
    envelope.set("Resources", resources);
    page = mapper.writeValueAsBytes(envelope);
  }

  /**
   * Reads the page into a typed {@code ListResponse<User>}.
   *
   * @return the list, consumed by JMH
   * @throws IOException never, the page is valid
   */
  @Benchmark
  public ListResponse<User> typedUsers() throws IOException {
    return mapper.readValue(page, userPage);
  }

  /**
   * Reads the page into a Jackson tree, the floor for any JSON binding.
   *
   * @return the tree, consumed by JMH
   * @throws IOException never, the page is valid
   */
  @Benchmark
  public JsonNode jacksonTree() throws IOException {
    return mapper.readTree(page);
  }
}
