package dev.dbscim.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.testkit.FakeClock;
import dev.dbscim.testkit.FakeScim;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.RecordedCall;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class TokenRotationTest {
  private final FakeClock clock = FakeClock.at(Instant.parse("2026-01-05T09:00:00Z"));
  @FakeScim final FakeScimServer scim = FakeScimServer.builder().clock(clock).build();

  @Test
  void run_rotatesWithoutRestart_andOnlyTheOldTokenIsRefusedADayLater(@TempDir Path directory) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    TokenRotation.run(scim, clock, directory.resolve("scim-token"), new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("created a user with the first token")
        .contains("rotated; the old token still works: 3 user(s)")
        .contains("a day later, with the new token from the file: 3 user(s)")
        .contains("the old token is refused: HTTP 401");
    assertThat(scim.recordedRequests()).extracting(RecordedCall::status)
        .containsExactly(201, 200, 200, 401);
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-06T10:00:00Z"));
  }
}
