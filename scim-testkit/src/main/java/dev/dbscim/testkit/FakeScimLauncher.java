package dev.dbscim.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.core.json.ScimJson;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link FakeScimServer} as a process of its own, for tests written in other languages (Terraform, Python,
 * shell). Build the jar with {@code mvn -pl scim-testkit -am package}, then:
 *
 * <pre>
 * java -jar scim-testkit/target/scim-testkit-&lt;version&gt;-standalone.jar [--port N] [--workspaces K]
 *     [--non-federated M] [--account-id ID]
 * </pre>
 *
 * <p>It prints one JSON line on standard output and then serves until it is killed (SIGTERM or Ctrl-C closes every
 * host):
 *
 * <pre>
 * {"url":"http://127.0.0.1:PORT","accountId":"...","accountToken":"...","workspaces":[{"id":1001,
 *  "url":"http://127.0.0.1:PORT2","adminToken":"...","userToken":"...","federated":true}]}
 * </pre>
 *
 * <ul>
 *   <li>{@code --port N}: the account host's port; 0 (the default) picks a free one. Workspace hosts always get free
 *       ports.</li>
 *   <li>{@code --workspaces K}: K identity-federated workspaces, ids from 1001 (default 1 when neither this nor
 *       {@code --non-federated} is given).</li>
 *   <li>{@code --non-federated M}: M workspaces without identity federation, numbered after the federated ones.</li>
 *   <li>{@code --account-id ID}: the account id; a random UUID by default.</li>
 * </ul>
 *
 * <p>The process also serves the test-control API under {@code /_fake/} on every host. <strong>It takes no token:
 * anyone who can reach the loopback ports can read and change the fake.</strong> It is meant for tests only.
 * <ul>
 *   <li>{@code GET /_fake/state}: every principal (account ones under {@code account}, workspace-local ones under
 *       their workspace), group members, and workspace assignments.</li>
 *   <li>{@code GET /_fake/requests}: the journal, oldest first, with credentials and passwords redacted
 *       ({@code DELETE} empties it).</li>
 *   <li>{@code POST /_fake/faults}: queues a fault (or a JSON array of them):
 *       {@code {"status":503,"retryAfterSeconds":1,"latencyMillis":200,"disconnect":false,"times":2,
 *       "method":"POST","pathRegex":"/Users$"}}; give at least one of {@code status}, {@code latencyMillis},
 *       {@code disconnect}; {@code "probability":0.1} (with an optional {@code "seed":42}) affects each matching
 *       request with that chance and, without {@code times}, stays queued until dropped ({@code DELETE} drops every
 *       queued fault).</li>
 *   <li>{@code POST /_fake/clock}: {@code {"advanceSeconds":90000}} or {@code {"set":"2030-01-01T00:00:00Z"}};
 *       {@code GET} reads it. The clock drives token expiry after rotation and journal times.</li>
 *   <li>{@code POST /_fake/reset}: empties the fake (ids start again; tokens keep working).</li>
 * </ul>
 * Admin requests are not journaled and never hit injected faults.
 */
public final class FakeScimLauncher {
  private static final String USAGE =
      "usage: java -jar scim-testkit-<version>-standalone.jar [--port N] [--workspaces K] [--non-federated M]"
          + " [--account-id ID]";

  private FakeScimLauncher() {}

  /**
   * Starts the fake, prints its JSON line on standard output and serves until the process is killed. Bad arguments
   * print the usage on standard error and exit with status 2.
   *
   * @param args the command-line arguments
   * @throws InterruptedException when the main thread is interrupted while serving
   */
  public static void main(String[] args) throws InterruptedException {
    FakeScimServer server;
    try {
      server = launch(args, System.out);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "fake-scim-shutdown"));
    new CountDownLatch(1).await();
  }

  /**
   * Starts a fake as {@link #main(String[])} does, with the admin API on, prints its JSON line to {@code out} and
   * returns it without blocking; the caller closes it.
   *
   * @param args the command-line arguments
   * @param out where the JSON line goes
   * @return the started fake
   * @throws IllegalArgumentException when the arguments are invalid (the message says which)
   */
  public static FakeScimServer launch(String[] args, PrintStream out) {
    FakeScimServer server = parse(args).build().start();
    try {
      out.println(describe(server));
      out.flush();
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private static FakeScimServer.Builder parse(String[] args) {
    FakeScimServer.Builder builder = FakeScimServer.builder().adminApiEnabled(true);
    int federated = -1;
    int nonFederated = 0;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        value = arg.substring(equals + 1);
        arg = arg.substring(0, equals);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("missing value for " + arg);
      }
      switch (arg) {
        case "--port":
          builder.accountPort(number(arg, value));
          break;
        case "--workspaces":
          federated = number(arg, value);
          break;
        case "--non-federated":
          nonFederated = number(arg, value);
          break;
        case "--account-id":
          builder.accountId(value);
          break;
        default:
          throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    if (federated < 0) {
      federated = nonFederated > 0 ? 0 : 1;
    }
    if (federated + nonFederated < 1) {
      throw new IllegalArgumentException("at least one workspace is needed");
    }
    return builder.workspaces(federated).nonFederatedWorkspaces(nonFederated);
  }

  private static int number(String option, String value) {
    try {
      int number = Integer.parseInt(value.trim());
      if (number < 0) {
        throw new IllegalArgumentException(option + " must not be negative");
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a whole number, not '" + value + "'");
    }
  }

  private static String describe(FakeScimServer server) {
    ObjectNode line = JsonNodeFactory.instance.objectNode();
    line.put("url", server.url().toString());
    line.put("accountId", server.accountId());
    line.put("accountToken", server.accountToken());
    ArrayNode workspaces = line.putArray("workspaces");
    for (FakeWorkspace workspace : server.workspaces()) {
      workspaces.addObject()
          .put("id", workspace.id())
          .put("url", workspace.url().toString())
          .put("adminToken", workspace.adminToken())
          .put("userToken", workspace.userToken())
          .put("federated", workspace.federated());
    }
    try {
      return ScimJson.mapper().writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the launch line", e);
    }
  }
}
