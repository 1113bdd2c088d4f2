package dev.dbscim.client.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbscim.core.filter.Filter;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListRequestTest {

  @Test
  void builder_withoutOptions_hasPagingDefaults() {
    ListRequest request = ListRequest.builder().build();

    assertThat(request.filter()).isEmpty();
    assertThat(request.attributes()).isEmpty();
    assertThat(request.excludedAttributes()).isEmpty();
    assertThat(request.sortBy()).isEmpty();
    assertThat(request.sortOrder()).isEmpty();
    assertThat(request.startIndex()).isEqualTo(1);
    assertThat(request.count()).isEqualTo(100);
    assertThat(request.toQueryParameters()).containsExactly(
        entry("startIndex", "1"), entry("count", "100"));
  }

  @Test
  void toQueryParameters_allOptions_rendersRawValuesInFixedOrder() {
    ListRequest request = ListRequest.builder()
        .count(50)
        .startIndex(101)
        .sortOrder(SortOrder.DESCENDING)
        .sortBy("userName")
        .excludedAttributes("groups", "roles")
        .attributes("id", "userName", "name.givenName")
        .filter("userName eq \"a@b.com\"")
        .build();

    Map<String, String> parameters = request.toQueryParameters();

    assertThat(parameters).containsExactly(
        entry("filter", "userName eq \"a@b.com\""),
        entry("attributes", "id,userName,name.givenName"),
        entry("excludedAttributes", "groups,roles"),
        entry("sortBy", "userName"),
        entry("sortOrder", "descending"),
        entry("startIndex", "101"),
        entry("count", "50"));
  }

  @Test
  void toQueryParameters_ascending_rendersLowerCase() {
    ListRequest request = ListRequest.of(q -> q.sortBy("displayName").sortOrder(SortOrder.ASCENDING));

    assertThat(request.toQueryParameters()).containsEntry("sortOrder", "ascending");
  }

  @Test
  void toQueryParameters_isUnmodifiable() {
    Map<String, String> parameters = ListRequest.builder().build().toQueryParameters();

    assertThatThrownBy(() -> parameters.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void filter_fromFilter_storesCanonicalText() {
    Filter filter = Filter.attr("userName").sw("ada").and(Filter.attr("active").eq(true));

    ListRequest request = ListRequest.of(q -> q.filter(filter));

    assertThat(request.filter()).contains(filter.toString());
    assertThat(request.filter().get()).contains("userName sw \"ada\"");
  }

  @Test
  void filter_databricksBareValue_isKeptVerbatim() {
    ListRequest request = ListRequest.of(q -> q.filter("userName eq user@example.com"));

    assertThat(request.toQueryParameters()).containsEntry("filter", "userName eq user@example.com");
  }

  @Test
  void filter_blank_throwsIllegalArgument() {
    assertThatThrownBy(() -> ListRequest.builder().filter("  ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("filter");
  }

  @Test
  void clearFilter_afterFilter_removesIt() {
    ListRequest filtered = ListRequest.of(q -> q.filter("displayName eq \"x\""));

    ListRequest cleared = filtered.toBuilder().clearFilter().build();

    assertThat(cleared.filter()).isEmpty();
    assertThat(cleared.toQueryParameters()).doesNotContainKey("filter");
  }

  @Test
  void startIndex_belowOne_throwsIllegalArgument() {
    assertThatThrownBy(() -> ListRequest.builder().startIndex(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("startIndex");
    assertThatThrownBy(() -> ListRequest.builder().startIndex(-5).build()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void count_outOfRange_throwsIllegalArgument() {
    assertThatThrownBy(() -> ListRequest.builder().count(0).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ListRequest.builder().count(10_001).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("10000");
    assertThatThrownBy(() -> ListRequest.builder().pageSize(-1).build()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void count_atBounds_isAccepted() {
    assertThat(ListRequest.of(q -> q.count(1)).count()).isEqualTo(1);
    assertThat(ListRequest.of(q -> q.pageSize(10_000)).count()).isEqualTo(10_000);
  }

  @Test
  void attributes_withCommaOrBlank_throwsIllegalArgument() {
    assertThatThrownBy(() -> ListRequest.builder().attributes("id,userName").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("','");
    assertThatThrownBy(() -> ListRequest.builder().excludedAttributes("groups", " ").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ListRequest.builder().sortBy("").build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void attributes_setterReplacesAndAdderAppends() {
    ListRequest request = ListRequest.builder()
        .attributes("a", "b")
        .attributes(Arrays.asList("c"))
        .addAttributes("d")
        .excludedAttributes("x")
        .addExcludedAttributes("y")
        .build();

    assertThat(request.attributes()).containsExactly("c", "d");
    assertThat(request.excludedAttributes()).containsExactly("x", "y");
  }

  @Test
  void attributes_returnedList_isUnmodifiable() {
    ListRequest request = ListRequest.of(q -> q.attributes("id"));

    assertThatThrownBy(() -> request.attributes().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void withStartIndex_changesOnlyStartIndex() {
    ListRequest first = ListRequest.of(q -> q.filter("active eq true").attributes("id").count(10));

    ListRequest third = first.withStartIndex(21);

    assertThat(third.startIndex()).isEqualTo(21);
    assertThat(third.toBuilder().startIndex(1).build()).isEqualTo(first);
    assertThat(first.startIndex()).isEqualTo(1);
    assertThat(first.withStartIndex(1)).isSameAs(first);
    assertThatThrownBy(() -> first.withStartIndex(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toBuilder_roundTrip_isEqualWithSameHashCode() {
    ListRequest request = ListRequest.of(q -> q.filter("a eq 1").attributes("id").excludedAttributes("groups")
        .sortBy("id").sortOrder(SortOrder.DESCENDING).startIndex(3).count(7));

    ListRequest copy = request.toBuilder().build();

    assertThat(copy).isEqualTo(request).hasSameHashCodeAs(request).isNotSameAs(request);
    assertThat(copy.toBuilder().count(8).build()).isNotEqualTo(request);
  }

  @Test
  void toBuilder_changes_doNotAffectOriginal() {
    ListRequest request = ListRequest.of(q -> q.attributes("id"));

    request.toBuilder().addAttributes("userName").build();

    assertThat(request.attributes()).containsExactly("id");
  }

  @Test
  void toString_showsQueryParameters() {
    assertThat(ListRequest.of(q -> q.count(5)).toString()).isEqualTo("ListRequest{startIndex=1, count=5}");
  }

  private static Map.Entry<String, String> entry(String key, String value) {
    return new java.util.AbstractMap.SimpleImmutableEntry<>(key, value);
  }
}
