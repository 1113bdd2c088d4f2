package dev.dbscim.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BodylessReadStreamTest {
  private static final String GET_WITH_BODY =
      "GET /Users/1 HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\nContent-Type: application/json\r\n\r\n{}";
  private static final String GET_WITHOUT_BODY = "GET /Users/1 HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\n\r\n";

  @Test
  void read_getWithContentLengthBody_dropsBodyAndItsHeader() throws IOException {
    assertThat(filtered(GET_WITH_BODY, 8192)).isEqualTo(GET_WITHOUT_BODY);
  }

  @Test
  void read_getWithChunkedBody_dropsBodyAndItsHeader() throws IOException {
    String chunked = "GET /Users HTTP/1.1\r\nTransfer-Encoding: chunked\r\nHost: h\r\n\r\n"
        + "4;ext=1\r\n{\"a\"\r\n2\r\n:1\r\n1\r\n}\r\n0\r\n\r\n";

    assertThat(filtered(chunked, 8192)).isEqualTo("GET /Users HTTP/1.1\r\nHost: h\r\n\r\n");
  }

  @Test
  void read_headWithBody_dropsBody() throws IOException {
    assertThat(filtered("HEAD / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc", 8192)).isEqualTo("HEAD / HTTP/1.1\r\n\r\n");
  }

  @Test
  void read_otherMethodsWithBodies_passUnchanged() throws IOException {
    String traffic = "POST /Users HTTP/1.1\r\nContent-Length: 20\r\n\r\nGET / HTTP/1.1\r\n\r\nab"
        + "PATCH /Users/1 HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nGET\r\n0\r\n\r\n"
        + "DELETE /Users/1 HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}"
        + "GET /Users/1 HTTP/1.1\r\nContent-Length: 0\r\n\r\n";

    assertThat(filtered(traffic, 8192)).isEqualTo(traffic);
  }

  @Test
  void read_keepAliveRequestsAroundADroppedBody_keepTheirBytes() throws IOException {
    String before = "PUT /Users/1 HTTP/1.1\r\nContent-Length: 7\r\n\r\n{\"a\":1}";
    String after = "POST /Users HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}";

    String traffic = before + GET_WITH_BODY + after + GET_WITH_BODY;

    assertThat(filtered(traffic, 1)).isEqualTo(before + GET_WITHOUT_BODY + after + GET_WITHOUT_BODY);
    assertThat(filtered(traffic, 5)).isEqualTo(before + GET_WITHOUT_BODY + after + GET_WITHOUT_BODY);
  }

  @Test
  void read_bareNewlineLineEnds_areFramedToo() throws IOException {
    assertThat(filtered("GET / HTTP/1.1\nContent-Length: 1\n\nxGET /2 HTTP/1.1\n\n", 8192))
        .isEqualTo("GET / HTTP/1.1\n\nGET /2 HTTP/1.1\n\n");
  }

  @Test
  void read_unreadableContentLength_passesTheRestUnchanged() throws IOException {
    String traffic = "GET / HTTP/1.1\r\nContent-Length: lots\r\n\r\nabc" + GET_WITH_BODY;

    assertThat(filtered(traffic, 8192)).isEqualTo(traffic);
  }

  @Test
  void read_headLongerThanTheLimit_passesTheRestUnchanged() throws IOException {
    char[] filler = new char[70_000];
    Arrays.fill(filler, 'a');
    String traffic = "GET / HTTP/1.1\r\nX-Long: " + new String(filler) + "\r\nContent-Length: 2\r\n\r\n{}";

    assertThat(filtered(traffic, 8192)).isEqualTo(traffic);
  }

  @Test
  void read_connectionClosedInTheMiddleOfAHead_passesThePartialHead() throws IOException {
    assertThat(filtered("GET / HTTP/1.1\r\nHost:", 8192)).isEqualTo("GET / HTTP/1.1\r\nHost:");
  }

  /** Reads {@code traffic} through the stream, the underlying stream handing out at most {@code step} bytes a read. */
  private static String filtered(String traffic, int step) throws IOException {
    InputStream source = new ByteArrayInputStream(traffic.getBytes(StandardCharsets.ISO_8859_1)) {
      @Override
      public synchronized int read(byte[] buffer, int offset, int length) {
        return super.read(buffer, offset, Math.min(step, length));
      }
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = new BodylessReadStream(source)) {
      byte[] buffer = new byte[7];
      for (int n = in.read(buffer, 0, buffer.length); n >= 0; n = in.read(buffer, 0, buffer.length)) {
        out.write(buffer, 0, n);
      }
    }
    return new String(out.toByteArray(), StandardCharsets.ISO_8859_1);
  }
}
