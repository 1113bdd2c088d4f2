package dev.dbscim.client.sync;

/**
 * How a sync reads the current members of groups. Since 2025-08-22, account-level group lists no longer carry
 * {@code members} (the docs say to read each group by id); workspace-level lists still do.
 */
public enum MembershipReads {
  /** {@link #GROUP_GET} for the account target, {@link #GROUP_LIST} for a workspace target. The default. */
  AUTO,
  /** Members come with the group list (one request per page); for workspaces and for accounts that kept the old
   * behaviour. */
  GROUP_LIST,
  /** Each group the directory names is read by id ({@code GET /Groups/{id}?attributes=members}), under the GET rate
   * limit; groups the directory does not name are not read. */
  GROUP_GET
}
