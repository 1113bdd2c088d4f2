package dev.dbscim.examples.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * In-process fake of the account SCIM users endpoint for the client comparison, on the JDK {@link HttpServer} bound to
 * loopback.
 *
 * <ul>
 *   <li>{@code GET /api/2.0/accounts/{a}/scim/v2/Users?startIndex=..&count=..}: the Databricks list envelope
 *       ({@code totalResults}, {@code itemsPerPage}, {@code startIndex}, {@code schemas}, {@code Resources}) with at most
 *       100 users whatever {@code count} asks (the service caps pages at 100); {@code Resources} is absent past the end.
 *       Pages are rendered once, then served as pre-rendered bytes.</li>
 *   <li>{@code POST /api/2.0/accounts/{a}/scim/v2/Users}: 201 with the request body echoed plus a fresh {@code id}
 *       spliced in after the opening brace (no parsing, so the server's cost stays small and equal for everyone).</li>
 *   <li>Everything else (the official SDK's {@code GET /.well-known/databricks-config} and OIDC discovery): 404 with a
 *       Databricks {@code {"error_code","message"}} body.</li>
 * </ul>
 *
 * <p>Handlers run on the server's dispatcher thread (no executor), which avoids one thread hand-off per request. The
 * server's threads are the ones that appeared while it started ({@link #threadIds()}); the harness excludes them from
 * the client's CPU and allocation figures. {@code sun.net.httpserver.nodelay} must be {@code true} before the first
 * server is created (see {@link #create(int)}), or every keep-alive exchange waits out the client's delayed ACK.
 */
final class BenchScimServer implements AutoCloseable {
  static final String ACCOUNT_ID = "bench-account";
  static final String USERS_PATH = "/api/2.0/accounts/" + ACCOUNT_ID + "/scim/v2/Users";
  static final int PAGE_CAP = 100;

  private static final byte[] NOT_FOUND =
      "{\"error_code\":\"ENDPOINT_NOT_FOUND\",\"message\":\"No API found\"}".getBytes(StandardCharsets.UTF_8);
  private static final String[] GIVEN = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken",
      "Margaret", "Dennis", "Radia", "Leslie", "Shafi", "Tony", "Niklaus", "Katherine"};
  private static final String[] FAMILY = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen",
      "Thompson", "Hamilton", "Ritchie", "Perlman", "Lamport", "Goldwasser", "Hoare", "Wirth", "Johnson"};
  private static final String[] GROUPS = {"engineering", "finance", "data-science", "platform", "security", "sales"};

  private final HttpServer server;
  private final int totalUsers;
  private final byte[][] pagesByIndex;
  private final Set<Long> threadIds;
  private final AtomicLong nextId = new AtomicLong(9_000_000_000_000L);
  private final LongAdder listRequests = new LongAdder();
  private final LongAdder createRequests = new LongAdder();
  private final LongAdder otherRequests = new LongAdder();

  private BenchScimServer(int totalUsers) throws IOException {
    this.totalUsers = totalUsers;
    this.pagesByIndex = new byte[totalUsers + 2][];
    for (int startIndex = 1; startIndex <= totalUsers + 1; startIndex += PAGE_CAP) {
      page(startIndex);
    }
    Set<Long> before = liveThreadIds();
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/", this::handle);
    server.setExecutor(null);
    server.start();
    Set<Long> after = liveThreadIds();
    after.removeAll(before);
    this.threadIds = after;
  }

  /**
   * Starts a server holding {@code totalUsers} users; sets {@code sun.net.httpserver.nodelay=true} first.
   */
  static BenchScimServer create(int totalUsers) {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try {
      return new BenchScimServer(totalUsers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the base URL, {@code http://127.0.0.1:PORT}. */
  URI baseUri() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
  }

  /** Returns the ids of the threads the server started (dispatcher and timer). */
  Set<Long> threadIds() {
    return threadIds;
  }

  int totalUsers() {
    return totalUsers;
  }

  long listRequests() {
    return listRequests.sum();
  }

  long createRequests() {
    return createRequests.sum();
  }

  long otherRequests() {
    return otherRequests.sum();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      byte[] requestBody = readAll(exchange.getRequestBody());
      String method = exchange.getRequestMethod();
      URI uri = exchange.getRequestURI();
      if (USERS_PATH.equals(uri.getRawPath())) {
        if ("GET".equals(method)) {
          listRequests.increment();
          respond(exchange, 200, page(startIndex(uri.getRawQuery())));
          return;
        }
        if ("POST".equals(method)) {
          createRequests.increment();
          respond(exchange, 201, created(requestBody));
          return;
        }
      }
      otherRequests.increment();
      respond(exchange, 404, NOT_FOUND);
    } finally {
      exchange.close();
    }
  }

  private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    byte[] buffer = new byte[8192];
    int n = in.read(buffer);
    if (n < 0) {
      return new byte[0];
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(n, 32));
    while (n >= 0) {
      out.write(buffer, 0, n);
      n = in.read(buffer);
    }
    return out.toByteArray();
  }

  private static int startIndex(String rawQuery) {
    if (rawQuery == null) {
      return 1;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.startsWith("startIndex=")) {
        return Math.max(1, Integer.parseInt(pair.substring("startIndex=".length())));
      }
    }
    return 1;
  }

  private byte[] page(int startIndex) {
    int slot = Math.min(startIndex, totalUsers + 1);
    byte[] page = pagesByIndex[slot];
    if (page == null) {
      page = renderPage(slot, totalUsers).getBytes(StandardCharsets.UTF_8);
      pagesByIndex[slot] = page;
    }
    return page;
  }

  /** Renders the page of {@code totalUsers} users that starts at the 1-based {@code startIndex}. */
  static String renderPage(int startIndex, int totalUsers) {
    int first = startIndex - 1;
    int size = Math.max(0, Math.min(PAGE_CAP, totalUsers - first));
    StringBuilder json = new StringBuilder(size * 700 + 200);
    json.append("{\"totalResults\":").append(totalUsers)
        .append(",\"itemsPerPage\":").append(size)
        .append(",\"startIndex\":").append(startIndex)
        .append(",\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"]");
    if (size > 0) {
      json.append(",\"Resources\":[");
      for (int i = 0; i < size; i++) {
        if (i > 0) {
          json.append(',');
        }
        appendUser(json, first + i);
      }
      json.append(']');
    }
    return json.append('}').toString();
  }

  /**
   * Whether users carry {@code groups}. The account Users API does not return them (Terraform provider commit
   * 5f8334ce4, PR #2398: "Account Users SCIM API doesn't return a list of groups in contrast to workspace SCIM API";
   * the official SDK's {@code AccountUser} has no such field), so the default is false; {@code --user-groups} turns
   * them on, for the shape of the workspace API. Set before the server renders pages.
   */
  static volatile boolean userGroups;

  /** A user as the account API returns it (about 450 bytes; with {@link #userGroups}, 600 with two groups). */
  static void appendUser(StringBuilder json, int n) {
    String given = GIVEN[n % GIVEN.length];
    String family = FAMILY[(n / GIVEN.length) % FAMILY.length];
    String userName = given.toLowerCase() + "." + family.toLowerCase() + "." + n + "@example.com";
    String group1 = GROUPS[n % GROUPS.length];
    String group2 = GROUPS[(n + 3) % GROUPS.length];
    json.append("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]")
        .append(",\"id\":\"").append(7_100_000_000_000L + n).append('"')
        .append(",\"userName\":\"").append(userName).append('"')
        .append(",\"displayName\":\"").append(given).append(' ').append(family).append('"')
        .append(",\"name\":{\"givenName\":\"").append(given).append("\",\"familyName\":\"").append(family).append("\"}")
        .append(",\"emails\":[{\"type\":\"work\",\"value\":\"").append(userName).append("\",\"primary\":true}]")
        .append(",\"active\":").append(n % 17 != 0)
        .append(",\"externalId\":\"").append(String.format("%08x-5c1e-4d7a-9b3f-%012x", n, 0xabcdef000000L + n))
        .append('"');
    if (userGroups) {
      json.append(",\"groups\":[{\"display\":\"").append(group1).append("\",\"type\":\"direct\",\"value\":\"")
        .append(600_000 + n % GROUPS.length).append("\",\"$ref\":\"Groups/").append(600_000 + n % GROUPS.length)
        .append("\"},{\"display\":\"").append(group2).append("\",\"type\":\"indirect\",\"value\":\"")
        .append(600_000 + (n + 3) % GROUPS.length).append("\",\"$ref\":\"Groups/")
        .append(600_000 + (n + 3) % GROUPS.length).append("\"}]");
    }
    if (n % 50 == 0) {
      json.append(",\"roles\":[{\"value\":\"account_admin\"}]");
    }
    json.append('}');
  }

  private byte[] created(byte[] requestBody) {
    int open = 0;
    while (open < requestBody.length && requestBody[open] != '{') {
      open++;
    }
    byte[] id = ("\"id\":\"" + nextId.incrementAndGet() + "\"").getBytes(StandardCharsets.US_ASCII);
    boolean empty = isEmptyObject(requestBody, open + 1);
    byte[] out = new byte[requestBody.length + id.length + (empty ? 0 : 1)];
    System.arraycopy(requestBody, 0, out, 0, open + 1);
    System.arraycopy(id, 0, out, open + 1, id.length);
    int at = open + 1 + id.length;
    if (!empty) {
      out[at++] = ',';
    }
    System.arraycopy(requestBody, open + 1, out, at, requestBody.length - open - 1);
    return out;
  }

  private static boolean isEmptyObject(byte[] body, int from) {
    for (int i = from; i < body.length; i++) {
      if (body[i] == '}') {
        return true;
      }
      if (!Character.isWhitespace(body[i])) {
        return false;
      }
    }
    return true;
  }

  private static Set<Long> liveThreadIds() {
    long[] ids = ManagementFactory.getThreadMXBean().getAllThreadIds();
    Set<Long> set = new HashSet<>();
    for (long id : ids) {
      set.add(id);
    }
    return set;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  @Override
  public String toString() {
    return "BenchScimServer" + Arrays.asList(baseUri(), totalUsers + " users");
  }
}
