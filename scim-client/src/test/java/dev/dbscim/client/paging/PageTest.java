package dev.dbscim.client.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.client.api.ListRequest;
import dev.dbscim.core.model.ListResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

  @Test
  void nextRequest_fullPageBeforeTotal_startsAfterReturnedResources() {
    ListRequest request = ListRequest.of(q -> q.filter("active eq true").count(100));
    Page<String> page = Page.of(response(1, items(100), 250), request);

    ListRequest next = page.nextRequest().orElseThrow(AssertionError::new);

    assertThat(next.startIndex()).isEqualTo(101);
    assertThat(next.filter()).contains("active eq true");
    assertThat(next.count()).isEqualTo(100);
  }

  @Test
  void nextRequest_whenServerReturnsFewerThanAsked_advancesByReturnedCount() {
    ListRequest request = ListRequest.of(q -> q.startIndex(101).count(100));
    Page<String> page = Page.of(response(101, items(50), 1000), request);

    assertThat(page.nextRequest().map(ListRequest::startIndex)).contains(151);
  }

  @Test
  void nextRequest_usesServerEchoedStartIndex() {
    ListRequest request = ListRequest.of(q -> q.startIndex(11).count(10));
    Page<String> page = Page.of(response(21, items(10), 100), request);

    assertThat(page.startIndex()).isEqualTo(21);
    assertThat(page.nextRequest().map(ListRequest::startIndex)).contains(31);
  }

  @Test
  void nextRequest_withoutEchoedStartIndex_usesRequestStartIndex() {
    ListRequest request = ListRequest.of(q -> q.startIndex(11).count(10));
    ListResponse<String> response = ListResponse.<String>builder().totalResults(100).addAllResources(items(10)).build();

    Page<String> page = Page.of(response, request);

    assertThat(page.startIndex()).isEqualTo(11);
    assertThat(page.nextRequest().map(ListRequest::startIndex)).contains(21);
  }

  @Test
  void of_echoedStartIndexBelowOne_fallsBackToRequest() {
    ListRequest request = ListRequest.of(q -> q.startIndex(5));

    Page<String> page = Page.of(response(0, items(3), 100), request);

    assertThat(page.startIndex()).isEqualTo(5);
  }

  @Test
  void nextRequest_pageReachingTotalExactly_isEmpty() {
    Page<String> page = Page.of(response(201, items(50), 250), ListRequest.of(q -> q.startIndex(201)));

    assertThat(page.nextRequest()).isEmpty();
  }

  @Test
  void nextRequest_pageOneShortOfTotal_isPresent() {
    Page<String> page = Page.of(response(201, items(49), 250), ListRequest.of(q -> q.startIndex(201)));

    assertThat(page.nextRequest().map(ListRequest::startIndex)).contains(250);
  }

  @Test
  void nextRequest_pageBeyondTotal_isEmpty() {
    Page<String> page = Page.of(response(1, items(5), 0), ListRequest.builder().build());

    assertThat(page.nextRequest()).isEmpty();
    assertThat(page.resources()).hasSize(5);
  }

  @Test
  void nextRequest_emptyPage_isEmptyEvenBelowTotal() {
    ListResponse<String> noResources = ListResponse.<String>builder().totalResults(500).startIndex(101).build();

    Page<String> page = Page.of(noResources, ListRequest.of(q -> q.startIndex(101)));

    assertThat(page.resources()).isEmpty();
    assertThat(page.nextRequest()).isEmpty();
  }

  @Test
  void of_withoutTotalOrItemsPerPage_usesResourceCount() {
    ListResponse<String> response = ListResponse.<String>builder().addAllResources(items(7)).build();

    Page<String> page = Page.of(response, ListRequest.builder().build());

    assertThat(page.totalResults()).isEqualTo(7);
    assertThat(page.itemsPerPage()).isEqualTo(7);
  }

  @Test
  void of_keepsServerValuesAndRequest() {
    ListRequest request = ListRequest.of(q -> q.count(20));
    ListResponse<String> response = ListResponse.<String>builder()
        .totalResults(42).startIndex(1).itemsPerPage(20).addAllResources(items(20)).build();

    Page<String> page = Page.of(response, request);

    assertThat(page.totalResults()).isEqualTo(42);
    assertThat(page.itemsPerPage()).isEqualTo(20);
    assertThat(page.request()).isSameAs(request);
    assertThat(page.resources()).containsExactlyElementsOf(items(20));
    assertThat(page.toString()).contains("startIndex=1", "resources=20", "totalResults=42");
  }

  @Test
  void resources_isUnmodifiable() {
    Page<String> page = Page.of(response(1, items(2), 2), ListRequest.builder().build());

    assertThatThrownBy(() -> page.resources().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  static ListResponse<String> response(int startIndex, List<String> resources, long totalResults) {
    return ListResponse.<String>builder()
        .startIndex(startIndex)
        .totalResults(totalResults)
        .addAllResources(resources)
        .build();
  }

  static List<String> items(int count) {
    List<String> items = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      items.add("r" + i);
    }
    return items;
  }
}
