package dev.dbscim.client.facade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.client.auth.TokenCredentials;
import dev.dbscim.client.error.ScimConflictException;
import dev.dbscim.client.retry.Sleeper;
import dev.dbscim.core.filter.Filter;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.User;
import dev.dbscim.core.patch.GroupPatch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs the class-level Javadoc snippets of both facades (endpoint and token adapted to the local server). */
@Timeout(10)
class UsageSnippetTest {
  FacadeServer server;
  final List<String> printed = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = FacadeServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void accountSnippet_runsAgainstLocalServer() {
    server.json(201, "{\"id\":\"101\",\"userName\":\"ada@example.com\",\"displayName\":\"Ada Lovelace\"}");
    server.json(201, "{\"id\":\"7\",\"displayName\":\"engineering\"}");
    server.json(200, "{\"id\":\"7\",\"displayName\":\"engineering\",\"members\":[{\"value\":\"101\"}]}");
    server.json(200, "{\"totalResults\":1,\"Resources\":[{\"id\":\"101\",\"userName\":\"ada@example.com\"}]}");

    try (ScimAccountClient account = ScimAccountClient.builder()
            .endpoint(server.endpoint())
            .accountId("0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6")
            .credentials(TokenCredentials.of(FacadeServer.TOKEN))
            .sleeper(Sleeper.noWait())
            .build()) {

      User ada = account.users().create(User.builder()
          .userName("ada@example.com")
          .displayName("Ada Lovelace")
          .build());

      Group eng = account.groups().create(Group.builder().displayName("engineering").build());
      account.groups().patch(eng.id().orElseThrow(), GroupPatch.builder().addMember(ada).build());

      for (User u : account.users().list(q -> q.filter(Filter.attr("userName").sw("ada")))) {
        printed.add(u.id().orElseThrow() + " " + u.userName());
      }
    } catch (ScimConflictException e) {
      printed.add("Already provisioned: " + e.getMessage());
    }

    assertThat(printed).containsExactly("101 ada@example.com");
    assertThat(server.requestCount()).isEqualTo(4);
  }

  @Test
  void workspaceSnippet_runsAgainstLocalServer() {
    server.json(200, "{\"id\":\"101\",\"userName\":\"me@example.com\"}");
    server.json(201, "{\"id\":\"8\",\"displayName\":\"analysts\"}");
    server.empty(204);
    server.json(200, "{\"totalResults\":1,\"Resources\":[{\"id\":\"g1\",\"displayName\":\"data-eng\"}]}");

    try (ScimWorkspaceClient workspace = ScimWorkspaceClient.builder()
            .endpoint(server.endpoint())
            .credentials(TokenCredentials.of(FacadeServer.TOKEN))
            .sleeper(Sleeper.noWait())
            .build()) {

      User me = workspace.me();
      printed.add("Signed in as " + me.userName());

      Group analysts = workspace.groups().create(Group.builder().displayName("analysts").build());
      workspace.groups().addMembers(analysts.id().orElseThrow(), List.of(me.id().orElseThrow()));

      for (Group g : workspace.accountIdentities().groups().list(q -> q.attributes("displayName"))) {
        printed.add("account group " + g.displayName());
      }
    } catch (ScimConflictException e) {
      printed.add("Already exists: " + e.getMessage());
    }

    assertThat(printed).containsExactly("Signed in as me@example.com", "account group data-eng");
    assertThat(server.requestCount()).isEqualTo(4);
  }
}
