package dev.dbscim.client.paging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.client.api.ListRequest;
import dev.dbscim.core.model.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: whatever page sizes a simulated server chooses, listing yields exactly its distinct resources in order.
 *
 * <p>The generator is a seeded {@link Random}, one fixed seed per case: a failure names its seed and scenario, which
 * reproduce it exactly.
 */
class PagedIterablePropertyTest {
  private static final int TRIES = 300;

  static Stream<Long> seeds() {
    return LongStream.range(0, TRIES).map(i -> 0x5C1DL * 7919 + i).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void list_anyServerPaging_yieldsExactlyTheDistinctResourcesInOrder(long seed) {
    Random random = new Random(seed);
    int distinct = random.nextInt(5) == 0 ? random.nextInt(3) : random.nextInt(2001);
    List<User> resources = PagedIterableTest.users(1, distinct);
    List<User> served = withInjectedDuplicates(resources, random);
    int requestedCount = 1 + random.nextInt(200);
    SimulatedListServer<User> server = new SimulatedListServer<>(served).echoStartIndex(random.nextBoolean());
    int pageSize;
    if (random.nextBoolean()) {
      pageSize = 1 + random.nextInt(300);
      server.fixedPageSize(pageSize);
    } else {
      int cap = 1 + random.nextInt(150);
      server.pageCap(cap);
      pageSize = Math.min(cap, requestedCount);
    }
    String scenario = "distinct=" + distinct + " served=" + served.size() + " count=" + requestedCount
        + " pageSize=" + pageSize;

    List<User> listed = new ArrayList<>();
    PagedIterable.of(ListRequest.of(q -> q.count(requestedCount)), server::fetch).forEach(listed::add);

    assertThat(PagedIterableTest.ids(listed)).as(scenario).containsExactlyElementsOf(PagedIterableTest.ids(resources));
    int expectedRequests = served.isEmpty() ? 1 : (served.size() + pageSize - 1) / pageSize;
    assertThat(server.requests).as(scenario).hasSize(expectedRequests);
  }

  /** Repeats some resources later in the served order, as offset paging over a changing collection does. */
  private static List<User> withInjectedDuplicates(List<User> resources, Random random) {
    List<User> served = new ArrayList<>(resources);
    if (resources.isEmpty() || random.nextBoolean()) {
      return served;
    }
    int duplicates = 1 + random.nextInt(Math.max(1, resources.size() / 10));
    for (int i = 0; i < duplicates; i++) {
      int original = random.nextInt(resources.size());
      User copy = resources.get(original);
      int firstPosition = served.indexOf(copy);
      int position = firstPosition + 1 + random.nextInt(served.size() - firstPosition);
      served.add(position, copy);
    }
    return served;
  }
}
