package dev.dbscim.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectReader;
import dev.dbscim.core.json.ScimJson;
import dev.dbscim.core.model.ListResponse;
import dev.dbscim.core.model.User;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseBodyTest {
  private static final String PAGE = "{\"totalResults\":2,\"Resources\":[{\"userName\":\"ada\",\"locale\":\"\u00e9\"},"
      + "{\"userName\":\"bo\"}]}";

  /** Splits the text into buffers of the given size, each a slice of a larger array at a non-zero offset. */
  private static ResponseBody split(String text, int size) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<ByteBuffer> buffers = new ArrayList<>();
    for (int i = 0; i < bytes.length; i += size) {
      int n = Math.min(size, bytes.length - i);
      byte[] padded = new byte[n + 3];
      System.arraycopy(bytes, i, padded, 2, n);
      ByteBuffer buffer = ByteBuffer.wrap(padded);
      buffer.position(2).limit(2 + n);
      buffers.add(buffer.slice());
    }
    return ResponseBody.of(buffers, bytes.length);
  }

  @Test
  void read_bodySplitAcrossBuffers_parsesAsWhole() throws IOException {
    ObjectReader reader = ScimJson.mapper().readerFor(
        ListResponse.type(ScimJson.mapper().getTypeFactory(), User.class));
    for (int size : new int[] {1, 2, 7, 64, 4096}) {
      ListResponse<User> page = split(PAGE, size).read(reader);

      assertThat(page.resources()).extracting(User::userName).containsExactly("ada", "bo");
      assertThat(page.resources().get(0).additionalAttributes().get("locale").asText()).isEqualTo("\u00e9");
    }
  }

  @Test
  void read_twice_readsSameValueBecauseBuffersAreNotConsumed() throws IOException {
    ResponseBody body = split(PAGE, 5);
    ObjectReader reader = ScimJson.mapper().readerFor(com.fasterxml.jackson.databind.JsonNode.class);

    assertThat(body.<Object>read(reader)).isEqualTo(body.read(reader));
    assertThat(new String(body.bytes(), StandardCharsets.UTF_8)).isEqualTo(PAGE);
  }

  @Test
  void bytesAndByteAt_splitBody_matchTheText() {
    ResponseBody body = split(PAGE, 3);
    byte[] expected = PAGE.getBytes(StandardCharsets.UTF_8);

    for (int i = 0; i < expected.length; i++) {
      assertThat(body.byteAt(i)).isEqualTo(expected[i]);
    }
    assertThat(body.length()).isEqualTo(expected.length);
    assertThat(body.bytes()).isEqualTo(expected).isSameAs(body.bytes());
    assertThatThrownBy(() -> split(PAGE, 3).byteAt(expected.length)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void of_noBytes_isEmpty() {
    assertThat(ResponseBody.of(new ArrayList<>(), 0).length()).isZero();
    assertThat(ResponseBody.of(new byte[0]).bytes()).isEmpty();
  }
}
