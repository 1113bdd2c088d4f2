package dev.dbscim.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.core.model.User;
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
  void provision_createsGroup(FakeScimServer scim) {
    Http.account(scim, "POST", "/Groups", "{\"displayName\":\"engineering\"}");

    assertThat(scim.state().groupByName("engineering")).isPresent();
  }

  @Test
  void parameters_ofOneTest_shareOneStartedFake(FakeScimServer scim, FakeScimServer same) {
    assertThat(same).isSameAs(scim);
    assertThat(Http.account(scim, "GET", "/Users", null).status).isEqualTo(200);
    assertThat(Http.workspace(scim, 0, "GET", "/Me", null).json.get("userName").asText())
        .isEqualTo("admin-1001@example.com");
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
      assertThatThrownBy(fake::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
  }

  @Nested
  class WithFakeScimField {
    @FakeScim final FakeScimServer field = FakeScimServer.create();

    @Test
    void fakeParameter_isAnotherFakeThanTheField(FakeScimServer parameter) {
      Http.account(field, "POST", "/Users", "{\"userName\":\"ada@example.com\"}");

      assertThat(field.state().userByName("ada@example.com")).isPresent();
      assertThat(parameter).isNotSameAs(field);
      assertThat(parameter.state().userByName("ada@example.com")).isEmpty();
    }
  }

  @Nested
  class ConstructorInjection {
    private final FakeScimServer scim;

    ConstructorInjection(FakeScimServer scim) {
      this.scim = scim;
    }

    @Test
    void constructorParameters_shareTheFake_withMethodParameters(FakeScimServer again) {
      Http.account(scim, "POST", "/Users", "{\"userName\":\"bo@example.com\"}");

      assertThat(again).isSameAs(scim);
      assertThat(again.state().userByName("bo@example.com")).isPresent();
    }

    @Test
    void constructorFake_isStarted() {
      assertThat(Http.account(scim, "GET", "/Users", null).json.get("Resources")).isNotEmpty();
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
    void methodParameters_areTheConstructorFake(FakeScimServer again) {
      assertThat(again).isSameAs(scim);
    }
  }
}
