package dev.dbscim.client.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeenIdsTest {
  @Test
  void add_answersAsHashSetDoes_overGrowthAndRepeats() {
    Random random = new Random(15);
    for (int run = 0; run < 50; run++) {
      SeenIds seen = new SeenIds();
      Set<String> reference = new HashSet<>();
      int adds = random.nextInt(5_000);
      int range = 1 + random.nextInt(1 + adds);
      for (int i = 0; i < adds; i++) {
        // new String: ids from a page are equal to, never the same instance as, those of earlier pages
        String id = new String(Integer.toString(random.nextInt(range)));

        assertThat(seen.add(id)).as("run %d add %d of %s", run, i, id).isEqualTo(reference.add(id));
      }
      assertThat(seen.size()).isEqualTo(reference.size());
    }
  }

  @Test
  void add_equalHashCodes_keptApart() {
    SeenIds seen = new SeenIds();
    // "Aa" and "BB" share a hash code, as do their concatenations
    String[] colliding = {"AaAa", "AaBB", "BBAa", "BBBB", "Aa", "BB"};

    for (String id : colliding) {
      assertThat(seen.add(id)).as(id).isTrue();
    }
    for (String id : colliding) {
      assertThat(seen.add(new String(id))).as(id).isFalse();
    }
    assertThat(seen.size()).isEqualTo(colliding.length);
  }

  @Test
  void add_emptyAndZeroHashIds_likeAnyOther() {
    SeenIds seen = new SeenIds();

    assertThat(seen.add("")).isTrue();
    assertThat(seen.add("")).isFalse();
    assertThat(seen.add("\0")).isTrue();
    assertThat(seen.add("\0")).isFalse();
  }
}
