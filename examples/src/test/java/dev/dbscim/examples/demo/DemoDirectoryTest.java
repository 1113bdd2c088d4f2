package dev.dbscim.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbscim.client.sync.Directory;
import dev.dbscim.client.sync.DirectoryGroup;
import dev.dbscim.client.sync.DirectoryJson;
import dev.dbscim.client.sync.DirectoryLimits;
import dev.dbscim.client.sync.DirectoryUser;
import dev.dbscim.client.sync.DirectoryWorkspaceAssignment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoDirectoryTest {
  private static String resource() throws IOException {
    try (InputStream in = DemoDirectory.class.getResourceAsStream(DemoDirectory.RESOURCE)) {
      assertThat(in).as(DemoDirectory.RESOURCE).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void resource_equalsWhatTheGeneratorProduces() throws IOException {
    assertThat(resource())
        .as("regenerate with DemoDirectory.main")
        .isEqualTo(DirectoryJson.write(DemoDirectory.generate()));
  }

  @Test
  void generate_isValidForDatabricksLimits() {
    assertThat(DemoDirectory.generate().validate(DirectoryLimits.databricks())).isEmpty();
  }

  @Test
  void resource_hasTheAdvertisedShape() throws IOException {
    Directory directory = DirectoryJson.read(resource());

    assertThat(directory.users()).hasSize(2_000);
    assertThat(directory.users()).filteredOn(user -> !user.active()).hasSizeBetween(10, 100);
    assertThat(directory.users()).extracting(DirectoryUser::userName).allMatch(name -> name.endsWith("@example.com"));
    assertThat(directory.servicePrincipals()).hasSize(20);
    assertThat(directory.groups()).hasSize(300);
    assertThat(directory.groups()).allSatisfy(group -> assertThat(memberCount(group)).isBetween(1, 40));
    assertThat(directory.groups()).anyMatch(group -> !group.memberServicePrincipals().isEmpty());
    assertThat(directory.groups()).as("entitlements are per workspace; the demo syncs an account")
        .allMatch(group -> group.entitlements().isEmpty());
    assertThat(maxDepth(directory)).isEqualTo(3);
    assertThat(directory.workspaceAssignments()).extracting(DirectoryWorkspaceAssignment::workspaceId)
        .contains(1001L, 1002L);
  }

  private static int memberCount(DirectoryGroup group) {
    return group.memberUsers().size() + group.memberServicePrincipals().size() + group.memberGroups().size();
  }

  private static int maxDepth(Directory directory) {
    Map<String, DirectoryGroup> byName = new HashMap<>();
    directory.groups().forEach(group -> byName.put(group.displayName(), group));
    int max = 0;
    for (DirectoryGroup group : directory.groups()) {
      max = Math.max(max, depth(group, byName));
    }
    return max;
  }

  private static int depth(DirectoryGroup group, Map<String, DirectoryGroup> byName) {
    int deepest = 0;
    for (String member : group.memberGroups()) {
      deepest = Math.max(deepest, depth(byName.get(member), byName));
    }
    return deepest + 1;
  }
}
