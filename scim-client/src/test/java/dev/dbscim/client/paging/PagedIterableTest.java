package dev.dbscim.client.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.client.api.ListRequest;
import dev.dbscim.core.model.ListResponse;
import dev.dbscim.core.model.User;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PagedIterableTest {

  @Test
  void of_andIteratorCreation_fetchNothing() {
    AtomicInteger fetches = new AtomicInteger();
    PagedIterable<User> users = PagedIterable.of(ListRequest.builder().build(), request -> {
      fetches.incrementAndGet();
      throw new IllegalStateException("must not be called");
    });

    Iterator<User> iterator = users.iterator();
    users.stream();
    users.pages().iterator();

    assertThat(fetches).hasValue(0);
    assertThat(users.firstRequest()).isEqualTo(ListRequest.builder().build());
    assertThatThrownBy(iterator::hasNext).isInstanceOf(IllegalStateException.class);
    assertThat(fetches).hasValue(1);
  }

  @Test
  void iterator_smallListing_yieldsAllInOrderWithOneRequestPerPage() {
    SimulatedListServer<User> server = new SimulatedListServer<>(users(1, 250));

    List<User> listed = collect(PagedIterable.of(ListRequest.of(q -> q.count(100)), server::fetch));

    assertThat(ids(listed)).containsExactlyElementsOf(ids(users(1, 250)));
    assertThat(server.requestedStartIndexes()).containsExactly(1, 101, 201);
  }

  @Test
  void list_whenServerIgnoresCount_advancesByReturnedItems() {
    SimulatedListServer<User> server = new SimulatedListServer<>(users(1, 120)).pageCap(50);

    List<User> listed = collect(PagedIterable.of(ListRequest.of(q -> q.count(100)), server::fetch));

    assertThat(listed).hasSize(120);
    assertThat(server.requestedStartIndexes()).containsExactly(1, 51, 101);
    assertThat(server.requests).allSatisfy(request -> assertThat(request.count()).isEqualTo(100));
  }

  @Test
  void list_whenServerReturnsMoreThanAsked_advancesByReturnedItems() {
    SimulatedListServer<User> server = new SimulatedListServer<>(users(1, 60)).fixedPageSize(25);

    List<User> listed = collect(PagedIterable.of(ListRequest.of(q -> q.count(10)), server::fetch));

    assertThat(ids(listed)).containsExactlyElementsOf(ids(users(1, 60)));
    assertThat(server.requestedStartIndexes()).containsExactly(1, 26, 51);
  }

  @Test
  void list_whenPageHasNoResourcesKey_ends() {
    ScriptedFetcher<User> fetcher = new ScriptedFetcher<User>()
        .then(page(1, users(1, 100), 300))
        .then(ListResponse.<User>builder().totalResults(300).startIndex(101).build());

    List<User> listed = collect(PagedIterable.of(ListRequest.builder().build(), fetcher));

    assertThat(listed).hasSize(100);
    assertThat(fetcher.startIndexes).containsExactly(1, 101);
  }

  @Test
  void list_whenTotalShrinksMidIteration_stopsAtNewTotal() {
    ScriptedFetcher<User> fetcher = new ScriptedFetcher<User>()
        .then(page(1, users(1, 100), 300))
        .then(page(101, users(101, 200), 150))
        .then(page(201, users(201, 300), 150));

    List<User> listed = collect(PagedIterable.of(ListRequest.builder().build(), fetcher));

    assertThat(listed).hasSize(200);
    assertThat(fetcher.startIndexes).containsExactly(1, 101);
  }

  @Test
  void list_whenTotalGrowsMidIteration_continuesToNewTotal() {
    ScriptedFetcher<User> fetcher = new ScriptedFetcher<User>()
        .then(page(1, users(1, 100), 100 + 1))
        .then(page(101, users(101, 200), 250))
        .then(page(201, users(201, 250), 250));

    List<User> listed = collect(PagedIterable.of(ListRequest.builder().build(), fetcher));

    assertThat(ids(listed)).containsExactlyElementsOf(ids(users(1, 250)));
    assertThat(fetcher.startIndexes).containsExactly(1, 101, 201);
  }

  @Test
  void list_whenTotalIsZeroButResourcesPresent_stillYieldsThem() {
    ScriptedFetcher<User> fetcher = new ScriptedFetcher<User>().then(page(1, users(1, 3), 0));

    List<User> listed = collect(PagedIterable.of(ListRequest.builder().build(), fetcher));

    assertThat(ids(listed)).containsExactly("1", "2", "3");
  }

  @Test
  void list_duplicatesAcrossPages_yieldsFirstOccurrenceOnly() {
    List<User> backing = new ArrayList<>(users(1, 10));
    backing.add(5, user(3));
    backing.add(user(10));
    SimulatedListServer<User> server = new SimulatedListServer<>(backing);

    List<User> listed = collect(PagedIterable.of(ListRequest.of(q -> q.count(4)), server::fetch));

    assertThat(ids(listed)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    assertThat(server.requests).hasSize(3);
  }

  @Test
  void list_resourcesWithoutIdAndNonScimTypes_areNeverDeduplicated() {
    User anonymous = User.builder().userName("no-id@example.com").build();
    SimulatedListServer<User> users = new SimulatedListServer<>(Arrays.asList(anonymous, anonymous, anonymous));
    SimulatedListServer<String> strings = new SimulatedListServer<>(Arrays.asList("a", "a", "b", "a"));

    assertThat(collect(PagedIterable.of(ListRequest.of(q -> q.count(2)), users::fetch))).hasSize(3);
    assertThat(PagedIterable.of(ListRequest.of(q -> q.count(3)), strings::fetch).stream())
        .containsExactly("a", "a", "b", "a");
  }

  @Test
  void list_whenServerIgnoresStartIndex_failsAfterYieldingWithoutLooping() {
    AtomicInteger fetches = new AtomicInteger();
    PagedIterable<User> users = PagedIterable.of(ListRequest.of(q -> q.count(100)), request -> {
      fetches.incrementAndGet();
      return Page.of(page(1, users(1, 100), 1000), request);
    });

    Iterator<User> iterator = users.iterator();
    List<User> yielded = new ArrayList<>();

    assertThatThrownBy(() -> iterator.forEachRemaining(yielded::add))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not advance")
        .hasMessageContaining("startIndex=101");
    assertThat(ids(yielded)).containsExactlyElementsOf(ids(users(1, 100)));
    assertThat(fetches).hasValue(2);
    assertThat(iterator.hasNext()).isFalse();
  }

  @Test
  void list_whenServerNeverEnds_stopsAtPageCap() {
    AtomicInteger fetches = new AtomicInteger();
    Function<ListRequest, Page<String>> endless = request -> {
      fetches.incrementAndGet();
      int start = request.startIndex();
      return Page.of(PageTest.response(start, Arrays.asList("r" + start), start + 10L), request);
    };

    PagedIterable<String> listing = PagedIterable.of(ListRequest.builder().build(), endless, 50);

    assertThatThrownBy(() -> listing.stream().count())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("50 pages");
    assertThat(fetches).hasValue(50);
  }

  @Test
  void iterator_whenFetcherFails_errorSurfacesDuringIterationAndRetrySucceeds() {
    SimulatedListServer<User> server = new SimulatedListServer<>(users(1, 30));
    AtomicInteger calls = new AtomicInteger();
    PagedIterable<User> users = PagedIterable.of(ListRequest.of(q -> q.count(10)), request -> {
      if (calls.incrementAndGet() == 2) {
        throw new IllegalStateException("503 from server");
      }
      return server.fetch(request);
    });
    Iterator<User> iterator = users.iterator();
    List<User> yielded = new ArrayList<>();

    assertThatThrownBy(() -> iterator.forEachRemaining(yielded::add)).hasMessage("503 from server");
    assertThat(yielded).hasSize(10);
    iterator.forEachRemaining(yielded::add);

    assertThat(ids(yielded)).containsExactlyElementsOf(ids(users(1, 30)));
    assertThat(server.requestedStartIndexes()).containsExactly(1, 11, 21);
  }

  @Test
  void iterator_whenFetcherReturnsNull_throwsNullPointer() {
    PagedIterable<User> users = PagedIterable.of(ListRequest.builder().build(), request -> null);

    assertThatThrownBy(() -> users.iterator().hasNext())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("fetcher returned null");
  }

  @Test
  void iterator_exhausted_throwsNoSuchElement() {
    SimulatedListServer<User> server = new SimulatedListServer<>(users(1, 1));
    Iterator<User> iterator = PagedIterable.of(ListRequest.builder().build(), server::fetch).iterator();

    iterator.next();

    assertThat(iterator.hasNext()).isFalse();
    assertThatThrownBy(iterator::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void iterator_calledTwice_listsAgainFromFirstRequest() {
    SimulatedListServer<User> server = new SimulatedListServer<>(users(1, 15));
    PagedIterable<User> users = PagedIterable.of(ListRequest.of(q -> q.count(10)), server::fetch);

    assertThat(collect(users)).hasSize(15);
    assertThat(collect(users)).hasSize(15);
    assertThat(server.requestedStartIndexes()).containsExactly(1, 11, 1, 11);
  }

  @Test
  void stream_shortCircuit_fetchesOnlyNeededPages() {
    SimulatedListServer<User> server = new SimulatedListServer<>(users(1, 500));
    PagedIterable<User> users = PagedIterable.of(ListRequest.of(q -> q.count(100)), server::fetch);

    List<String> firstFive = users.stream().limit(5).map(user -> user.id().get()).collect(Collectors.toList());

    assertThat(firstFive).containsExactly("1", "2", "3", "4", "5");
    assertThat(server.requests).hasSize(1);
    assertThat(users.stream().filter(user -> user.userName().equals("user250@example.com")).findFirst())
        .isPresent();
    assertThat(server.requestedStartIndexes()).containsExactly(1, 1, 101, 201);
  }

  @Test
  void pages_returnsRawPagesWithBoundariesAndDuplicates() {
    List<User> backing = new ArrayList<>(users(1, 4));
    backing.add(user(1));
    SimulatedListServer<User> server = new SimulatedListServer<>(backing);

    List<Page<User>> pages = new ArrayList<>();
    PagedIterable.of(ListRequest.of(q -> q.count(2)), server::fetch).pages().forEach(pages::add);

    assertThat(pages).extracting(Page::startIndex).containsExactly(1, 3, 5);
    assertThat(pages).extracting(page -> ids(page.resources()))
        .containsExactly(Arrays.asList("1", "2"), Arrays.asList("3", "4"), Arrays.asList("1"));
    assertThat(pages).extracting(Page::totalResults).containsOnly(5L);
  }

  @Test
  void pages_emptyListing_yieldsOneEmptyPage() {
    SimulatedListServer<User> server = new SimulatedListServer<>(new ArrayList<User>());
    PagedIterable<User> users = PagedIterable.of(ListRequest.builder().build(), server::fetch);

    assertThat(collect(users.pages())).singleElement().satisfies(page -> assertThat(page.resources()).isEmpty());
    assertThat(collect(users)).isEmpty();
    assertThat(server.requests).hasSize(2);
  }

  private static <T> List<T> collect(Iterable<T> iterable) {
    List<T> all = new ArrayList<>();
    iterable.forEach(all::add);
    return all;
  }

  static List<User> users(int fromId, int toId) {
    List<User> users = new ArrayList<>();
    for (int id = fromId; id <= toId; id++) {
      users.add(user(id));
    }
    return users;
  }

  static User user(int id) {
    return User.builder().id(Integer.toString(id)).userName("user" + id + "@example.com").build();
  }

  static List<String> ids(List<User> users) {
    return users.stream().map(user -> user.id().orElse("?")).collect(Collectors.toList());
  }

  private static ListResponse<User> page(int startIndex, List<User> resources, long totalResults) {
    return ListResponse.<User>builder()
        .startIndex(startIndex)
        .totalResults(totalResults)
        .addAllResources(resources)
        .build();
  }

  /** Answers each request with the next scripted response, recording the start indexes asked for. */
  private static final class ScriptedFetcher<T> implements Function<ListRequest, Page<T>> {
    private final Deque<ListResponse<T>> responses = new ArrayDeque<>();
    final List<Integer> startIndexes = new ArrayList<>();

    ScriptedFetcher<T> then(ListResponse<T> response) {
      responses.add(response);
      return this;
    }

    @Override
    public Page<T> apply(ListRequest request) {
      startIndexes.add(request.startIndex());
      ListResponse<T> response = responses.poll();
      if (response == null) {
        throw new AssertionError("unexpected request " + request);
      }
      return Page.of(response, request);
    }
  }
}
