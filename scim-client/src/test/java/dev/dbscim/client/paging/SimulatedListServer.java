package dev.dbscim.client.paging;

import dev.dbscim.client.api.ListRequest;
import dev.dbscim.core.model.ListResponse;
import java.util.ArrayList;
import java.util.List;

/** A list endpoint over an in-memory collection, with the paging quirks real servers show. */
final class SimulatedListServer<T> {
  final List<T> resources;
  final List<ListRequest> requests = new ArrayList<>();
  private int pageCap = Integer.MAX_VALUE;
  private int fixedPageSize = -1;
  private boolean echoStartIndex = true;
  private boolean omitTotalResults;

  SimulatedListServer(List<T> resources) {
    this.resources = new ArrayList<>(resources);
  }

  /** Returns at most {@code pageCap} resources per page, whatever {@code count} asks. */
  SimulatedListServer<T> pageCap(int pageCap) {
    this.pageCap = pageCap;
    return this;
  }

  /** Ignores {@code count} and returns this many resources per page (fewer at the end). */
  SimulatedListServer<T> fixedPageSize(int fixedPageSize) {
    this.fixedPageSize = fixedPageSize;
    return this;
  }

  SimulatedListServer<T> echoStartIndex(boolean echoStartIndex) {
    this.echoStartIndex = echoStartIndex;
    return this;
  }

  Page<T> fetch(ListRequest request) {
    requests.add(request);
    int from = Math.min(request.startIndex() - 1, resources.size());
    int size = fixedPageSize >= 0 ? fixedPageSize : Math.min(request.count(), pageCap);
    int to = (int) Math.min((long) from + size, resources.size());
    ListResponse.Builder<T> response = ListResponse.<T>builder().totalResults(resources.size());
    if (echoStartIndex) {
      response.startIndex(request.startIndex());
    }
    response.itemsPerPage(to - from).addAllResources(resources.subList(from, to));
    return Page.of(response.build(), request);
  }

  List<Integer> requestedStartIndexes() {
    List<Integer> indexes = new ArrayList<>();
    for (ListRequest request : requests) {
      indexes.add(request.startIndex());
    }
    return indexes;
  }
}
