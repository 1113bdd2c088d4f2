package dev.dbscim.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A settable {@link Clock} for the fake: time stands still until a test {@linkplain #advance(Duration) advances} it.
 * Thread-safe.
 *
 * <pre>{@code
 * FakeClock clock = FakeClock.at(Instant.parse("2025-01-01T00:00:00Z"));
 * FakeScimServer scim = FakeScimServer.builder().clock(clock).build();
 * clock.advance(Duration.ofHours(25));
 * }</pre>
 */
public final class FakeClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private FakeClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * Returns a clock standing at {@code instant}, in UTC.
   *
   * @param instant the starting instant
   * @return the clock
   */
  public static FakeClock at(Instant instant) {
    return new FakeClock(new AtomicReference<>(Objects.requireNonNull(instant, "instant")), ZoneOffset.UTC);
  }

  /**
   * Returns a clock standing at the current system time.
   *
   * @return the clock
   */
  public static FakeClock atSystemTime() {
    return at(Instant.now());
  }

  /**
   * Moves the clock forward.
   *
   * @param duration how far; must not be negative
   * @return the new instant
   */
  public Instant advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative");
    }
    return now.updateAndGet(current -> current.plus(duration));
  }

  /**
   * Sets the clock to an instant.
   *
   * @param instant the new instant
   */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  /**
   * Returns the current instant of this clock.
   *
   * @return the instant
   */
  @Override
  public Instant instant() {
    return now.get();
  }

  /**
   * Returns the zone of this clock.
   *
   * @return the zone
   */
  @Override
  public ZoneId getZone() {
    return zone;
  }

  /**
   * Returns a clock sharing this clock's time, in another zone.
   *
   * @param zone the zone
   * @return the clock
   */
  @Override
  public Clock withZone(ZoneId zone) {
    return new FakeClock(now, zone);
  }

  /**
   * Returns the current instant, for diagnostics.
   *
   * @return the instant as text
   */
  @Override
  public String toString() {
    return "FakeClock[" + now.get() + "]";
  }
}
