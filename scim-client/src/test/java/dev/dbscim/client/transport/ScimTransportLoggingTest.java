package dev.dbscim.client.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbscim.client.ClientConfig;
import dev.dbscim.client.LoopbackServers;
import dev.dbscim.client.OperationClass;
import dev.dbscim.client.internal.RequestThrottle;
import dev.dbscim.client.internal.ScimRequest;
import dev.dbscim.client.internal.ScimTransport;
import dev.dbscim.client.retry.Sleeper;
import dev.dbscim.core.json.ScimJson;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Captures the transport's System.Logger output through its default java.util.logging backend. */
@Timeout(10)
class ScimTransportLoggingTest {
  static final String TOKEN = "dapiSENTINEL0123456789abcdef";

  final Logger julLogger = Logger.getLogger(ScimTransport.class.getName());
  final List<LogRecord> records = new CopyOnWriteArrayList<>();
  final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  Level previousLevel;
  MockWebServer server;

  @BeforeEach
  void setUp() throws IOException {
    previousLevel = julLogger.getLevel();
    julLogger.setLevel(Level.ALL);
    julLogger.addHandler(capture);
    server = LoopbackServers.start();
  }

  @AfterEach
  void tearDown() {
    julLogger.removeHandler(capture);
    julLogger.setLevel(previousLevel);
    server.close();
  }

  ScimTransport transport(boolean wireLogging) {
    return ScimTransport.create(ClientConfig.builder()
        .endpoint(URI.create("http://127.0.0.1:" + server.getPort()))
        .credentials(() -> TOKEN)
        .sleeper(Sleeper.noWait())
        .wireLoggingEnabled(wireLogging)
        .build(), RequestThrottle.none(), "");
  }

  ScimRequest createWithPassword() {
    ObjectNode body = ScimJson.mapper().createObjectNode().put("userName", "ada").put("password", "hunter2");
    return ScimRequest.of("POST", "/Users", OperationClass.CREATE).withQuery("access_token", "qqq").withBody(body);
  }

  String allMessages() {
    return records.stream().map(LogRecord::getMessage).collect(Collectors.joining("\n"));
  }

  @Test
  void send_logsOneDebugLinePerAttemptInTheDocumentedFormat() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(201).addHeader("x-request-id", "req-5").body("{}").build());

    transport(false).send(createWithPassword());

    List<String> debug = records.stream().filter(r -> r.getLevel() == Level.FINE).map(LogRecord::getMessage)
        .collect(Collectors.toList());
    assertThat(debug).hasSize(2);
    assertThat(debug.get(0)).matches("SCIM POST /Users\\?access_token=\\*\\*\\*\\* -> 503 \\(\\d+ ms, attempt 1/3\\)");
    assertThat(debug.get(1))
        .matches("SCIM POST /Users\\?access_token=\\*\\*\\*\\* -> 201 \\(\\d+ ms, attempt 2/3, requestId=req-5\\)");
    assertThat(records).filteredOn(r -> r.getLevel() == Level.WARNING).hasSize(1);
    assertThat(records).noneMatch(r -> r.getLevel() == Level.FINER);
  }

  @Test
  void send_wireLogging_tracesRedactedHeadersAndBodiesOnly() {
    server.enqueue(new MockResponse.Builder().code(201).addHeader("Set-Cookie", "session=cookie-secret")
        .body("{\"id\":\"1\",\"password\":\"server-echo\"}").build());

    transport(true).send(createWithPassword());

    String all = allMessages();
    assertThat(records).anyMatch(r -> r.getLevel() == Level.FINER);
    assertThat(all).contains("\"userName\":\"ada\"", "\"id\":\"1\"", "Authorization=[****]", "****");
    assertThat(all).doesNotContain(TOKEN, "hunter2", "server-echo", "cookie-secret", "qqq");
  }
}
