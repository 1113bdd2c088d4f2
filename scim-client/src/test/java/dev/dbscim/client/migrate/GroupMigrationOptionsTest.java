package dev.dbscim.client.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GroupMigrationOptionsTest {
  @Test
  void defaults_areDocumentedValues() {
    GroupMigrationOptions options = GroupMigrationOptions.defaults();

    assertThat(options.renamePrefix()).isEqualTo("db-temp-");
    assertThat(options.mergeOnNameClash()).isFalse();
    assertThat(options.dangerouslyDeleteLocalGroups()).isFalse();
    assertThat(options.renamesPerMinute()).isEqualTo(10);
    assertThat(options.renameTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(options.pollInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(options.pageSize()).isEqualTo(100);
    assertThat(GroupMigrationOptions.builder().build()).isEqualTo(options);
  }

  @Test
  void build_invalidValues_throwWithTheOptionName() {
    assertThatThrownBy(() -> GroupMigrationOptions.builder().renamePrefix(" ").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("renamePrefix must not be blank");
    assertThatThrownBy(() -> GroupMigrationOptions.builder().renamesPerMinute(601).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("renamesPerMinute must be between 1 and 600: 601");
    assertThatThrownBy(() -> GroupMigrationOptions.builder().renameTimeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("renameTimeout must be positive");
    assertThatThrownBy(() -> GroupMigrationOptions.builder().pollInterval(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("pollInterval must be positive");
    assertThatThrownBy(() -> GroupMigrationOptions.builder().pageSize(0).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("pageSize must be between 1 and 10000: 0");
  }

  @Test
  void toBuilder_keepsEveryOption() {
    GroupMigrationOptions options = GroupMigrationOptions.builder().renamePrefix("ucx-").mergeOnNameClash(true)
        .dangerouslyDeleteLocalGroups(true).renamesPerMinute(5).pageSize(50).build();

    assertThat(options.toBuilder().build()).isEqualTo(options);
    assertThat(options.toBuilder().pageSize(51).build()).isNotEqualTo(options);
  }
}
