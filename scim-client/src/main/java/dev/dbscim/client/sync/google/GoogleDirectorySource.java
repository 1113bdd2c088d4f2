package dev.dbscim.client.sync.google;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbscim.client.retry.RetryPolicy;
import dev.dbscim.client.retry.Sleeper;
import dev.dbscim.client.sync.Directory;
import dev.dbscim.client.sync.DirectoryGroup;
import dev.dbscim.client.sync.DirectorySource;
import dev.dbscim.client.sync.DirectoryUser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Reads the desired directory from Google Cloud Identity / Google Workspace through the Admin SDK Directory API
 * ({@code admin.googleapis.com/admin/directory/v1}), for accounts whose identity provider has no SCIM connector for
 * Databricks. Each {@link #load()} lists the users, the groups and each group's members page by page; only the mapped
 * values are kept. Thread-safe; share one instance (it caches the access token).
 *
 * <pre>{@code
 * GoogleDirectorySource google = GoogleDirectorySource.builder()
 *     .credentials(GoogleCredentials.fromEnvironment("admin@example.com"))
 *     .orgUnits("/Engineering")
 *     .groupsMatching(email -> email.startsWith("databricks-"))
 *     .build();
 * GoogleLoadReport report = google.loadWithReport();
 * report.skippedMembers().forEach(skipped -> System.out.println("not provisioned: " + skipped));
 * Directory desired = report.directory();
 * }</pre>
 *
 * <h2>Mapping</h2>
 * <ul>
 *   <li>A user's {@code primaryEmail} becomes {@code userName}; {@code name.fullName} the display name,
 *       {@code name.givenName} and {@code name.familyName} the name parts; the Google {@code id} the
 *       {@code externalId}.</li>
 *   <li>A {@code suspended} or {@code archived} user becomes {@code active=false} (so the sync deactivates it in
 *       Databricks), or is left out with {@link InactiveUsers#SKIP}.</li>
 *   <li>A group's {@code email} (default, unique in Google) or its {@code name} ({@link GroupNames#NAME}) becomes the
 *       display name; its {@code id} the {@code externalId}.</li>
 *   <li>Members of type {@code USER} become member users when the user is provisioned; members of type {@code GROUP}
 *       become nested groups when that group is provisioned. Other members ({@code CUSTOMER}, {@code EXTERNAL}, users
 *       and groups outside the scope) are left out and listed in {@link GoogleLoadReport#skippedMembers()}. A nested
 *       group that is left out takes its members' indirect membership with it.</li>
 * </ul>
 *
 * <h2>Scope</h2>
 * The options combine with AND; by default every user and every group of the customer is provisioned.
 * <ul>
 *   <li>{@link Builder#userQuery(String)}: a Directory API search query the server applies, such as
 *       {@code isSuspended=false}.</li>
 *   <li>{@link Builder#orgUnits(Collection)}: users whose {@code orgUnitPath} is one of these paths or below one.</li>
 *   <li>{@link Builder#provisioningGroup(String)}: users that are members of this group, directly or through nested
 *       groups. A {@code CUSTOMER} member there ("all users in the organization") makes every user of that account a
 *       member, and {@link GoogleLoadReport#warnings()} says so.</li>
 *   <li>{@link Builder#groupsMatching(Predicate)} or {@link Builder#groupEmails(Collection)}: which groups are
 *       provisioned.</li>
 * </ul>
 *
 * <h2>Failures</h2>
 * Answers 500, 502, 503, 504 and I/O failures are retried with the {@link Builder#retryPolicy(RetryPolicy) retry
 * policy} (exponential backoff with full jitter, {@code Retry-After} honoured). Throttling answers (429, and 403 with
 * reason {@code rateLimitExceeded}, {@code userRateLimitExceeded} or {@code quotaExceeded}) are retried with growing
 * waits until at least the {@link Builder#quotaRetryWindow(Duration) quota retry window} (70 s) has passed, since
 * Google counts its quotas per minute. A 401 is repeated once with a fresh token. Everything else throws
 * {@link GoogleDirectoryException}.
 */
public final class GoogleDirectorySource implements DirectorySource {
  /** The default Directory API host. */
  public static final URI DEFAULT_BASE_URL = URI.create("https://admin.googleapis.com");
  /** The default customer: the account of the admin the credentials act for. */
  public static final String MY_CUSTOMER = "my_customer";
  static final int MAX_USER_PAGE = 500;
  static final int MAX_GROUP_PAGE = 200;
  private static final RetryPolicy DEFAULT_RETRY = RetryPolicy.builder()
      .maxAttempts(6).baseDelay(Duration.ofSeconds(1)).maxDelay(Duration.ofSeconds(32)).build();
  /** Google's quotas are per minute; 70 s of waiting always reaches the next minute with some margin. */
  static final Duration DEFAULT_QUOTA_RETRY_WINDOW = Duration.ofSeconds(70);

  /** What happens to suspended and archived users. */
  public enum InactiveUsers {
    /** They are provisioned with {@code active=false}, so the sync deactivates them (the default). */
    DEACTIVATE,
    /** They are left out of the directory, so the sync treats them as gone. */
    SKIP
  }

  /** Which Google group value becomes the Databricks group's display name. */
  public enum GroupNames {
    /** The group's email address, unique within Google (the default). */
    EMAIL,
    /** The group's name; two groups with the same name are then reported by directory validation. */
    NAME
  }

  private final GoogleHttp http;
  private final URI baseUrl;
  private final String customer;
  private final String domain;
  private final int userPageSize;
  private final int groupPageSize;
  private final InactiveUsers inactiveUsers;
  private final GroupNames groupNames;
  private final List<String> orgUnits;
  private final String provisioningGroup;
  private final String userQuery;
  private final Predicate<String> groupScope;
  private final String description;
  private volatile GoogleLoadReport lastReport;

  private GoogleDirectorySource(Builder builder) {
    HttpClient client = builder.httpClient != null ? builder.httpClient : HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(builder.connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.http = new GoogleHttp(client, builder.requestTimeout, builder.retryPolicy, builder.quotaRetryWindow,
        builder.sleeper, builder.clock, builder.credentials, builder.tokenUrl);
    this.baseUrl = builder.baseUrl;
    this.customer = builder.customer;
    this.domain = builder.domain;
    this.userPageSize = builder.userPageSize;
    this.groupPageSize = builder.groupPageSize;
    this.inactiveUsers = builder.inactiveUsers;
    this.groupNames = builder.groupNames;
    this.orgUnits = List.copyOf(builder.orgUnits);
    this.provisioningGroup = builder.provisioningGroup;
    this.userQuery = builder.userQuery;
    this.groupScope = builder.groupScope;
    this.description = "GoogleDirectorySource{" + (domain != null ? "domain=" + domain : "customer=" + customer)
        + ", baseUrl=" + baseUrl + ", credentials=" + builder.credentials
        + (orgUnits.isEmpty() ? "" : ", orgUnits=" + orgUnits)
        + (provisioningGroup == null ? "" : ", provisioningGroup=" + provisioningGroup)
        + (userQuery == null ? "" : ", userQuery=" + userQuery)
        + ", inactiveUsers=" + inactiveUsers + ", groupNames=" + groupNames + "}";
  }

  /**
   * Returns a builder; {@link Builder#credentials(GoogleCredentials)} is required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the directory as Google holds it now; the {@link #lastReport() report} of this load says what was left
   * out.
   *
   * @return the directory, not yet validated
   * @throws GoogleDirectoryException when a request fails after the allowed retries
   */
  @Override
  public Directory load() {
    return loadWithReport().directory();
  }

  /**
   * Loads the directory and returns it with what was left out of it.
   *
   * @return the report, holding the directory
   * @throws GoogleDirectoryException when a request fails after the allowed retries
   */
  public GoogleLoadReport loadWithReport() {
    GoogleLoadReport report = new Load().run();
    lastReport = report;
    return report;
  }

  /**
   * Returns the report of the latest successful load, such as the one a sync engine made through {@link #load()}.
   *
   * @return the report; empty before the first successful load
   */
  public Optional<GoogleLoadReport> lastReport() {
    return Optional.ofNullable(lastReport);
  }

  /**
   * Returns a description of the source: customer or domain, host and scope; the credentials print as {@code ****}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return description;
  }

  // ------------------------------------------------------------------------------------------------------------ load

  /** One load: the state is local to it, so concurrent loads do not interfere. */
  private final class Load {
    /** Provisioned users by Google id. */
    private final Map<String, String> userNameById = new HashMap<>();
    /** Provisioned users by lower-case primary email, for members without an id. */
    private final Map<String, String> userNameByEmail = new HashMap<>();
    private final List<DirectoryUser> users = new ArrayList<>();
    private final List<SkippedMember> skipped = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    /**
     * Ids of the {@code CUSTOMER} members of the provisioning group ("" when Google sent none): every user of those
     * accounts is a member.
     */
    private final Set<String> provisionedCustomers = new HashSet<>();
    private int usersRead;
    private int usersSkipped;
    private int groupsRead;
    private int groupsSkipped;

    GoogleLoadReport run() {
      Set<String> provisioned = provisioningGroup == null ? null : provisioningGroupUserIds();
      loadUsers(provisioned);
      Map<String, GroupEntry> groups = loadGroups();
      Map<String, String> groupNameById = new HashMap<>();
      Map<String, String> groupNameByEmail = new HashMap<>();
      for (GroupEntry group : groups.values()) {
        groupNameById.put(group.id, group.displayName);
        groupNameByEmail.put(lower(group.email), group.displayName);
      }
      List<DirectoryGroup> directoryGroups = new ArrayList<>(groups.size());
      for (GroupEntry group : groups.values()) {
        directoryGroups.add(loadMembers(group, groupNameById, groupNameByEmail));
      }
      Directory directory = Directory.builder().users(users).groups(directoryGroups).build();
      return new GoogleLoadReport(directory, usersRead, usersSkipped, groupsRead, groupsSkipped, skipped, warnings);
    }

    private Set<String> provisioningGroupUserIds() {
      Set<String> ids = new HashSet<>();
      eachPage(groupMembersPath(provisioningGroup), params -> {
        params.put("maxResults", Integer.toString(groupPageSize));
        params.put("includeDerivedMembership", "true");
      }, "members", member -> {
        String type = text(member, "type");
        String id = text(member, "id");
        if ("USER".equals(type)) {
          ids.add(id != null ? id : "email:" + lower(text(member, "email")));
        } else if ("CUSTOMER".equals(type) && provisionedCustomers.add(id == null ? "" : id)) {
          warnings.add("Provisioning group " + provisioningGroup + " has the CUSTOMER member"
              + (id == null ? "" : " " + id) + " (everyone in that Google account): every user of the account that"
              + " was read is provisioned.");
        }
      });
      return ids;
    }

    /** Tells whether the provisioning group holds the user through a {@code CUSTOMER} member (its whole account). */
    private boolean inProvisionedCustomer(JsonNode user) {
      if (provisionedCustomers.isEmpty()) {
        return false;
      }
      String customerId = text(user, "customerId");
      return customerId == null || provisionedCustomers.contains(customerId) || provisionedCustomers.contains("");
    }

    private void loadUsers(Set<String> provisioned) {
      eachPage("/admin/directory/v1/users", params -> {
        scopeParams(params);
        params.put("maxResults", Integer.toString(userPageSize));
        params.put("projection", "basic");
        if (userQuery != null) {
          params.put("query", userQuery);
        }
      }, "users", user -> {
        usersRead++;
        String email = text(user, "primaryEmail");
        String id = text(user, "id");
        boolean inactive = user.path("suspended").asBoolean(false) || user.path("archived").asBoolean(false);
        if (email == null
            || !inOrgUnits(text(user, "orgUnitPath"))
            || (provisioned != null && !provisioned.contains(id != null ? id : "email:" + lower(email))
                && !inProvisionedCustomer(user))
            || (inactive && inactiveUsers == InactiveUsers.SKIP)) {
          usersSkipped++;
          return;
        }
        JsonNode name = user.path("name");
        users.add(DirectoryUser.builder(email)
            .displayName(Optional.ofNullable(text(name, "fullName")))
            .givenName(Optional.ofNullable(text(name, "givenName")))
            .familyName(Optional.ofNullable(text(name, "familyName")))
            .externalId(Optional.ofNullable(id))
            .active(!inactive)
            .build());
        if (id != null) {
          userNameById.put(id, email);
        }
        userNameByEmail.put(lower(email), email);
      });
    }

    private Map<String, GroupEntry> loadGroups() {
      Map<String, GroupEntry> groups = new LinkedHashMap<>();
      eachPage("/admin/directory/v1/groups", params -> {
        scopeParams(params);
        params.put("maxResults", Integer.toString(groupPageSize));
      }, "groups", group -> {
        groupsRead++;
        String email = text(group, "email");
        String id = text(group, "id");
        if (email == null || id == null || !groupScope.test(email)) {
          groupsSkipped++;
          return;
        }
        String displayName = groupNames == GroupNames.NAME && text(group, "name") != null ? text(group, "name")
            : email;
        groups.put(id, new GroupEntry(id, email, displayName));
      });
      return groups;
    }

    private DirectoryGroup loadMembers(GroupEntry group, Map<String, String> groupNameById,
        Map<String, String> groupNameByEmail) {
      List<String> memberUsers = new ArrayList<>();
      List<String> memberGroups = new ArrayList<>();
      eachPage(groupMembersPath(group.id), params -> params.put("maxResults", Integer.toString(groupPageSize)),
          "members", member -> {
            String type = text(member, "type");
            String id = text(member, "id");
            String email = text(member, "email");
            String kind = type == null ? "UNKNOWN" : type;
            switch (kind) {
              case "USER": {
                String userName = resolve(id, email, userNameById, userNameByEmail);
                if (userName != null) {
                  memberUsers.add(userName);
                } else {
                  skipped.add(SkippedMember.of(group.email, email, id, kind, SkippedMember.Reason.USER_NOT_IN_SCOPE));
                }
                break;
              }
              case "GROUP": {
                String groupName = resolve(id, email, groupNameById, groupNameByEmail);
                if (groupName != null) {
                  memberGroups.add(groupName);
                } else {
                  skipped.add(
                      SkippedMember.of(group.email, email, id, kind, SkippedMember.Reason.GROUP_NOT_IN_SCOPE));
                }
                break;
              }
              case "CUSTOMER":
                skipped.add(SkippedMember.of(group.email, email, id, kind, SkippedMember.Reason.CUSTOMER_MEMBER));
                break;
              case "EXTERNAL":
                skipped.add(SkippedMember.of(group.email, email, id, kind, SkippedMember.Reason.EXTERNAL_MEMBER));
                break;
              default:
                skipped.add(SkippedMember.of(group.email, email, id, kind, SkippedMember.Reason.UNKNOWN_TYPE));
            }
          });
      return DirectoryGroup.builder(group.displayName)
          .externalId(Optional.ofNullable(group.id))
          .memberUsers(memberUsers)
          .memberGroups(memberGroups)
          .build();
    }
  }

  private static String resolve(String id, String email, Map<String, String> byId, Map<String, String> byEmail) {
    if (id != null && byId.containsKey(id)) {
      return byId.get(id);
    }
    return email == null ? null : byEmail.get(lower(email));
  }

  private boolean inOrgUnits(String orgUnitPath) {
    if (orgUnits.isEmpty()) {
      return true;
    }
    String path = normalizeOrgUnit(orgUnitPath == null ? "/" : orgUnitPath);
    for (String unit : orgUnits) {
      if (unit.equals("/") || path.equals(unit) || path.startsWith(unit + "/")) {
        return true;
      }
    }
    return false;
  }

  private void scopeParams(Map<String, String> params) {
    if (domain != null) {
      params.put("domain", domain);
    } else {
      params.put("customer", customer);
    }
  }

  private static String groupMembersPath(String groupKey) {
    return "/admin/directory/v1/groups/" + URLEncoder.encode(groupKey, StandardCharsets.UTF_8).replace("+", "%20")
        + "/members";
  }

  /** Lists every page of {@code path}, handing each element of the array {@code field} to {@code each}. */
  private void eachPage(String path, Consumer<Map<String, String>> query, String field, Consumer<JsonNode> each) {
    String pageToken = null;
    Set<String> seenTokens = new HashSet<>();
    do {
      Map<String, String> params = new LinkedHashMap<>();
      query.accept(params);
      if (pageToken != null) {
        params.put("pageToken", pageToken);
      }
      JsonNode page = http.get(uri(path, params));
      JsonNode items = page.get(field);
      if (items != null && items.isArray()) {
        for (JsonNode item : items) {
          each.accept(item);
        }
      }
      pageToken = text(page, "nextPageToken");
      if (pageToken != null && !seenTokens.add(pageToken)) {
        throw new GoogleDirectoryException("Google GET " + path + " repeated a nextPageToken; stopping to avoid a loop",
            null, 200, null, 1, false);
      }
    } while (pageToken != null && !pageToken.isEmpty());
  }

  private URI uri(String path, Map<String, String> params) {
    StringBuilder text = new StringBuilder(baseUrl.toString());
    if (text.charAt(text.length() - 1) == '/') {
      text.setLength(text.length() - 1);
    }
    text.append(path);
    char separator = '?';
    for (Map.Entry<String, String> param : params.entrySet()) {
      text.append(separator).append(param.getKey()).append('=')
          .append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
      separator = '&';
    }
    return URI.create(text.toString());
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
  }

  private static String lower(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }

  static String normalizeOrgUnit(String path) {
    String trimmed = path.trim().toLowerCase(Locale.ROOT);
    if (!trimmed.startsWith("/")) {
      trimmed = "/" + trimmed;
    }
    while (trimmed.length() > 1 && trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }

  private static final class GroupEntry {
    final String id;
    final String email;
    final String displayName;

    GroupEntry(String id, String email, String displayName) {
      this.id = id;
      this.email = email;
      this.displayName = displayName;
    }
  }

  /** Builds a {@link GoogleDirectorySource}. */
  public static final class Builder {
    private GoogleCredentials credentials;
    private URI baseUrl = DEFAULT_BASE_URL;
    private URI tokenUrl;
    private String customer = MY_CUSTOMER;
    private String domain;
    private HttpClient httpClient;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private RetryPolicy retryPolicy = DEFAULT_RETRY;
    private Duration quotaRetryWindow = DEFAULT_QUOTA_RETRY_WINDOW;
    private Sleeper sleeper = Sleeper.system();
    private Clock clock = Clock.systemUTC();
    private int userPageSize = MAX_USER_PAGE;
    private int groupPageSize = MAX_GROUP_PAGE;
    private InactiveUsers inactiveUsers = InactiveUsers.DEACTIVATE;
    private GroupNames groupNames = GroupNames.EMAIL;
    private final List<String> orgUnits = new ArrayList<>();
    private String provisioningGroup;
    private String userQuery;
    private Predicate<String> groupScope = email -> true;

    private Builder() {}

    /**
     * Sets the credentials. Required.
     *
     * @param credentials a service-account key with domain-wide delegation, or an access token
     * @return this builder
     */
    public Builder credentials(GoogleCredentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * Sets the customer whose users and groups are read. Default {@value GoogleDirectorySource#MY_CUSTOMER}, the
     * account of the impersonated admin; set a customer id (such as {@code C01abc23d}) when the admin manages several.
     * Clears {@link #domain(String)}.
     *
     * @param customer the customer id or {@code my_customer}
     * @return this builder
     */
    public Builder customer(String customer) {
      this.customer = nonBlank(customer, "customer");
      this.domain = null;
      return this;
    }

    /**
     * Reads only the users and groups of one domain of the account instead of the whole customer (for accounts with
     * secondary domains). Default none: the whole customer.
     *
     * @param domain the domain name, such as {@code example.com}
     * @return this builder
     */
    public Builder domain(String domain) {
      this.domain = nonBlank(domain, "domain");
      return this;
    }

    /**
     * Sets the Directory API host. Default {@code https://admin.googleapis.com}; change it only for tests or a proxy.
     *
     * @param baseUrl the scheme and host (and port), without a path
     * @return this builder
     */
    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = checkUrl(baseUrl, "baseUrl");
      return this;
    }

    /**
     * Sets the token endpoint for service-account credentials. Default the key file's {@code token_uri}, normally
     * {@code https://oauth2.googleapis.com/token}; change it only for tests or a proxy. The JWT's {@code aud} stays
     * {@code https://oauth2.googleapis.com/token} whatever this URL is, since Google accepts no other audience.
     *
     * @param tokenUrl the token endpoint
     * @return this builder
     */
    public Builder tokenUrl(URI tokenUrl) {
      this.tokenUrl = checkUrl(tokenUrl, "tokenUrl");
      return this;
    }

    /**
     * Sets the HTTP client to send with, for a proxy or custom TLS. Default a client the source makes (HTTP/1.1, no
     * redirects, {@link #connectTimeout(Duration)}). The source never closes a client it is given.
     *
     * @param httpClient the client
     * @return this builder
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * Sets the connect timeout of the source's own HTTP client. Default 10 s; ignored with
     * {@link #httpClient(HttpClient)}.
     *
     * @param connectTimeout the timeout, positive
     * @return this builder
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * Sets how long one request may take until its answer headers arrive. Default 30 s; raise it on slow links.
     *
     * @param requestTimeout the timeout, positive
     * @return this builder
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = positive(requestTimeout, "requestTimeout");
      return this;
    }

    /**
     * Sets how failed requests are retried. Default 6 attempts, backoff from 1 s capped at 32 s with full jitter and
     * {@code Retry-After} honoured up to 60 s, as Google recommends. Only the attempt count and delays are used;
     * throttled requests are also retried until the {@link #quotaRetryWindow(Duration)} has passed.
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * Sets how long, in total, the source keeps waiting and retrying one request that Google throttles (429, or 403
     * with reason {@code rateLimitExceeded}, {@code userRateLimitExceeded} or {@code quotaExceeded}). Google's
     * Directory API quotas are counted per minute, so a throttled request is retried, past the retry policy's attempt
     * count if need be, until the waits add up to this window: each wait is the policy's exponential backoff with
     * "equal jitter" (between half and all of {@code min(maxDelay, baseDelay * 2^(n-1))}, so the waits always grow),
     * or the answer's {@code Retry-After}. Default 70 s, enough to reach the next minute; with the default policy the
     * last retry comes 70 to 102 s after the first refusal. {@link Duration#ZERO} keeps to the policy's attempts;
     * {@link RetryPolicy#none()} turns all retries off. Other failures (5xx, I/O) use only the policy's attempts.
     *
     * @param window the total wait, zero or positive
     * @return this builder
     */
    public Builder quotaRetryWindow(Duration window) {
      Objects.requireNonNull(window, "window");
      if (window.isNegative()) {
        throw new IllegalArgumentException("quotaRetryWindow must not be negative");
      }
      this.quotaRetryWindow = window;
      return this;
    }

    /**
     * Sets how the source waits between attempts. Default {@link Sleeper#system()}; tests pass
     * {@link Sleeper#noWait()}.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Sets the clock for JWT times and token expiry. Default the system UTC clock; tests pass their own.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how many users one page holds. Default and maximum 500, which makes the fewest requests.
     *
     * @param userPageSize from 1 to 500
     * @return this builder
     */
    public Builder userPageSize(int userPageSize) {
      this.userPageSize = range(userPageSize, MAX_USER_PAGE, "userPageSize");
      return this;
    }

    /**
     * Sets how many groups, and members of a group, one page holds. Default and maximum 200.
     *
     * @param groupPageSize from 1 to 200
     * @return this builder
     */
    public Builder groupPageSize(int groupPageSize) {
      this.groupPageSize = range(groupPageSize, MAX_GROUP_PAGE, "groupPageSize");
      return this;
    }

    /**
     * Sets what happens to suspended and archived users. Default {@link InactiveUsers#DEACTIVATE}.
     *
     * @param inactiveUsers deactivate or skip them
     * @return this builder
     */
    public Builder inactiveUsers(InactiveUsers inactiveUsers) {
      this.inactiveUsers = Objects.requireNonNull(inactiveUsers, "inactiveUsers");
      return this;
    }

    /**
     * Sets which group value becomes the display name. Default {@link GroupNames#EMAIL}, which is unique and stable;
     * choose {@link GroupNames#NAME} for friendlier names in Databricks.
     *
     * @param groupNames the email or the name
     * @return this builder
     */
    public Builder groupNames(GroupNames groupNames) {
      this.groupNames = Objects.requireNonNull(groupNames, "groupNames");
      return this;
    }

    /**
     * Provisions only users in these organizational units or below them (compared ignoring case). Default empty: all
     * units. Replaces earlier values.
     *
     * @param orgUnitPaths paths such as {@code /Engineering} or {@code /Sales/EMEA}
     * @return this builder
     */
    public Builder orgUnits(Collection<String> orgUnitPaths) {
      Objects.requireNonNull(orgUnitPaths, "orgUnitPaths");
      this.orgUnits.clear();
      for (String path : orgUnitPaths) {
        this.orgUnits.add(normalizeOrgUnit(nonBlank(path, "orgUnitPath")));
      }
      return this;
    }

    /**
     * Provisions only users in these organizational units or below them.
     *
     * @param orgUnitPaths paths such as {@code /Engineering}
     * @return this builder
     * @see #orgUnits(Collection)
     */
    public Builder orgUnits(String... orgUnitPaths) {
      return orgUnits(Arrays.asList(orgUnitPaths));
    }

    /**
     * Provisions only users that are members of this group, directly or through nested groups (read with
     * {@code includeDerivedMembership=true}). Default none. The group itself is provisioned only if it is in the group
     * scope. If the group (or a nested one) holds the {@code CUSTOMER} member, everyone in the Google account, then
     * every user read from that account is in scope, and {@link GoogleLoadReport#warnings()} says so.
     *
     * @param groupEmail the group's email (or id), such as {@code databricks-users@example.com}
     * @return this builder
     */
    public Builder provisioningGroup(String groupEmail) {
      this.provisioningGroup = nonBlank(groupEmail, "groupEmail");
      return this;
    }

    /**
     * Sets a Directory API users query the server applies, such as {@code isSuspended=false} or
     * {@code orgUnitPath='/Engineering'} (see Google's "Search for users"). Default none.
     *
     * @param query the query
     * @return this builder
     */
    public Builder userQuery(String query) {
      this.userQuery = nonBlank(query, "query");
      return this;
    }

    /**
     * Provisions only the groups whose email passes {@code groupEmailFilter}. Default all groups. Replaces
     * {@link #groupEmails(Collection)}.
     *
     * @param groupEmailFilter tested with each group's email as Google sends it
     * @return this builder
     */
    public Builder groupsMatching(Predicate<String> groupEmailFilter) {
      this.groupScope = Objects.requireNonNull(groupEmailFilter, "groupEmailFilter");
      return this;
    }

    /**
     * Provisions only the groups with these emails (compared ignoring case). Replaces
     * {@link #groupsMatching(Predicate)}.
     *
     * @param groupEmails the emails
     * @return this builder
     */
    public Builder groupEmails(Collection<String> groupEmails) {
      Set<String> emails = new HashSet<>();
      for (String email : Objects.requireNonNull(groupEmails, "groupEmails")) {
        emails.add(nonBlank(email, "groupEmail").toLowerCase(Locale.ROOT));
      }
      this.groupScope = email -> emails.contains(email.toLowerCase(Locale.ROOT));
      return this;
    }

    /**
     * Provisions only the groups with these emails.
     *
     * @param groupEmails the emails
     * @return this builder
     * @see #groupEmails(Collection)
     */
    public Builder groupEmails(String... groupEmails) {
      return groupEmails(Arrays.asList(groupEmails));
    }

    /**
     * Builds the source. Nothing is sent until {@link GoogleDirectorySource#load()}.
     *
     * @return the source
     * @throws IllegalStateException when no credentials are set
     */
    public GoogleDirectorySource build() {
      if (credentials == null) {
        throw new IllegalStateException("credentials are required");
      }
      return new GoogleDirectorySource(this);
    }

    private static String nonBlank(String value, String name) {
      Objects.requireNonNull(value, name);
      if (value.trim().isEmpty()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value.trim();
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return value;
    }

    private static int range(int value, int max, String name) {
      if (value < 1 || value > max) {
        throw new IllegalArgumentException(name + " must be from 1 to " + max + ": " + value);
      }
      return value;
    }

    private static URI checkUrl(URI url, String name) {
      Objects.requireNonNull(url, name);
      if (!url.isAbsolute() || url.getHost() == null || url.getRawUserInfo() != null || url.getRawQuery() != null) {
        throw new IllegalArgumentException(name + " must be an absolute http(s) URL with a host and no query");
      }
      String scheme = url.getScheme().toLowerCase(Locale.ROOT);
      if (scheme.equals("https")) {
        return url;
      }
      if (scheme.equals("http") && isLoopback(url.getHost())) {
        return url;
      }
      throw new IllegalArgumentException(name + " must use https (plain http only to a loopback host)");
    }

    private static boolean isLoopback(String host) {
      String h = host.toLowerCase(Locale.ROOT);
      return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }
  }
}
