package dev.dbscim.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.client.OperationClass;
import org.junit.jupiter.api.Test;

class ScimRequestTest {
  @Test
  void pathAndQuery_encodesSpacesAsPercent20AndKeepsOrder() {
    ScimRequest request = ScimRequest.of("GET", "/Users", OperationClass.LIST)
        .withQuery("filter", "userName eq \"a+b@x.com\"")
        .withQuery("attributes", "id,userName")
        .withQuery("startIndex", "1");

    assertThat(request.pathAndQuery()).isEqualTo(
        "/Users?filter=userName%20eq%20%22a%2Bb%40x.com%22&attributes=id%2CuserName&startIndex=1");
  }

  @Test
  void withQuery_returnsCopyAndLeavesOriginalUnchanged() {
    ScimRequest original = ScimRequest.of("GET", "/Users", OperationClass.LIST);

    original.withQuery("count", "10");

    assertThat(original.pathAndQuery()).isEqualTo("/Users");
  }

  @Test
  void pathSegment_encodesSlashQuestionMarkAndUnicode() {
    assertThat(ScimRequest.pathSegment("a/b?c#d é~")).isEqualTo("a%2Fb%3Fc%23d%20%C3%A9~");
    assertThatThrownBy(() -> ScimRequest.pathSegment("..")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void of_rejectsUnknownMethodsAndPathsWithQueries() {
    assertThatThrownBy(() -> ScimRequest.of("TRACE", "/Users", OperationClass.GET))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ScimRequest.of("GET", "/Users?x=1", OperationClass.GET))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ScimRequest.of("GET", "Users", OperationClass.GET))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
