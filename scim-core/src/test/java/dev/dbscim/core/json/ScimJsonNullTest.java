package dev.dbscim.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.dbscim.core.model.EnterpriseUser;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.model.ListResponse;
import dev.dbscim.core.model.ScimError;
import dev.dbscim.core.model.User;
import dev.dbscim.core.patch.PatchRequest;
import org.junit.jupiter.api.Test;

/** The readers never return null: JSON {@code null} is not a model (found by ModelJsonFuzzTest). */
class ScimJsonNullTest {
  @Test
  void read_jsonNull_throwsIllegalArgumentExceptionInsteadOfReturningNull() {
    for (Class<?> type : new Class<?>[] {User.class, Group.class, ScimError.class, PatchRequest.class}) {
      assertThatThrownBy(() -> ScimJson.read("null", type)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(type.getSimpleName());
      assertThatThrownBy(() -> ScimJson.read(" null ", type)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> ScimJson.fromTree(NullNode.getInstance(), type))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> ListResponse.read("null", User.class)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ListResponse.read(NullNode.getInstance(), User.class))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void read_jsonNullAsTree_returnsNullNode() {
    assertThat(ScimJson.read("null", JsonNode.class)).isEqualTo(NullNode.getInstance());
  }

  @Test
  void extension_storedAsJsonNull_isEmpty() {
    User user = ScimJson.read("{\"userName\":\"a\",\"" + EnterpriseUser.URN + "\":null}", User.class);

    assertThat(user.extension(EnterpriseUser.URN, EnterpriseUser.class)).isEmpty();
  }
}
