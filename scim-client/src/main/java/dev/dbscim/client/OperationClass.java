package dev.dbscim.client;

/**
 * The kinds of SCIM call that Databricks rate-limits separately (published limits differ for single reads, list pages,
 * PATCH and other writes).
 */
public enum OperationClass {
  /** {@code GET} of one resource by id, {@code GET /Me}. */
  GET,
  /** {@code GET} of a list page. */
  LIST,
  /** {@code POST} that creates a resource. */
  CREATE,
  /** {@code PUT} that replaces a resource or an assignment. */
  REPLACE,
  /** {@code PATCH} of a resource. */
  PATCH,
  /** {@code DELETE} of a resource or an assignment. */
  DELETE
}
