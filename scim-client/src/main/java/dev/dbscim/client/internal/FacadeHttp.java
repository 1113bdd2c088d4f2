package dev.dbscim.client.internal;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Creates the HTTP client a facade owns when the caller gives none, and closes it. Not public API; may change without
 * notice.
 */
public final class FacadeHttp {
  private static final System.Logger LOG = System.getLogger(FacadeHttp.class.getName());

  private FacadeHttp() {}

  /**
   * Returns a new HTTP/1.1 client that never follows redirects and completes responses on the calling thread, the
   * same settings {@link ScimTransport#create} uses for a client of its own.
   *
   * @param connectTimeout the connect timeout
   * @return the client
   */
  public static HttpClient create(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(connectTimeout)
        .executor(Runnable::run)
        .build();
  }

  /**
   * Closes a client when the JDK supports it (Java 21 and later make {@code HttpClient} {@code AutoCloseable}); on
   * older JDKs its resources are released when it becomes unreachable.
   *
   * @param httpClient the client to close
   */
  public static void close(HttpClient httpClient) {
    Object client = httpClient;
    if (client instanceof AutoCloseable) {
      try {
        ((AutoCloseable) client).close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, "closing the HTTP client failed: " + e.getClass().getSimpleName());
      }
    }
  }
}
