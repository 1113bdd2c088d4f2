package dev.dbscim.examples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.core.filter.Filter;
import dev.dbscim.core.json.ScimJson;
import dev.dbscim.core.model.Email;
import dev.dbscim.core.model.Entitlement;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.ListResponse;
import dev.dbscim.core.model.Name;
import dev.dbscim.core.model.User;
import dev.dbscim.core.patch.GroupPatch;
import dev.dbscim.core.patch.PatchApplier;
import dev.dbscim.core.patch.PatchRequest;
import java.io.PrintStream;

/**
 * A tour of scim-core without any server: models, lossless JSON, filters and patches. The snippets of
 * {@code docs/core.md} come from here, and a test runs it, so they cannot rot.
 *
 * <p>Run it with {@code mvn -B -q install -DskipTests} and then
 * {@code mvn -B -q -pl examples exec:java -Dexec.mainClass=dev.dbscim.examples.CoreTour}, or from an IDE.
 */
public final class CoreTour {
  private CoreTour() {}

  /**
   * Runs the tour and prints what each step produced.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  static void run(PrintStream out) {
    // Build a user; values are immutable, builders validate.
    User ada = User.builder()
        .userName("ada@example.com")
        .displayName("Ada Lovelace")
        .name(Name.of("Ada", "Lovelace"))
        .addEmails(Email.of("work", "ada@example.com").withPrimary(true))
        .addEntitlements(Entitlement.DATABRICKS_SQL_ACCESS.toComplexValue())
        .build();
    out.println("built:     " + ScimJson.write(ada));

    // Read what the service sent: unknown attributes and extensions are kept and written back.
    User read = ScimJson.read("{\"id\":\"8598139271121446\",\"userName\":\"ada@example.com\",\"active\":true,"
        + "\"x-vendor\":\"kept\",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"R&D\"}}",
        User.class);
    User changed = read.toBuilder().displayName("Ada L.").build();
    out.println("lossless:  " + ScimJson.write(changed));

    // Filters: built attribute-first, rendered canonically and safely, parsed back to the same tree.
    Filter adas = Filter.attr("userName").sw("ada").and(Filter.attr("active").eq(true));
    Filter hostile = Filter.attr("displayName").eq("x\" or userName pr or \"");
    out.println("filter:    " + adas);
    out.println("escaped:   " + hostile + " -> round trip " + Filter.parse(hostile.toString()).equals(hostile));
    out.println("matches:   " + adas.matches(ScimJson.toTree(changed)));
    Filter terraform = Filter.parseLenient("displayName eq 'data-eng'");
    out.println("lenient:   " + terraform);

    // Patches: typed helpers compile to the RFC 7644 wire form; the applier is atomic.
    PatchRequest join = GroupPatch.builder().addMember("8598139271121446").removeMember("100001").build();
    out.println("patch:     " + ScimJson.write(join));
    Group engineering = Group.builder().displayName("engineering").build();
    Group patched = PatchApplier.create().apply(engineering, join);
    out.println("applied:   " + ScimJson.write(patched));

    // Lists: one page of a list answer, typed.
    ListResponse<User> page = ListResponse.read("{\"totalResults\":1,\"startIndex\":1,\"itemsPerPage\":1,"
        + "\"Resources\":[{\"id\":\"1\",\"userName\":\"ada@example.com\"}]}", User.class);
    JsonNode first = ScimJson.toTree(page.resources().get(0));
    out.println("page:      " + page.totalResults() + " user(s), first " + first.get("userName").asText());
  }
}
