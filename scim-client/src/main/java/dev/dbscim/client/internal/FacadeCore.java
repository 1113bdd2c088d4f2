package dev.dbscim.client.internal;

import dev.dbscim.client.ClientConfig;
import dev.dbscim.client.OperationClass;
import dev.dbscim.client.RateLimits;
import dev.dbscim.client.api.GroupsApi;
import dev.dbscim.client.api.RawApi;
import dev.dbscim.client.api.ServicePrincipalsApi;
import dev.dbscim.client.api.UsersApi;
import dev.dbscim.client.retry.Sleeper;
import java.net.http.HttpClient;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What both facades are built on: the HTTP client (the caller's, one shared with a parent client, or one of its own),
 * the rate limiter, the transport on the SCIM base path and the users, groups and service principals APIs on it.
 * Thread-safe.
 *
 * <p>Not public API; may change without notice.
 */
public final class FacadeCore {
  private final ClientConfig config;
  private final RateLimits rateLimits;
  private final int memberBatchSize;
  private final HttpClient httpClient;
  private final boolean ownsHttpClient;
  private final ScimTransport transport;
  private final RawApi raw;
  private final UsersApi users;
  private final GroupsApi groups;
  private final ServicePrincipalsApi servicePrincipals;
  private final AtomicBoolean closed = new AtomicBoolean();

  private FacadeCore(ClientConfig config, RateLimits rateLimits, int memberBatchSize, HttpClient httpClient,
      boolean ownsHttpClient, ScimTransport transport) {
    this.config = config;
    this.rateLimits = rateLimits;
    this.memberBatchSize = memberBatchSize;
    this.httpClient = httpClient;
    this.ownsHttpClient = ownsHttpClient;
    this.transport = transport;
    this.raw = new FacadeRawApi(transport.withBasePath(""));
    this.users = new ResourceUsersApi(transport);
    this.groups = new ResourceGroupsApi(transport, memberBatchSize);
    this.servicePrincipals = new ResourceServicePrincipalsApi(transport);
  }

  /**
   * Returns the parts for a facade.
   *
   * @param config the caller's configuration
   * @param rateLimits the client-side rate limits
   * @param memberBatchSize how many member ids the groups API puts in one PATCH (already checked)
   * @param sharedHttpClient the HTTP client of the client this one derives from, or {@code null}; used when the
   *     configuration names no HTTP client, and never closed by this one
   * @param basePath the SCIM base path below the endpoint
   * @return the parts
   */
  public static FacadeCore create(ClientConfig config, RateLimits rateLimits, int memberBatchSize,
      HttpClient sharedHttpClient, String basePath) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(rateLimits, "rateLimits");
    HttpClient httpClient;
    boolean owns;
    if (config.httpClient().isPresent()) {
      httpClient = config.httpClient().get();
      owns = false;
    } else if (sharedHttpClient != null) {
      httpClient = sharedHttpClient;
      owns = false;
    } else {
      httpClient = FacadeHttp.create(config.connectTimeout());
      owns = true;
    }
    ClientConfig transportConfig = config.toBuilder().httpClient(httpClient).build();
    ScimTransport transport = ScimTransport.create(transportConfig, throttle(rateLimits, config.sleeper()), basePath);
    return new FacadeCore(config, rateLimits, memberBatchSize, httpClient, owns, transport);
  }

  /**
   * Returns the throttle for the limits, waiting with the given sleeper; {@link RequestThrottle#none()} when no class
   * is limited.
   *
   * @param rateLimits the limits
   * @param sleeper waits for permits
   * @return the throttle
   */
  public static RequestThrottle throttle(RateLimits rateLimits, Sleeper sleeper) {
    for (OperationClass operation : OperationClass.values()) {
      if (rateLimits.limited(operation)) {
        return new TokenBucketThrottle(rateLimits, System::nanoTime, sleeper);
      }
    }
    return RequestThrottle.none();
  }

  /**
   * Returns the caller's configuration.
   *
   * @return the configuration
   */
  public ClientConfig config() {
    return config;
  }

  /**
   * Returns the client-side rate limits.
   *
   * @return the limits
   */
  public RateLimits rateLimits() {
    return rateLimits;
  }

  /**
   * Returns how many member ids the groups API puts in one PATCH.
   *
   * @return the batch size
   */
  public int memberBatchSize() {
    return memberBatchSize;
  }

  /**
   * Returns the HTTP client in use, for a derived client to share.
   *
   * @return the HTTP client
   */
  public HttpClient httpClient() {
    return httpClient;
  }

  /**
   * Returns the transport on the SCIM base path.
   *
   * @return the transport
   */
  public ScimTransport transport() {
    return transport;
  }

  /**
   * Returns the raw API, with paths absolute on the endpoint.
   *
   * @return the raw API
   */
  public RawApi raw() {
    return raw;
  }

  /**
   * Returns the users API on the SCIM base path.
   *
   * @return the users API
   */
  public UsersApi users() {
    return users;
  }

  /**
   * Returns the groups API on the SCIM base path, with batched membership helpers.
   *
   * @return the groups API
   */
  public GroupsApi groups() {
    return groups;
  }

  /**
   * Returns the service principals API on the SCIM base path.
   *
   * @return the service principals API
   */
  public ServicePrincipalsApi servicePrincipals() {
    return servicePrincipals;
  }

  /**
   * Returns a facade's description: its name, the endpoint, the given extra fields, and never the credentials.
   *
   * @param facadeName the facade's simple class name
   * @param extraFields fields after the endpoint, each starting with {@code ", "}; empty for none
   * @return the description
   */
  public String describe(String facadeName, String extraFields) {
    return facadeName + "{endpoint=" + config.endpoint() + extraFields + ", credentials=****, closed=" + closed()
        + "}";
  }

  /**
   * Returns whether {@link #close()} has run.
   *
   * @return true once closed
   */
  public boolean closed() {
    return closed.get();
  }

  /** Closes the HTTP client if this core created it; runs once, later calls do nothing. */
  public void close() {
    if (closed.compareAndSet(false, true) && ownsHttpClient) {
      FacadeHttp.close(httpClient);
    }
  }
}
