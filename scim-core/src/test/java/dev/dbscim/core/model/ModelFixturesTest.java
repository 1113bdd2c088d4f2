package dev.dbscim.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.core.json.ScimJson;
import org.junit.jupiter.api.Test;

class ModelFixturesTest {
  @Test
  void withoutEmptyArrays_nestedEmptyArrays_removesOnlyEmptyOnes() {
    JsonNode tree = ScimJson.read("{\"a\":[],\"b\":[1],\"c\":{\"d\":[],\"e\":[{\"f\":[]}]},\"g\":{}}", JsonNode.class);

    JsonNode stripped = ModelFixtures.withoutEmptyArrays(tree);

    assertThat(stripped).isEqualTo(ScimJson.read("{\"b\":[1],\"c\":{\"e\":[{}]},\"g\":{}}", JsonNode.class));
    assertThat(tree.get("a")).isNotNull();
  }
}
