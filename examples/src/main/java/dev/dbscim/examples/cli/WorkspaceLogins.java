package dev.dbscim.examples.cli;

import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.error.ScimForbiddenException;
import dev.dbscim.client.error.ScimUnauthorizedException;
import dev.dbscim.examples.EmbeddedFakeClients;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.FakeWorkspace;
import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The clients of the workspaces a run names with {@code --workspace ID=HOST}, shared by {@code migrate},
 * {@code plan} and {@code apply}: each logs in with its line of {@code --workspace-token-file}, else
 * {@code DATABRICKS_WORKSPACE_TOKEN_<ID>}, else {@code DATABRICKS_WORKSPACE_TOKEN}, else the account's credentials with
 * the host replaced. Messages name where a token came from, never the token. Closing it closes the clients.
 */
final class WorkspaceLogins implements AutoCloseable {
  static final String WORKSPACE_TOKEN = "DATABRICKS_WORKSPACE_TOKEN";

  private final Map<Long, ScimWorkspaceClient> clients = new LinkedHashMap<>();
  /** Per workspace, where its token came from (a variable or a file line), for messages; never the token. */
  private final Map<Long, String> tokenSources = new HashMap<>();
  private final Map<Long, String> hosts = new HashMap<>();

  private WorkspaceLogins() {}

  /** Returns no workspaces. */
  static WorkspaceLogins none() {
    return new WorkspaceLogins();
  }

  /**
   * Returns admin clients of the embedded fake's workspaces: those named in {@code workspaceHosts} (their hosts are
   * ignored), or all of them when it is empty.
   */
  static WorkspaceLogins ofFake(FakeScimServer fake, Map<Long, String> workspaceHosts) {
    WorkspaceLogins logins = new WorkspaceLogins();
    for (FakeWorkspace workspace : fake.workspaces()) {
      if (workspaceHosts.isEmpty() || workspaceHosts.containsKey(workspace.id())) {
        logins.clients.put(workspace.id(), EmbeddedFakeClients.workspace(fake, workspace.id()));
        logins.hosts.put(workspace.id(), workspace.url().toString());
      }
    }
    return logins;
  }

  /**
   * Logs in to each named workspace. A missing host or a bad token file is a usage error; a client that cannot be
   * built fails with the workspace and the token's source named.
   */
  static WorkspaceLogins open(Map<String, String> environment, Map<Long, String> workspaceHosts, Path tokenFile) {
    Map<Long, String> fileTokens = tokenFile == null ? new HashMap<>() : readTokens(tokenFile, workspaceHosts);
    WorkspaceLogins logins = new WorkspaceLogins();
    try {
      for (Map.Entry<Long, String> workspace : workspaceHosts.entrySet()) {
        logins.login(environment, workspace.getKey(), workspace.getValue(), fileTokens.get(workspace.getKey()));
      }
    } catch (RuntimeException e) {
      logins.close();
      throw e;
    }
    return logins;
  }

  private void login(Map<String, String> environment, long id, String host, String fileToken) {
    if (host.isEmpty()) {
      throw new CliFailure(DbscimCli.EXIT_USAGE, "--workspace " + id + " needs its host: --workspace " + id
          + "=https://...");
    }
    hosts.put(id, host);
    Map<String, String> workspaceEnvironment = new HashMap<>(environment);
    workspaceEnvironment.put("DATABRICKS_HOST", host);
    String token = fileToken;
    String source = "line " + id + "=... of --workspace-token-file";
    if (token == null && present(environment, WORKSPACE_TOKEN + "_" + id)) {
      token = environment.get(WORKSPACE_TOKEN + "_" + id);
      source = WORKSPACE_TOKEN + "_" + id;
    }
    if (token == null && present(environment, WORKSPACE_TOKEN)) {
      token = environment.get(WORKSPACE_TOKEN);
      source = WORKSPACE_TOKEN;
    }
    if (token != null) {
      workspaceEnvironment.put("DATABRICKS_TOKEN", token.trim());
      workspaceEnvironment.remove("DATABRICKS_CLIENT_ID");
      workspaceEnvironment.remove("DATABRICKS_CLIENT_SECRET");
    } else {
      source = present(environment, "DATABRICKS_TOKEN") ? "DATABRICKS_TOKEN (the account's; set "
          + WORKSPACE_TOKEN + "_" + id + " for this workspace)" : "DATABRICKS_CLIENT_ID and "
          + "DATABRICKS_CLIENT_SECRET";
    }
    tokenSources.put(id, source);
    try {
      clients.put(id, ScimWorkspaceClient.fromEnvironment(workspaceEnvironment));
    } catch (IllegalArgumentException e) {
      throw new CliFailure(DbscimCli.EXIT_FAILURE, "Workspace " + describe(id) + ": "
          + e.getMessage().replace("DATABRICKS_HOST", "--workspace").replace("DATABRICKS_TOKEN", source), e);
    }
  }

  private static boolean present(Map<String, String> environment, String name) {
    String value = environment.get(name);
    return value != null && !value.trim().isEmpty();
  }

  /** Reads {@code <workspaceId>=<token>} lines; blank lines and lines starting with # are skipped. */
  private static Map<Long, String> readTokens(Path file, Map<Long, String> workspaceHosts) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliFailure(DbscimCli.EXIT_USAGE, "Cannot read --workspace-token-file " + file + ": "
          + e.getClass().getSimpleName());
    }
    Map<Long, String> tokens = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int equals = line.indexOf('=');
      String where = "--workspace-token-file " + file + ", line " + (i + 1) + ": ";
      long id;
      try {
        id = Long.parseLong(equals < 0 ? "" : line.substring(0, equals).trim());
      } catch (NumberFormatException e) {
        throw new CliFailure(DbscimCli.EXIT_USAGE, where + "expected <workspaceId>=<token>");
      }
      String token = line.substring(equals + 1).trim();
      if (token.isEmpty()) {
        throw new CliFailure(DbscimCli.EXIT_USAGE, where + "the token of workspace " + id + " is empty");
      }
      if (!workspaceHosts.containsKey(id)) {
        throw new CliFailure(DbscimCli.EXIT_USAGE, where + "workspace " + id + " is not named with --workspace");
      }
      if (tokens.put(id, token) != null) {
        throw new CliFailure(DbscimCli.EXIT_USAGE, where + "workspace " + id + " has a token on an earlier line");
      }
    }
    return tokens;
  }

  /** Reads {@code --workspace ID=HOST} values (a bare {@code ID} has an empty host); a bad one is a usage error. */
  static Map<Long, String> parseWorkspaces(List<String> specs) {
    Map<Long, String> hosts = new LinkedHashMap<>();
    for (String spec : specs) {
      int equals = spec.indexOf('=');
      try {
        long id = Long.parseLong(equals < 0 ? spec.trim() : spec.substring(0, equals).trim());
        if (id < 1) {
          throw new IllegalArgumentException("workspace ids are positive");
        }
        String host = equals < 0 ? "" : spec.substring(equals + 1).trim();
        if (!host.isEmpty()) {
          URI.create(host);
        }
        hosts.put(id, host);
      } catch (IllegalArgumentException e) {
        throw new CliFailure(DbscimCli.EXIT_USAGE,
            "--workspace takes ID=HOST, such as 1234567890=https://adb-1234567890.12.azuredatabricks.net; got '"
                + spec + "'");
      }
    }
    return hosts;
  }

  /** Returns the clients by workspace id, in the order named. */
  Map<Long, ScimWorkspaceClient> clients() {
    return Collections.unmodifiableMap(clients);
  }

  /** Returns {@code 1001 (https://host)}, or the id alone when the host is unknown. */
  String describe(long workspaceId) {
    String host = hosts.get(workspaceId);
    return workspaceId + (host == null || host.isEmpty() ? "" : " (" + host + ")");
  }

  /** Explains a host that cannot be resolved when it is one of these workspaces'. */
  Optional<CliFailure> explainUnknownHost(RuntimeException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof UnknownHostException && cause.getMessage() != null) {
        for (Map.Entry<Long, String> host : hosts.entrySet()) {
          if (host.getValue().contains(cause.getMessage())) {
            return Optional.of(new CliFailure(DbscimCli.EXIT_FAILURE, "Workspace " + describe(host.getKey())
                + ": cannot resolve the host " + cause.getMessage() + "; check its --workspace value for a typo",
                failure));
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Explains an HTTP 401 or 403 with the first workspace that refuses a one-item read, and where its token came from.
   */
  Optional<CliFailure> explainRefusal(RuntimeException failure) {
    for (Map.Entry<Long, ScimWorkspaceClient> workspace : clients.entrySet()) {
      if (refuses(() -> workspace.getValue().users().list(q -> q.count(1)).iterator().hasNext())) {
        long id = workspace.getKey();
        return Optional.of(new CliFailure(DbscimCli.EXIT_FAILURE, "Workspace " + describe(id) + " refused its token ("
            + status(failure) + "): the token from " + tokenSources.get(id) + " must be valid there and have "
            + "workspace admin rights; give it its own with " + WORKSPACE_TOKEN + "_" + id + " or a line " + id
            + "=<token> in --workspace-token-file. " + DbscimCli.sentence(failure.getMessage()), failure));
      }
    }
    return Optional.empty();
  }

  static String status(RuntimeException failure) {
    return failure instanceof ScimUnauthorizedException ? "HTTP 401" : "HTTP 403";
  }

  static boolean refuses(Runnable read) {
    try {
      read.run();
      return false;
    } catch (ScimUnauthorizedException | ScimForbiddenException e) {
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    clients.values().forEach(ScimWorkspaceClient::close);
  }
}
