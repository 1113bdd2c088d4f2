/**
 * An in-memory fake of Databricks identity APIs for tests: {@link dev.dbscim.testkit.FakeScimServer} with the
 * {@link dev.dbscim.testkit.FakeScim} JUnit 5 extension, {@link dev.dbscim.testkit.FakeScimState} to seed and inspect
 * without HTTP, {@link dev.dbscim.testkit.Fault} injection and a redacted {@link dev.dbscim.testkit.RecordedCall}
 * journal.
 *
 * <h2>What it serves</h2>
 * <ul>
 *   <li>Account host: {@code /api/2.0/accounts/{accountId}/scim/v2/{Users|Groups|ServicePrincipals}[/{id}]} and
 *       {@code /api/2.0/accounts/{accountId}/workspaces/{workspaceId}/permissionassignments[/principals/{id}|/permissions]}.</li>
 *   <li>Each workspace host: {@code /api/2.0/preview/scim/v2/...} with {@code /Me}; the account proxy
 *       {@code /api/2.0/account/scim/v2/...} (a workspace admin reads everything and creates users and service
 *       principals; other writes answer 403); {@code /api/2.0/preview/permissionassignments[/principals/{id}]}.</li>
 *   <li>OAuth machine-to-machine for service principals: the token endpoints {@code /oidc/accounts/{accountId}/v1/token}
 *       (account host) and {@code /oidc/v1/token} (workspace hosts), {@code /oidc/.well-known/oauth-authorization-server}
 *       on every host, and the account's {@code /api/2.0/accounts/{accountId}/servicePrincipals/{id}/credentials/secrets}
 *       (see {@link dev.dbscim.testkit.FakeScimServer}).</li>
 *   <li>{@code /.well-known/databricks-config} answers 404, so the official SDKs fall back to their configured
 *       values.</li>
 * </ul>
 *
 * <p>{@link dev.dbscim.testkit.FakeScimLauncher} runs the fake as a process of its own (the {@code -standalone} jar)
 * for non-JVM tests. With {@link dev.dbscim.testkit.FakeScimServer.Builder#adminApiEnabled(boolean)} (always on in
 * the launcher) every host also serves a test-control API under {@code /_fake/} that takes <strong>no token</strong>;
 * see the launcher for its endpoints.
 *
 * <h2>System groups</h2>
 * The account has the account group {@code account users} (every account user and service principal); each workspace
 * has the workspace-local groups {@code users} and {@code admins} (Databricks "Groups" page: "Each account includes an
 * account users group containing all users and service principals. Each workspace has two system groups: users (all
 * workspace members) and admins (workspace administrators). System groups cannot be deleted."). The fake keeps them
 * up to date as principals come and go; they count towards the group limits and show in {@code groups} like any other
 * group. Inferred membership rules: {@code users} holds every user and service principal created in the workspace and
 * every account principal directly assigned to it (an assigned group is nested, so its members are indirect members);
 * {@code admins} holds the admin behind the admin token and every principal assigned {@code ADMIN}. Removing an
 * assignment (or downgrading it to {@code USER}) removes the membership. Deleting a system group answers 400
 * {@code invalidValue} "System groups cannot be deleted."; the real status and detail are not documented. The account
 * {@code account users} group is not assigned to any workspace.
 *
 *
 * <h2>Behaviour the sources do not state (inferred)</h2>
 * <ul>
 *   <li>Ids are 16-digit numeric strings from one sequence; list order is creation order unless {@code sortBy} is
 *       given. {@code count} defaults to 10,000 and larger values are capped silently; {@code startIndex} below 1 is
 *       read as 1. Empty and past-the-end pages omit {@code Resources}.</li>
 *   <li>Filters (unless full RFC filtering is enabled): {@code eq}, {@code ne}, {@code co}, {@code sw} with
 *       {@code and}/{@code or} on {@code userName}, {@code displayName}, {@code active}, {@code applicationId},
 *       {@code externalId} and {@code id}; anything else, a parse error or more than 200 nodes gives 400
 *       {@code InvalidFilter} "Given filter operator is not supported.".</li>
 *   <li>Limits: creating beyond 10,000 users plus service principals or 5,000 groups (per account, and per workspace
 *       counting what the workspace sees) answers 400 with a SCIM error, no {@code scimType}, detail
 *       "Account {id} has reached the limit of {n} users and service principals." (or "Workspace {id} ...").</li>
 *   <li>Rate limits (off by default, {@link dev.dbscim.testkit.FakeRateLimits}): a request over the limit answers 429 with
 *       {@code Retry-After: 1} and {@code {"error_code":"REQUEST_LIMIT_EXCEEDED","message":..}}, like an injected 429
 *       fault; each host counts each operation class in one-second windows of the fake's clock.</li>
 *   <li>OAuth: token errors use the RFC 6749 section 5.2 shape {@code {"error":..,"error_description":..}} (401
 *       {@code invalid_client} for a wrong or unknown client, 400 {@code unsupported_grant_type},
 *       {@code invalid_request} or {@code invalid_scope}); a non-admin service principal's token on the account API
 *       answers 403 {@code PERMISSION_DENIED} "Only account admins can use this API."; a token works only on the host
 *       that issued it; secrets are {@code dose} plus 64 hex digits; token requests are not rate-limited.</li>
 *   <li>Authentication: a missing bearer token answers 401 {@code {"error_code":401,"message":"Credential was not sent
 *       or was of an unsupported type for this API."}}; an unknown or expired token answers 401 on the account
 *       host and 403 on a workspace host (as real workspaces do), with {@code {"error_code":<status>,
 *       "message":"Invalid access token."}} and {@code X-Databricks-Reason-Phrase}. A plain workspace user may read
 *       {@code /Me} and list users, groups and service principals; anything else answers 403
 *       "{path} is only accessible by admins".</li>
 *   <li>A member that does not exist (or is not allowed in the group's scope) answers 404 "Member {id} not found.";
 *       a membership cycle answers 400 {@code invalidValue}.</li>
 *   <li>In an identity-federated workspace, users and service principals created through the workspace API are
 *       account principals assigned with {@code USER}; creating one that exists in the account but is not visible
 *       assigns it (201). Deleting an account principal through the workspace API only unassigns it from that
 *       workspace; deleting it through the account API removes it everywhere. Groups created in a workspace are always
 *       workspace-local ({@code WorkspaceGroup}). {@code entitlements} and {@code roles} are kept per workspace.</li>
 *   <li>PATCH and PUT answer 200 with the resource, POST 201, DELETE 204 (assignment DELETE 200 {@code {}}).
 *       Unknown paths answer 404 {@code ENDPOINT_NOT_FOUND} "No API found for '{method} {path}'"; a known path with
 *       the wrong method answers 405 {@code METHOD_NOT_ALLOWED}.</li>
 * </ul>
 */
package dev.dbscim.testkit;
