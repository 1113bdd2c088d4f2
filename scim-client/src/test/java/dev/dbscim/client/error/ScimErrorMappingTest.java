package dev.dbscim.client.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.client.internal.ScimErrorAccess;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScimErrorMappingTest {
  static ScimServiceException map(int status, String scimType, String detail, String errorCode) {
    return ScimErrorAccess.get().serviceException("GET", "/Users/1", status, scimType, detail, errorCode, null,
        null, 1);
  }

  @ParameterizedTest
  @CsvSource({
      "400, ScimBadRequestException, false",
      "401, ScimUnauthorizedException, false",
      "403, ScimForbiddenException, false",
      "404, ScimNotFoundException, false",
      "409, ScimConflictException, false",
      "412, ScimPreconditionFailedException, false",
      "429, ScimRateLimitedException, true",
      "500, ScimServerException, false",
      "501, ScimServerException, false",
      "502, ScimServerException, true",
      "503, ScimServerException, true",
      "504, ScimServerException, true",
      "599, ScimServerException, false",
      "302, ScimServiceException, false",
      "405, ScimServiceException, false",
      "422, ScimServiceException, false",
  })
  void serviceException_status_mapsToClassAndRetryability(int status, String simpleName, boolean retryable) {
    ScimServiceException e = map(status, null, null, null);

    assertThat(e.getClass().getSimpleName()).isEqualTo(simpleName);
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.retryable()).isEqualTo(retryable);
  }

  @Test
  void serviceException_requestLimitExceededIn500DetailOrCode_isRateLimited() {
    assertThat(map(500, null, "REQUEST_LIMIT_EXCEEDED: Workspace 1 exceeded", null))
        .isInstanceOf(ScimRateLimitedException.class);
    assertThat(map(500, null, null, "REQUEST_LIMIT_EXCEEDED")).isInstanceOf(ScimRateLimitedException.class);
    assertThat(map(503, null, "REQUEST_LIMIT_EXCEEDED", null)).isExactlyInstanceOf(ScimServerException.class);
  }

  @Test
  void message_foldsLineBreaksAndCapsLongDetail() {
    String detail = "first\r\nsecond" + "x".repeat(1000);

    String message = map(400, "invalidValue", detail, null).getMessage();

    assertThat(message).startsWith("SCIM GET /Users/1 -> 400 invalidValue: first  second").doesNotContain("\n")
        .endsWith("... [attempts=1]");
    assertThat(message.length()).isLessThan(600);
  }

  @Test
  void message_errorCodeDifferentFromStatus_isShownAsLabel() {
    assertThat(map(400, null, "bad", "INVALID_PARAMETER_VALUE").getMessage())
        .isEqualTo("SCIM GET /Users/1 -> 400 INVALID_PARAMETER_VALUE: bad [attempts=1]");
    assertThat(map(400, null, "bad", "400").getMessage()).isEqualTo("SCIM GET /Users/1 -> 400: bad [attempts=1]");
  }

  @Test
  void clientAndTimeoutExceptions_carryAttemptsAndRetryability() {
    ScimClientException client = ScimErrorAccess.get().clientException("SCIM GET /Users failed", null, 2, true);
    ScimTimeoutException timeout = ScimErrorAccess.get().timeoutException("SCIM GET /Users timed out", null, 3);

    assertThat(client.attempts()).isEqualTo(2);
    assertThat(client.retryable()).isTrue();
    assertThat(timeout).isInstanceOf(ScimClientException.class);
    assertThat(timeout.retryable()).isTrue();
    assertThat(timeout.attempts()).isEqualTo(3);
  }

  @Test
  void serviceException_survivesJavaSerialization() throws Exception {
    ScimServiceException original = ScimErrorAccess.get().serviceException("POST", "/Users", 429, "tooMany",
        "slow down", "REQUEST_LIMIT_EXCEEDED", "req-9", Duration.ofSeconds(5), 2);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(original);
    }

    ScimRateLimitedException copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (ScimRateLimitedException) in.readObject();
    }

    assertThat(copy.getMessage()).isEqualTo(original.getMessage());
    assertThat(copy.retryAfter()).contains(Duration.ofSeconds(5));
    assertThat(copy.errorType()).isEqualTo(ScimErrorType.TOO_MANY);
    assertThat(copy.requestId()).contains("req-9");
    assertThat(copy.attempts()).isEqualTo(2);
  }
}
