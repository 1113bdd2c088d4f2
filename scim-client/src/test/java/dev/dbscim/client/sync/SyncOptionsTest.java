package dev.dbscim.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyncOptionsTest {
  @Test
  void defaults_asDocumented() {
    SyncOptions options = SyncOptions.defaults();

    assertThat(options.ownership()).isEqualTo(Ownership.EXTERNAL_ID);
    assertThat(options.removalPolicy()).isEqualTo(RemovalPolicy.DEACTIVATE);
    assertThat(options.deletionThreshold()).isEqualTo(DeletionThreshold.defaults());
    assertThat(options.membershipReads()).isEqualTo(MembershipReads.AUTO);
    assertThat(options.stampExternalIds()).isTrue();
    assertThat(options.managedEntitlements()).isEmpty();
    assertThat(options.protectedNames()).isEmpty();
    assertThat(options.managedWorkspaces()).isEmpty();
    assertThat(options.memberBatchSize()).isEqualTo(20);
    assertThat(options.pageSize()).isEqualTo(100);
    assertThat(SyncOptions.builder().build()).isEqualTo(options).hasSameHashCodeAs(options);
  }

  @Test
  void sets_sortedWhicheverSetterFilledThem_andCopied() {
    List<String> entitlements = new ArrayList<>(List.of("workspace-access", "allow-cluster-create"));
    Set<String> entitlementSet = new LinkedHashSet<>(entitlements);
    SyncOptions options = SyncOptions.builder()
        .addProtectedNames("zed@x", "Ada@x")
        .addManagedWorkspaces(3L, 1L)
        .managedEntitlements(entitlements)
        .build();
    SyncOptions fromSet = SyncOptions.builder().managedEntitlements(entitlementSet).build();
    entitlements.add("databricks-sql-access");
    entitlementSet.add("databricks-sql-access");

    assertThat(options.protectedNames()).containsExactly("Ada@x", "zed@x");
    assertThat(options.managedWorkspaces()).containsExactly(1L, 3L);
    assertThat(options.managedEntitlements().get()).containsExactly("allow-cluster-create", "workspace-access");
    assertThat(fromSet.managedEntitlements().get()).containsExactly("allow-cluster-create", "workspace-access");
    assertThat(fromSet.managedEntitlements()).isEqualTo(options.managedEntitlements());
    assertThatThrownBy(() -> options.managedEntitlements().get().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(options.isProtected("ADA@X")).isTrue();
    assertThat(options.toBuilder().build()).isEqualTo(options).hasSameHashCodeAs(options);
  }

  @Test
  void ranges_checkedWithTheirMessages() {
    assertThatThrownBy(() -> SyncOptions.builder().memberBatchSize(0).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("memberBatchSize must be between 1 and 1000: 0");
    assertThatThrownBy(() -> SyncOptions.builder().pageSize(10_001).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("pageSize must be between 1 and 10000: 10001");
    assertThatThrownBy(() -> SyncOptions.builder().managedEntitlements(List.of("a", null)))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void planShape_keepsPlanOptionsAndSafetyRulesComeFromTheRun() {
    SyncOptions saved = SyncOptions.builder().removalPolicy(RemovalPolicy.DELETE).addManagedWorkspaces(7L)
        .addProtectedNames("old@x").pageSize(5).build();
    SyncOptions run = SyncOptions.builder().ownership(Ownership.ALL).addProtectedNames("admin@x").build();

    SyncOptions combined = saved.planShape().withSafetyRulesOf(run);

    assertThat(combined.removalPolicy()).isEqualTo(RemovalPolicy.DELETE);
    assertThat(combined.managedWorkspaces()).containsExactly(7L);
    assertThat(combined.ownership()).isEqualTo(Ownership.ALL);
    assertThat(combined.protectedNames()).containsExactly("admin@x");
    assertThat(combined.pageSize()).isEqualTo(100);
  }
}
