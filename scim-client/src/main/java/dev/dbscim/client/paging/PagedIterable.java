package dev.dbscim.client.paging;

import dev.dbscim.client.api.ListRequest;
import dev.dbscim.core.model.ScimResource;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * All resources of a list call, fetched page by page as iteration proceeds (RFC 7644 section 3.4.2.4).
 *
 * <pre>{@code
 * for (User user : account.users().list(q -> q.filter(Filter.attr("active").eq(true)))) {
 *   System.out.println(user.userName());
 * }
 * long admins = account.groups().list(q -> q.attributes("id", "displayName")).stream()
 *     .filter(g -> g.displayName().startsWith("admins")).count();
 * }</pre>
 *
 * <p><b>Lazy: errors surface during iteration.</b> Creating the iterable sends nothing. Each call of
 * {@link #iterator()}, {@link #stream()} or {@link #pages()} starts a new listing from the first request, and every
 * page is fetched only when iteration reaches it, so a request error (an unchecked exception from the fetcher, such as
 * a {@code ScimServiceException}) is thrown from {@code hasNext()} or {@code next()}, not from the call that returned
 * this iterable. After a fetcher error, calling {@code hasNext()} again retries the same page.
 *
 * <p>How paging proceeds, following {@link Page#nextRequest()}:
 * <ul>
 *   <li>The next start index is the page's start index plus the number of resources actually returned, so servers
 *       that cap or ignore {@code count} (returning fewer or more than asked) are paged without gaps.</li>
 *   <li>Paging stops on an empty page (including one without {@code Resources}) or when a page reaches the
 *       {@code totalResults} it reports. The latest page's total is trusted: if it shrinks while paging, iteration may
 *       end early; if it grows, paging continues. A page reporting a total of 0 with resources still yields them.</li>
 *   <li>A page whose next start index would not move past the index just requested (a server that ignores
 *       {@code startIndex} and echoes 1) ends iteration with an {@link IllegalStateException} after its resources
 *       have been yielded, instead of looping forever. So does going past {@value #DEFAULT_MAX_PAGES} pages.</li>
 *   <li>{@link #iterator()} and {@link #stream()} skip a {@link ScimResource} whose {@code id} was already yielded,
 *       keeping the first (offset paging over a changing collection can repeat resources). This keeps one id per
 *       resource in memory, O(n) for n resources. Resources without an id, and other types, are never skipped.
 *       {@link #pages()} returns the pages as received, duplicates included.</li>
 * </ul>
 *
 * <p>The iterable is immutable and may be shared; each iterator belongs to one thread.
 *
 * @param <T> the resource type
 */
public final class PagedIterable<T> implements Iterable<T> {
  /** The most pages one iteration fetches before it fails: far above the 15,000 identities a Databricks account holds. */
  public static final int DEFAULT_MAX_PAGES = 100_000;

  private final ListRequest firstRequest;
  private final Function<? super ListRequest, ? extends Page<T>> fetcher;
  private final int maxPages;

  private PagedIterable(
      ListRequest firstRequest, Function<? super ListRequest, ? extends Page<T>> fetcher, int maxPages) {
    this.firstRequest = Objects.requireNonNull(firstRequest, "firstRequest");
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    if (maxPages < 1) {
      throw new IllegalArgumentException("maxPages must be at least 1: " + maxPages);
    }
    this.maxPages = maxPages;
  }

  /**
   * Returns an iterable that lists from {@code firstRequest} on, fetching each page with {@code fetcher}.
   *
   * <p>Facades pass a fetcher that sends the request through the transport (auth, throttling, retries, error mapping);
   * every page fetch goes through it.
   *
   * @param firstRequest the request for the first page, normally with start index 1
   * @param fetcher fetches the page for a request; must not return {@code null}
   * @param <T> the resource type
   * @return the lazy iterable; nothing is fetched yet
   */
  public static <T> PagedIterable<T> of(
      ListRequest firstRequest, Function<? super ListRequest, ? extends Page<T>> fetcher) {
    return new PagedIterable<>(firstRequest, fetcher, DEFAULT_MAX_PAGES);
  }

  static <T> PagedIterable<T> of(
      ListRequest firstRequest, Function<? super ListRequest, ? extends Page<T>> fetcher, int maxPages) {
    return new PagedIterable<>(firstRequest, fetcher, maxPages);
  }

  /**
   * Returns the request for the first page.
   *
   * @return the first request
   */
  public ListRequest firstRequest() {
    return firstRequest;
  }

  /**
   * Returns a new iterator over all resources, without repeated ids; pages are fetched as it advances.
   *
   * @return the iterator; its {@code hasNext()} and {@code next()} throw the fetcher's exceptions
   */
  @Override
  public Iterator<T> iterator() {
    return new ResourceIterator<>(new PageIterator<>(firstRequest, fetcher, maxPages));
  }

  /**
   * Returns a sequential stream over all resources, without repeated ids; nothing is fetched until a terminal
   * operation runs, and a short-circuiting one (such as {@code findFirst}) fetches only the pages it needs.
   *
   * @return the lazy stream
   */
  public Stream<T> stream() {
    return StreamSupport.stream(
        () -> Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED),
        Spliterator.ORDERED,
        false);
  }

  /**
   * Returns the pages as the server sent them, duplicates included, for callers that need page boundaries or
   * {@link Page#totalResults()}; each iteration fetches them anew.
   *
   * @return the lazy iterable of pages
   */
  public Iterable<Page<T>> pages() {
    return () -> new PageIterator<>(firstRequest, fetcher, maxPages);
  }

  /**
   * Returns a description naming the first request; fetches nothing.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "PagedIterable{" + firstRequest + "}";
  }

  private static final class PageIterator<T> implements Iterator<Page<T>> {
    private final Function<? super ListRequest, ? extends Page<T>> fetcher;
    private final int maxPages;
    private ListRequest pending;
    private Page<T> lastPage;
    private Page<T> buffered;
    private int pagesFetched;

    PageIterator(ListRequest firstRequest, Function<? super ListRequest, ? extends Page<T>> fetcher, int maxPages) {
      this.pending = firstRequest;
      this.fetcher = fetcher;
      this.maxPages = maxPages;
    }

    @Override
    public boolean hasNext() {
      if (buffered != null) {
        return true;
      }
      if (pending == null) {
        return false;
      }
      checkProgress();
      Page<T> page = fetcher.apply(pending);
      if (page == null) {
        throw new NullPointerException("the page fetcher returned null for " + pending);
      }
      pagesFetched++;
      lastPage = page;
      buffered = page;
      Optional<ListRequest> next = page.nextRequest();
      pending = next.orElse(null);
      return true;
    }

    private void checkProgress() {
      if (lastPage == null) {
        return;
      }
      if (pending.startIndex() <= lastPage.request().startIndex()) {
        ListRequest sent = lastPage.request();
        long nextIndex = pending.startIndex();
        pending = null;
        throw new IllegalStateException("SCIM paging does not advance: asked for startIndex=" + sent.startIndex()
            + ", the server answered startIndex=" + lastPage.startIndex() + " with " + lastPage.resources().size()
            + " resources, so the next page would start at " + nextIndex
            + "; the server seems to ignore startIndex");
      }
      if (pagesFetched >= maxPages) {
        pending = null;
        throw new IllegalStateException("SCIM paging stopped after " + maxPages
            + " pages without reaching the end; the server keeps returning resources (last page: " + lastPage + ")");
      }
    }

    @Override
    public Page<T> next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no more pages");
      }
      Page<T> page = buffered;
      buffered = null;
      return page;
    }
  }

  private static final class ResourceIterator<T> implements Iterator<T> {
    private final Iterator<Page<T>> pages;
    private final Set<String> seenIds = new HashSet<>();
    private Iterator<T> current = Collections.emptyIterator();
    private T buffered;
    private boolean hasBuffered;

    ResourceIterator(Iterator<Page<T>> pages) {
      this.pages = pages;
    }

    @Override
    public boolean hasNext() {
      while (!hasBuffered) {
        while (!current.hasNext()) {
          if (!pages.hasNext()) {
            return false;
          }
          current = pages.next().resources().iterator();
        }
        T candidate = current.next();
        if (firstOccurrence(candidate)) {
          buffered = candidate;
          hasBuffered = true;
        }
      }
      return true;
    }

    private boolean firstOccurrence(T candidate) {
      if (!(candidate instanceof ScimResource)) {
        return true;
      }
      Optional<String> id = ((ScimResource) candidate).id();
      return !id.isPresent() || seenIds.add(id.get());
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no more resources");
      }
      T next = buffered;
      buffered = null;
      hasBuffered = false;
      return next;
    }
  }
}
