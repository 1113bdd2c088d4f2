package dev.dbscim.client.internal;

import dev.dbscim.client.RequestOptions;
import dev.dbscim.client.api.GroupsApi;
import dev.dbscim.core.model.Group;
import dev.dbscim.core.patch.GroupPatch;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The {@link GroupsApi} implementation, with membership changes batched by {@link MembershipBatches}. Not public API;
 * may change without notice.
 */
public final class ResourceGroupsApi extends ResourceOperations<Group> implements GroupsApi {
  private final int memberBatchSize;

  /**
   * Creates the API.
   *
   * @param transport the transport whose base path is the SCIM root
   * @param memberBatchSize the most member ids per PATCH
   */
  public ResourceGroupsApi(ScimTransport transport, int memberBatchSize) {
    super(transport, ResourceKind.GROUPS);
    this.memberBatchSize = MembershipBatches.checkBatchSize(memberBatchSize);
  }

  @Override
  public int addMembers(String groupId, Collection<String> memberIds) {
    return addMembers(groupId, memberIds, RequestOptions.defaults());
  }

  @Override
  public int addMembers(String groupId, Collection<String> memberIds, RequestOptions options) {
    resourcePath(groupId);
    Objects.requireNonNull(options, "options");
    List<List<String>> batches = MembershipBatches.split(memberIds, memberBatchSize);
    for (List<String> batch : batches) {
      patchWithoutReadBack(groupId, GroupPatch.builder().addMembers(batch).build(), options);
    }
    return batches.size();
  }

  @Override
  public int removeMembers(String groupId, Collection<String> memberIds) {
    return removeMembers(groupId, memberIds, RequestOptions.defaults());
  }

  @Override
  public int removeMembers(String groupId, Collection<String> memberIds, RequestOptions options) {
    resourcePath(groupId);
    Objects.requireNonNull(options, "options");
    List<List<String>> batches = MembershipBatches.split(memberIds, memberBatchSize);
    for (List<String> batch : batches) {
      patchWithoutReadBack(groupId, GroupPatch.builder().removeMembers(batch).build(), options);
    }
    return batches.size();
  }

  /**
   * Returns the most member ids sent in one PATCH.
   *
   * @return the batch size
   */
  public int memberBatchSize() {
    return memberBatchSize;
  }
}
