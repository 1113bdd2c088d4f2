package dev.dbscim.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.core.model.User;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Requests that java.net.http never sends, written byte by byte on a plain loopback socket: a GET with a body (as
 * Microsoft's SCIM validator sends), HEAD and unknown methods. Every request must get a complete answer.
 */
@Timeout(10)
class FakeScimRawHttpTest {
  private static final int SOCKET_TIMEOUT_MILLIS = 5_000;

  @FakeScim final FakeScimServer scim = FakeScimServer.create();

  private String userPath;
  private String userId;

  /** A response read off the wire: status, headers by lower-case name, and the body. */
  private static final class RawResponse {
    final int status;
    final Map<String, String> headers;
    final String body;

    RawResponse(int status, Map<String, String> headers, String body) {
      this.status = status;
      this.headers = headers;
      this.body = body;
    }

    @Override
    public String toString() {
      return status + " " + headers + " " + body;
    }
  }

  @BeforeEach
  void seedUser() {
    User ada = scim.state().seed(User.builder().userName("ada@example.com").build());
    userId = ada.id().orElseThrow();
    userPath = "/api/2.0/accounts/" + scim.accountId() + "/scim/v2/Users/" + userId;
  }

  @Test
  void get_withContentLengthBody_answersLikeTheSameGetWithoutBody() throws IOException {
    try (Socket socket = connect()) {
      RawResponse withBody = exchange(socket, request("GET", userPath, "{\"schemas\":[]}", false), true);
      RawResponse without = exchange(socket, request("GET", userPath, null, false), true);

      assertThat(withBody.status).isEqualTo(200);
      assertThat(withBody.body).contains("\"id\":\"" + userId + "\"");
      assertThat(withBody.body).isEqualTo(without.body);
    }
  }

  @Test
  void get_withChunkedBody_answersAndKeepsTheConnectionUsable() throws IOException {
    try (Socket socket = connect()) {
      String chunked = "GET " + userPath + " HTTP/1.1\r\nHost: " + host() + "\r\n" + auth()
          + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "5\r\n{\"a\":\r\n3\r\n1}\n\r\n0\r\n\r\n";
      RawResponse first = exchange(socket, chunked, true);
      RawResponse second = exchange(socket, request("GET", userPath, null, false), true);

      assertThat(first.status).isEqualTo(200);
      assertThat(first.body).isEqualTo(second.body);
    }
  }

  @Test
  void get_withBodyOnAListPath_answersTheList() throws IOException {
    String list = "/api/2.0/accounts/" + scim.accountId() + "/scim/v2/Users?filter=userName+eq+%22ada%40example.com%22";
    try (Socket socket = connect()) {
      RawResponse response = exchange(socket, request("GET", list, "{\"startIndex\":1}", false), true);

      assertThat(response.status).isEqualTo(200);
      assertThat(response.body).contains("\"totalResults\":1");
    }
  }

  @Test
  void delete_withBody_deletesAndAnswers204() throws IOException {
    try (Socket socket = connect()) {
      RawResponse deleted = exchange(socket, request("DELETE", userPath, "{\"reason\":\"left\"}", false), true);
      RawResponse gone = exchange(socket, request("GET", userPath, null, false), true);

      assertThat(deleted.status).isEqualTo(204);
      assertThat(gone.status).isEqualTo(404);
    }
    assertThat(scim.state().user(userId)).isEmpty();
  }

  @Test
  void head_answersHeadersWithoutBodyAndKeepsTheConnectionUsable() throws IOException {
    try (Socket socket = connect()) {
      RawResponse head = exchange(socket, request("HEAD", userPath, null, false), false);
      RawResponse headWithBody = exchange(socket, request("HEAD", userPath, "{}", false), false);
      RawResponse get = exchange(socket, request("GET", userPath, null, false), true);

      assertThat(head.status).isEqualTo(200);
      assertThat(headWithBody.status).isEqualTo(200);
      assertThat(get.status).isEqualTo(200);
      assertThat(head.headers.get("content-length"))
          .isEqualTo(Integer.toString(get.body.getBytes(StandardCharsets.UTF_8).length));
      assertThat(get.body).contains("\"id\":\"" + userId + "\"");
    }
  }

  @Test
  void head_ofUnknownUser_answers404WithoutBody() throws IOException {
    try (Socket socket = connect()) {
      String missing = "/api/2.0/accounts/" + scim.accountId() + "/scim/v2/Users/999";
      RawResponse head = exchange(socket, request("HEAD", missing, null, false), false);
      RawResponse get = exchange(socket, request("GET", userPath, null, false), true);

      assertThat(head.status).isEqualTo(404);
      assertThat(get.status).isEqualTo(200);
    }
  }

  @Test
  void options_andUnknownMethods_withBody_answer405AndKeepTheConnectionUsable() throws IOException {
    try (Socket socket = connect()) {
      RawResponse options = exchange(socket, request("OPTIONS", userPath, "{}", false), true);
      RawResponse custom = exchange(socket, request("FROB", userPath, "{}", false), true);
      RawResponse get = exchange(socket, request("GET", userPath, null, false), true);

      assertThat(options.status).isEqualTo(405);
      assertThat(custom.status).isEqualTo(405);
      assertThat(get.status).isEqualTo(200);
    }
  }

  @Test
  void post_withBodyThenGetWithBody_onOneConnection_bothAnswered() throws IOException {
    String users = "/api/2.0/accounts/" + scim.accountId() + "/scim/v2/Users";
    try (Socket socket = connect()) {
      RawResponse created = exchange(socket, request("POST", users, "{\"userName\":\"bo@example.com\"}", false), true);
      RawResponse got = exchange(socket, request("GET", userPath, "{\"x\":1}", false), true);

      assertThat(created.status).isEqualTo(201);
      assertThat(got.status).isEqualTo(200);
    }
    assertThat(scim.state().userByName("bo@example.com")).isPresent();
  }

  private Socket connect() throws IOException {
    URI url = scim.url();
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), url.getPort());
    socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
    return socket;
  }

  private String host() {
    return "127.0.0.1:" + scim.url().getPort();
  }

  private String auth() {
    return "Authorization: Bearer " + scim.accountToken() + "\r\n";
  }

  private String request(String method, String path, String body, boolean close) {
    StringBuilder request = new StringBuilder()
        .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
        .append("Host: ").append(host()).append("\r\n")
        .append(auth());
    if (close) {
      request.append("Connection: close\r\n");
    }
    if (body != null) {
      request.append("Content-Type: application/json\r\n")
          .append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
    }
    request.append("\r\n");
    if (body != null) {
      request.append(body);
    }
    return request.toString();
  }

  /** Writes one request and reads one complete response; a response to HEAD has no body whatever its headers say. */
  private static RawResponse exchange(Socket socket, String request, boolean bodyExpected) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(request.getBytes(StandardCharsets.UTF_8));
    out.flush();
    InputStream in = socket.getInputStream();
    String statusLine = readLine(in);
    assertThat(statusLine).startsWith("HTTP/1.1 ");
    int status = Integer.parseInt(statusLine.substring(9, 12));
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
    }
    String body = "";
    if (bodyExpected && headers.containsKey("content-length")) {
      int length = Integer.parseInt(headers.get("content-length"));
      byte[] bytes = new byte[length];
      int read = 0;
      while (read < length) {
        int n = in.read(bytes, read, length - read);
        if (n < 0) {
          throw new IOException("connection closed after " + read + " of " + length + " body bytes");
        }
        read += n;
      }
      body = new String(bytes, StandardCharsets.UTF_8);
    }
    return new RawResponse(status, headers, body);
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new IOException("connection closed in the middle of a response; read so far: "
            + new String(line.toByteArray(), StandardCharsets.UTF_8));
      }
      line.write(b);
    }
    String text = new String(line.toByteArray(), StandardCharsets.UTF_8);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }
}
