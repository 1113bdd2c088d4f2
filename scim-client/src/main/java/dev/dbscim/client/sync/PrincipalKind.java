package dev.dbscim.client.sync;

/** The kinds of principal a directory holds, each named by its own directory identity. */
public enum PrincipalKind {
  /** A user, named by its {@code userName}. */
  USER,
  /** A service principal, named by its {@code applicationId}. */
  SERVICE_PRINCIPAL,
  /** A group, named by its {@code displayName}. */
  GROUP
}
