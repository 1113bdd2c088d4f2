package dev.dbscim.client.sync.google;

import dev.dbscim.client.sync.Directory;
import java.util.List;

/**
 * The result of one {@link GoogleDirectorySource#loadWithReport()}: the directory and what the source read but left
 * out of it. Immutable.
 */
public final class GoogleLoadReport {
  private final Directory directory;
  private final int usersRead;
  private final int usersSkipped;
  private final int groupsRead;
  private final int groupsSkipped;
  private final List<SkippedMember> skippedMembers;
  private final List<String> warnings;

  GoogleLoadReport(Directory directory, int usersRead, int usersSkipped, int groupsRead, int groupsSkipped,
      List<SkippedMember> skippedMembers, List<String> warnings) {
    this.directory = directory;
    this.usersRead = usersRead;
    this.usersSkipped = usersSkipped;
    this.groupsRead = groupsRead;
    this.groupsSkipped = groupsSkipped;
    this.skippedMembers = List.copyOf(skippedMembers);
    this.warnings = List.copyOf(warnings);
  }

  /**
   * Returns the directory that was loaded.
   *
   * @return the directory, not yet validated
   */
  public Directory directory() {
    return directory;
  }

  /**
   * Returns how many users the Directory API listed (after the server-side users query, if any).
   *
   * @return the number of users read
   */
  public int usersRead() {
    return usersRead;
  }

  /**
   * Returns how many of the users read were left out: outside the organizational units or the provisioning group, or
   * suspended or archived when such users are skipped.
   *
   * @return the number of users left out
   */
  public int usersSkipped() {
    return usersSkipped;
  }

  /**
   * Returns how many groups the Directory API listed.
   *
   * @return the number of groups read
   */
  public int groupsRead() {
    return groupsRead;
  }

  /**
   * Returns how many of the groups read were left out by the group scope.
   *
   * @return the number of groups left out
   */
  public int groupsSkipped() {
    return groupsSkipped;
  }

  /**
   * Returns every group member that was left out, in the order read.
   *
   * @return the skipped members; empty when every member was provisioned
   */
  public List<SkippedMember> skippedMembers() {
    return skippedMembers;
  }

  /**
   * Returns what the caller should know about how this load read Google, in words for people: for example that the
   * provisioning group holds the {@code CUSTOMER} member, so every user of the account is provisioned. Log or show
   * them; the sync engine does not see them.
   *
   * @return the warnings; empty when there is nothing to say
   */
  public List<String> warnings() {
    return warnings;
  }

  @Override
  public String toString() {
    return "GoogleLoadReport{" + directory + ", usersRead=" + usersRead + ", usersSkipped=" + usersSkipped
        + ", groupsRead=" + groupsRead + ", groupsSkipped=" + groupsSkipped
        + ", skippedMembers=" + skippedMembers.size() + ", warnings=" + warnings.size() + "}";
  }
}
