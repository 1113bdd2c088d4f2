package dev.dbscim.client.migrate;

/**
 * How a {@link WorkspaceToAccountMigration} settles an {@link AttributeConflict}: the workspaces give one principal
 * different values of a mapped attribute. An entry of the {@link ConflictOverrides} always wins over the rule.
 */
public enum ConflictRule {
  /**
   * Settles nothing (the default): the plan lists the conflict, leaves the attribute as the account has it, and
   * {@link WorkspaceToAccountMigration#apply(ProvisioningMigrationPlan)} refuses the plan until every conflict is
   * settled by another rule or an override.
   */
  REFUSE,
  /**
   * Keeps the account's current value when the principal exists at account level with a value; conflicts of new
   * principals (or of an attribute the account principal lacks) stay unsettled.
   */
  KEEP_ACCOUNT,
  /**
   * Takes the value of the first workspace of {@link WorkspaceToAccountMigration.Builder#preferredWorkspaces(long...)}
   * that has the principal with a value; conflicts none of them covers stay unsettled.
   */
  PREFER_WORKSPACES
}
