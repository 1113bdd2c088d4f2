package dev.dbscim.client.sync;

/**
 * How a sync reads the current members of groups. Since 2025-08-22, account-level group lists no longer carry
 * {@code members} (the docs say to read each group by id); workspace-level lists still do.
 */
public enum MembershipReads {
  /**
   * {@link #GROUP_LIST} for a workspace target; on the account target the group list asks for members too, and when
   * no listed group carries any (the service left them out), the groups the directory names are read by id as with
   * {@link #GROUP_GET}. The default.
   */
  AUTO,
  /** Members come with the group list (one request per page); for workspaces and for accounts that kept the old
   * behaviour. */
  GROUP_LIST,
  /** Each group the directory names is read by id ({@code GET /Groups/{id}?attributes=members}), under the GET rate
   * limit; groups the directory does not name are not read. */
  GROUP_GET
}
