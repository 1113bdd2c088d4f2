package dev.dbscim.core.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbscim.core.json.ScimJson;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {
  static final ObjectMapper MAPPER = ScimJson.mapper();

  @Test
  void isSensitiveHeader_credentialHeadersAndTokenSecretKeyNames_areSensitive() {
    assertThat(List.of("Authorization", "proxy-authorization", "Cookie", "SET-COOKIE", "X-Api-Key",
        "X-Databricks-Azure-SP-Management-Token", "client-secret"))
        .allMatch(Redactor::isSensitiveHeader);
    assertThat(List.of("Accept", "Content-Type", "X-Request-Id", "User-Agent", "X-Databricks-Workspace-Id"))
        .noneMatch(Redactor::isSensitiveHeader);
  }

  @Test
  void headers_masksOnlySensitiveValues() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Authorization", List.of("Bearer dapi123"));
    headers.put("Accept", List.of("application/json"));

    assertThat(Redactor.headers(headers)).containsEntry("Authorization", List.of("****"))
        .containsEntry("Accept", List.of("application/json"));
  }

  @Test
  void json_masksPasswordAtAnyDepthAndCaseAndOAuthSecrets() throws Exception {
    JsonNode input = MAPPER.readTree("{\"userName\":\"ada\",\"PassWord\":\"p1\",\"client_secret\":\"s\","
        + "\"access_token\":\"t\",\"refresh_token\":\"r\",\"nested\":[{\"password\":\"p2\",\"keep\":1}]}");

    JsonNode redacted = Redactor.json(input);

    assertThat(redacted.toString()).doesNotContain("p1", "p2", "\"s\"", "\"t\"", "\"r\"")
        .contains("\"userName\":\"ada\"", "\"keep\":1");
    assertThat(input.get("PassWord").asText()).isEqualTo("p1");
  }

  @Test
  void json_masksValueOfPatchOperationOnPassword() throws Exception {
    JsonNode patch = MAPPER.readTree("{\"Operations\":[{\"op\":\"replace\",\"path\":\"password\",\"value\":\"hunter2\"},"
        + "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Ada\"}]}");

    String redacted = Redactor.json(patch).toString();

    assertThat(redacted).doesNotContain("hunter2").contains("\"value\":\"Ada\"");
  }

  @Test
  void pathAndQuery_masksTokenNamedParameters() {
    assertThat(Redactor.pathAndQuery("/Users?filter=a%20eq%20b&access_token=abc&myToken=x&startIndex=1"))
        .isEqualTo("/Users?filter=a%20eq%20b&access_token=****&myToken=****&startIndex=1");
    assertThat(Redactor.pathAndQuery("/Users")).isEqualTo("/Users");
  }

  @Test
  void body_jsonFormAndOpaqueBodies() {
    assertThat(Redactor.body("{\"password\":\"x\"}".getBytes(StandardCharsets.UTF_8), MAPPER))
        .isEqualTo("{\"password\":\"****\"}");
    assertThat(Redactor.body("grant_type=client_credentials&client_secret=s3cr3t".getBytes(StandardCharsets.UTF_8),
        MAPPER)).isEqualTo("grant_type=client_credentials&client_secret=****");
    assertThat(Redactor.body("<html>secret stuff</html>".getBytes(StandardCharsets.UTF_8), MAPPER))
        .isEqualTo("<25 bytes, not JSON>");
    assertThat(Redactor.body(new byte[0], MAPPER)).isEmpty();
  }
}
