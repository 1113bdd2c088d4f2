package dev.dbscim.testkit.faults;

import static dev.dbscim.testkit.ProbeHttp.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.testkit.FakeScim;
import dev.dbscim.testkit.FakeScimServer;
import dev.dbscim.testkit.Fault;
import dev.dbscim.testkit.ProbeHttp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ProbabilisticFaultTest {
  @FakeScim final FakeScimServer scim = FakeScimServer.create();

  private static List<Integer> statuses(FakeScimServer fake, int requests) {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      statuses.add(account(fake, "GET", "/Users", null).statusCode());
    }
    return statuses;
  }

  private static List<Integer> run(Fault fault, int requests) {
    try (FakeScimServer fake = FakeScimServer.create().start()) {
      fake.failNext(fault);
      return statuses(fake, requests);
    }
  }

  @Test
  void probability_sameSeed_failsTheSameRequestsOnEveryRun() {
    Fault fault = Fault.status(503).probability(0.3).seed(42);

    List<Integer> first = run(fault, 40);
    List<Integer> second = run(fault, 40);

    assertThat(first).isEqualTo(second).contains(503, 200).containsOnly(503, 200);
  }

  @Test
  void probability_otherSeed_failsOtherRequests() {
    List<Integer> seeded42 = run(Fault.status(503).probability(0.5).seed(42), 40);
    List<Integer> seeded7 = run(Fault.status(503).probability(0.5).seed(7), 40);

    assertThat(seeded42).isNotEqualTo(seeded7);
  }

  @Test
  void probability_withoutTimes_staysQueuedUntilCleared() {
    scim.failNext(Fault.status(500).probability(0.5).seed(3));

    List<Integer> before = statuses(scim, 30);
    scim.clearFaults();
    List<Integer> after = statuses(scim, 10);

    assertThat(Collections.frequency(before, 500)).isGreaterThan(1);
    assertThat(after).containsOnly(200);
  }

  @Test
  void probability_withTimes_stopsAfterThatManyFailures() {
    scim.failNext(Fault.status(503).probability(0.5).seed(11).times(2));

    List<Integer> statuses = statuses(scim, 40);

    assertThat(Collections.frequency(statuses, 503)).isEqualTo(2);
  }

  @Test
  void probability_failedCreates_changeNothing() {
    scim.failNext(Fault.status(503).probability(0.5).seed(5).on("POST", "/Users$"));
    int created = 0;

    for (int i = 0; i < 20; i++) {
      int status = account(scim, "POST", "/Users", "{\"userName\":\"new" + i + "@example.com\"}").statusCode();
      assertThat(status).isIn(201, 503);
      if (status == 201) {
        created++;
      }
    }

    assertThat(created).isBetween(1, 19);
    int listed = ProbeHttp.json(account(scim, "GET", "/Users?filter=userName%20sw%20%22new%22", null))
        .get("totalResults").asInt();
    assertThat(listed).isEqualTo(created);
  }

  @Test
  void probability_skippedRequest_goesOnToTheNextFault() {
    scim.failNext(Fault.status(500).probability(0.000001).seed(1));
    scim.failNext(Fault.status(502));

    assertThat(account(scim, "GET", "/Users", null).statusCode()).isEqualTo(502);
    scim.clearFaults();
    assertThat(account(scim, "GET", "/Users", null).statusCode()).isEqualTo(200);
  }

  @Test
  void probability_outOfRange_isRefused() {
    assertThatThrownBy(() -> Fault.status(503).probability(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.status(503).probability(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.status(503).probability(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toString_describesProbabilityAndSeed() {
    assertThat(Fault.status(503).probability(0.25).seed(9).toString())
        .contains("status 503", "probability 0.25", "seed 9", "until cleared");
    assertThat(Fault.status(503).times(2).toString()).contains("times 2").doesNotContain("probability");
  }
}
