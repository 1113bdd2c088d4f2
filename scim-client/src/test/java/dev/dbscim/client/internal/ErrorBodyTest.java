package dev.dbscim.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectReader;
import dev.dbscim.core.json.ScimJson;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ErrorBodyTest {
  static final ObjectReader READER = ScimJson.mapper().reader();

  static ErrorBody parse(String body, String contentType) {
    return ErrorBody.parse(body.getBytes(StandardCharsets.UTF_8), contentType, READER);
  }

  @Test
  void parse_scimError_readsTypeAndDetail() {
    ErrorBody body = parse("{\"scimType\":\"InvalidFilter\",\"detail\":\"bad\",\"status\":\"400\"}", null);

    assertThat(body.rawScimType).isEqualTo("InvalidFilter");
    assertThat(body.detail).isEqualTo("bad");
    assertThat(body.errorCode).isNull();
  }

  @Test
  void parse_platformErrorWithNumericOrStringCode_readsCodeAsText() {
    assertThat(parse("{\"error_code\": 403, \"message\": \"Invalid access token.\"}", null).errorCode)
        .isEqualTo("403");
    ErrorBody text = parse("{\"error_code\":\"REQUEST_LIMIT_EXCEEDED\",\"message\":\"slow down\"}", null);
    assertThat(text.errorCode).isEqualTo("REQUEST_LIMIT_EXCEEDED");
    assertThat(text.detail).isEqualTo("slow down");
  }

  @Test
  void parse_detailNullString_fallsBackToMessageOrAbsent() {
    assertThat(parse("{\"detail\":\"null\"}", null).detail).isNull();
    assertThat(parse("{\"detail\":\"null\",\"message\":\"m\"}", null).detail).isEqualTo("m");
  }

  @Test
  void parse_nonJsonEmptyAndNonObject_giveNothingExceptPlainText() {
    assertThat(parse("<html>502</html>", "text/html").detail).isNull();
    assertThat(parse("", null).detail).isNull();
    assertThat(parse("[1,2]", "application/json").detail).isNull();
    assertThat(parse("{\"detail\":{\"nested\":1}}", null).detail).isNull();
    assertThat(parse("line one\nline two", "text/plain; charset=utf-8").detail).isEqualTo("line one");
  }
}
