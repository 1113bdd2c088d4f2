package dev.dbscim.client.api;

import java.util.List;

/**
 * Reads what principals own or run in a workspace: tokens, jobs, clusters, SQL warehouses, queries, alerts and
 * dashboards, one {@link WorkspaceObject.Kind} at a time, every page of it. Reached with
 * {@code ScimWorkspaceClient.objects()}; the credentials must be a workspace admin's (listing every token needs it).
 * List calls are paced as list reads ({@link dev.dbscim.client.OperationClass#LIST}), details calls as single reads
 * ({@link dev.dbscim.client.OperationClass#GET}), and both are retried like every read. Thread-safe.
 *
 * <pre>{@code
 * List<WorkspaceObject> jobs = workspace.objects().list(WorkspaceObject.Kind.JOB);
 * WorkspaceObject withRunAs = workspace.objects().details(jobs.get(0));   // one jobs/get call
 * }</pre>
 *
 * <p>What the lists do not carry: a job's run-as user ({@code run_as_user_name} comes only from {@code jobs/get},
 * unless {@code settings.run_as} was set explicitly) and a Lakeview dashboard's owner (the list has no owner field; the
 * principals holding {@code CAN_MANAGE} come from its permissions). {@link #details(WorkspaceObject)} reads those, one
 * call per object. A deleted creator's name is absent from jobs and clusters, and an alert's owner reads
 * {@code Unavailable}: such objects come back without that tie.
 *
 * <p>An answer that is not the API's shape (a list field that is not an array, a page that promises more but
 * carries no list, an item without its id, a page token that repeats) throws
 * {@link dev.dbscim.client.error.ScimClientException} naming the endpoint and the problem; it never reads as "owns
 * nothing". A list field left out of the last page reads as none, as these APIs omit empty lists (legacy dashboards
 * always send {@code results} and {@code count}, and must).
 */
public interface WorkspaceObjectsApi {
  /**
   * Reads every object of a kind, following the API's paging to the end: 100 per page ({@code limit} for jobs,
   * {@code page_size} for the others), 250 per page for legacy dashboards, one call for tokens.
   *
   * @param kind the kind
   * @return the objects, in the order the API answered
   * @throws dev.dbscim.client.error.ScimServiceException for an error answer, such as 403 for a caller who is not a
   *     workspace admin
   * @throws dev.dbscim.client.error.ScimClientException when no usable answer arrived, or the answer is not the
   *     API's shape
   */
  List<WorkspaceObject> list(WorkspaceObject.Kind kind);

  /**
   * Returns whether {@link #details(WorkspaceObject)} reads more about objects of a kind: jobs (their run-as user)
   * and Lakeview dashboards (the principals that manage them).
   *
   * @param kind the kind
   * @return whether a details call exists
   */
  static boolean hasDetails(WorkspaceObject.Kind kind) {
    return kind == WorkspaceObject.Kind.JOB || kind == WorkspaceObject.Kind.LAKEVIEW_DASHBOARD;
  }

  /**
   * Reads what the list leaves out about one object, with one call: a job's {@code jobs/get} (adding its
   * {@link ObjectTie.Role#RUN_AS} tie), a Lakeview dashboard's permissions (adding a {@link ObjectTie.Role#MANAGER}
   * tie for each user or service principal holding {@code CAN_MANAGE} directly).
   *
   * @param object an object of a kind with {@linkplain #hasDetails(WorkspaceObject.Kind) details}
   * @return the object with the ties the call added
   * @throws IllegalArgumentException for a kind without details
   * @throws dev.dbscim.client.error.ScimServiceException for an error answer (404 when the object is gone)
   * @throws dev.dbscim.client.error.ScimClientException when no usable answer arrived
   */
  WorkspaceObject details(WorkspaceObject object);
}
