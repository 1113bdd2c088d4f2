package dev.dbscim.client.api;

import dev.dbscim.client.RequestOptions;
import dev.dbscim.core.model.Group;
import java.util.Collection;

/**
 * The {@code /Groups} endpoint (RFC 7643 section 4.2), plus membership helpers that batch many member changes into
 * few PATCH requests. Reached through {@code groups()} on a facade; thread-safe.
 *
 * <pre>{@code
 * Group eng = account.groups().create(Group.builder().displayName("engineering").build());
 * int requests = account.groups().addMembers(eng.id().orElseThrow(), newHireIds); // 45 ids -> 3 PATCH requests
 * }</pre>
 *
 * <p>A group's unique key, used to resolve an unclear create, is {@code displayName}; partial list reads always
 * include {@code id} and {@code displayName}. Since August 2025, account-level group lists no longer return
 * {@code members}; read one group with {@link #get(String)} for them.
 */
public interface GroupsApi extends ResourceApi<Group>, GroupsReadApi {
  /**
   * Adds members to a group, sending one PATCH per batch of at most the client's {@code memberBatchSize} ids (20 by
   * default, the chunk size databrickslabs/ucx uses), each of the form
   * {@code {"op":"add","path":"members","value":[{"value":"101"},...]}}
   * (<a href="https://www.rfc-editor.org/rfc/rfc7644#section-3.5.2.1">RFC 7644 section 3.5.2.1</a>).
   *
   * <p>Repeated ids are sent once; adding a member that is already in the group is harmless. The PATCH answers are
   * not read and the group is not read back. The batches are sent in order and are not atomic together: when one
   * fails, its exception is thrown and the batches before it stay applied (re-running the call is safe).
   *
   * @param groupId the group's id
   * @param memberIds the ids of users, service principals or groups to add
   * @return the number of PATCH requests sent; 0 for no ids
   * @throws IllegalArgumentException when the group id or a member id is blank (checked before anything is sent)
   * @throws dev.dbscim.client.error.ScimNotFoundException when the group does not exist (404)
   * @throws dev.dbscim.client.error.ScimBadRequestException when the service refuses a member (400)
   * @throws dev.dbscim.client.error.ScimServiceException for another error answer
   * @throws dev.dbscim.client.error.ScimClientException when no usable answer arrived
   */
  int addMembers(String groupId, Collection<String> memberIds);

  /**
   * Adds members to a group in batches, with per-call options applied to every batch; see
   * {@link #addMembers(String, Collection)}.
   *
   * @param groupId the group's id
   * @param memberIds the ids to add
   * @param options the per-call options
   * @return the number of PATCH requests sent
   * @throws dev.dbscim.client.error.ScimServiceException for an error answer
   * @throws dev.dbscim.client.error.ScimClientException when no usable answer arrived
   */
  int addMembers(String groupId, Collection<String> memberIds, RequestOptions options);

  /**
   * Removes members from a group, sending one PATCH per batch of at most {@code memberBatchSize} ids, each id as
   * its own operation {@code {"op":"remove","path":"members[value eq \"101\"]"}}, the form Databricks documents
   * (<a href="https://www.rfc-editor.org/rfc/rfc7644#section-3.5.2.2">RFC 7644 section 3.5.2.2</a>).
   *
   * <p>Repeated ids are sent once. The PATCH answers are not read and the group is not read back. Batches are not
   * atomic together: when one fails, the batches before it stay applied.
   *
   * @param groupId the group's id
   * @param memberIds the ids of the members to remove
   * @return the number of PATCH requests sent; 0 for no ids
   * @throws IllegalArgumentException when the group id or a member id is blank (checked before anything is sent)
   * @throws dev.dbscim.client.error.ScimNotFoundException when the group does not exist (404)
   * @throws dev.dbscim.client.error.ScimBadRequestException when the service refuses an operation (400, such as
   *     {@code noTarget})
   * @throws dev.dbscim.client.error.ScimServiceException for another error answer
   * @throws dev.dbscim.client.error.ScimClientException when no usable answer arrived
   */
  int removeMembers(String groupId, Collection<String> memberIds);

  /**
   * Removes members from a group in batches, with per-call options applied to every batch; see
   * {@link #removeMembers(String, Collection)}.
   *
   * @param groupId the group's id
   * @param memberIds the ids to remove
   * @param options the per-call options
   * @return the number of PATCH requests sent
   * @throws dev.dbscim.client.error.ScimServiceException for an error answer
   * @throws dev.dbscim.client.error.ScimClientException when no usable answer arrived
   */
  int removeMembers(String groupId, Collection<String> memberIds, RequestOptions options);
}
