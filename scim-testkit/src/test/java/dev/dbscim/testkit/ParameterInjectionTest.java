package dev.dbscim.testkit.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.client.ScimAccountClient;
import dev.dbscim.client.ScimWorkspaceClient;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.User;
import dev.dbscim.testkit.FakeScim;
import dev.dbscim.testkit.FakeScimExtension;
import dev.dbscim.testkit.FakeScimServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@Timeout(10)
@ExtendWith(FakeScimExtension.class)
class ParameterInjectionTest {
  private static final List<FakeScimServer> PARAMETER_FAKES = new ArrayList<>();

  @Test
  void provision_createsGroup(FakeScimServer scim, ScimAccountClient account) {
    account.groups().create(Group.builder().displayName("engineering").build());

    assertThat(scim.state().groupByName("engineering")).isPresent();
  }

  @Test
  void parameters_allThreeTypes_shareOneStartedFake(FakeScimServer scim, ScimAccountClient account,
      ScimWorkspaceClient workspace, FakeScimServer same) {
    assertThat(same).isSameAs(scim);
    assertThat(account.config().endpoint()).isEqualTo(scim.url());
    assertThat(account.accountId()).isEqualTo(scim.accountId());
    assertThat(workspace.config().endpoint()).isEqualTo(scim.workspace(0).url());
    assertThat(workspace.me().userName()).isEqualTo("admin-1001@example.com");
  }

  /**
   * Both repetitions seed ada into their parameter fake, so the second one, which always runs after the first, sees ada
   * only if the fakes share state; the test does not depend on the order of the class's other methods.
   */
  @RepeatedTest(2)
  void fakeParameter_isFreshAndEmpty_inEachTest(FakeScimServer scim) {
    assertThat(scim.state().userByName("ada@example.com")).isEmpty();
    scim.state().seed(User.builder().userName("ada@example.com").build());
    PARAMETER_FAKES.add(scim);
  }

  @AfterAll
  static void parameterFakes_areDistinct_andClosedAfterTheirTests() {
    assertThat(PARAMETER_FAKES).hasSize(2).doesNotHaveDuplicates();
    for (FakeScimServer fake : PARAMETER_FAKES) {
      assertThatThrownBy(fake::accountClient).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
  }

  @Nested
  class WithFakeScimField {
    @FakeScim final FakeScimServer field = FakeScimServer.create();

    @Test
    void clients_bindToTheFieldFake_whileTheFakeParameterIsAnotherOne(ScimAccountClient account,
        ScimWorkspaceClient workspace, FakeScimServer parameter) {
      account.users().create(User.builder().userName("ada@example.com").build());

      assertThat(account.config().endpoint()).isEqualTo(field.url());
      assertThat(workspace.config().endpoint()).isEqualTo(field.workspace(0).url());
      assertThat(field.state().userByName("ada@example.com")).isPresent();
      assertThat(parameter).isNotSameAs(field);
      assertThat(parameter.state().userByName("ada@example.com")).isEmpty();
    }
  }

  @Nested
  class ConstructorInjection {
    private final FakeScimServer scim;
    private final ScimAccountClient account;

    ConstructorInjection(FakeScimServer scim, ScimAccountClient account) {
      this.scim = scim;
      this.account = account;
    }

    @Test
    void constructorParameters_shareTheFake_withMethodParameters(FakeScimServer again, ScimWorkspaceClient ws) {
      account.users().create(User.builder().userName("bo@example.com").build());

      assertThat(again).isSameAs(scim);
      assertThat(scim.state().userByName("bo@example.com")).isPresent();
      assertThat(ws.config().endpoint()).isEqualTo(scim.workspace(0).url());
    }

    @Test
    void constructorFake_isStarted() {
      assertThat(account.users().list()).isNotEmpty();
      assertThat(account.config().endpoint()).isEqualTo(scim.url());
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class PerClassConstructorInjection {
    private final FakeScimServer scim;

    PerClassConstructorInjection(FakeScimServer scim) {
      this.scim = scim;
    }

    @Test
    void methodClients_bindToTheConstructorFake(ScimAccountClient account) {
      assertThat(account.config().endpoint()).isEqualTo(scim.url());
    }
  }
}
