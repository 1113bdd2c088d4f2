package dev.dbscim.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.core.json.SchemaUrns;
import dev.dbscim.core.json.ScimJson;
import org.junit.jupiter.api.Test;

class ScimErrorTest {
  private static ScimError read(String json) {
    return ScimJson.read(json, ScimError.class);
  }

  @Test
  void read_conflict_keepsStatusTextAndDetail() {
    ScimError error = read(ModelFixtures.text("errors/conflict-409"));

    assertThat(error.status()).hasValue("409");
    assertThat(error.statusCode()).hasValue(409);
    assertThat(error.detail()).hasValue("Group with name admins already exists.");
    assertThat(error.scimType()).isEmpty();
    assertThat(error.schemas()).containsExactly(SchemaUrns.ERROR);
  }

  @Test
  void read_invalidFilter_keepsCapitalisedScimType() {
    ScimError error = read(ModelFixtures.text("errors/invalid-filter-400"));

    assertThat(error.scimType()).hasValue("InvalidFilter");
    assertThat(error.statusCode()).hasValue(400);
  }

  @Test
  void read_notFound_readsStatus404() {
    assertThat(read(ModelFixtures.text("errors/not-found-404")).statusCode()).hasValue(404);
  }

  @Test
  void read_numericStatus_keepsTextAndWritesRfcString() {
    ScimError error = read("{\"status\":429,\"detail\":\"slow down\"}");

    assertThat(error.status()).hasValue("429");
    assertThat(error.statusCode()).hasValue(429);
    assertThat(ScimJson.write(error)).isEqualTo("{\"status\":\"429\",\"detail\":\"slow down\"}");
  }

  @Test
  void statusCode_nonNumericOrAbsentStatus_isEmpty() {
    assertThat(read("{\"status\":\"teapot\"}").statusCode()).isEmpty();
    assertThat(read("{\"detail\":\"x\"}").statusCode()).isEmpty();
  }

  @Test
  void read_unknownAttributes_keepsThemAndDoesNotSerializeStatusCode() {
    ScimError error = read("{\"status\":\"500\",\"error_code\":\"REQUEST_LIMIT_EXCEEDED\",\"statusCode\":1}");

    assertThat(error.additionalAttributes().keySet()).containsExactly("error_code", "statusCode");
    assertThat(ScimJson.write(error))
        .isEqualTo("{\"status\":\"500\",\"error_code\":\"REQUEST_LIMIT_EXCEEDED\",\"statusCode\":1}");
  }

  @Test
  void read_detailStringNull_keepsTheText() {
    assertThat(read("{\"detail\":\"null\",\"status\":\"500\"}").detail()).hasValue("null");
  }
}
