package dev.dbscim.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StalePlanExceptionTest {
  @Test
  void message_listsAtMostTwentyDifferencesThenACount_andDifferencesHasThemAll() {
    List<String> differences = new ArrayList<>();
    for (int i = 1; i <= 23; i++) {
      differences.add("delete user u" + i + "@example.com: a fresh plan does not do this");
    }

    StalePlanException e = new StalePlanException(differences);

    assertThat(e.getMessage()).startsWith("The plan is not what a fresh plan would do now")
        .contains("nothing was sent; make a new plan. 23 differences:")
        .contains("\n  - delete user u20@example.com").doesNotContain("u21@example.com")
        .endsWith("\n  ... and 3 more");
    assertThat(e.getMessage().split("\n")).hasSize(1 + 20 + 1);
    assertThat(e.differences()).isEqualTo(differences);
  }

  @Test
  void message_withOneDifference_saysDifference() {
    StalePlanException e = new StalePlanException(List.of("create group g: a fresh plan does not do this"));

    assertThat(e.getMessage()).endsWith("1 difference:\n  - create group g: a fresh plan does not do this");
  }
}
