package dev.dbscim.client.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Decides whether a host is a loopback host, the only kind plain {@code http} may reach without an explicit opt-in.
 *
 * <p>Not public API; may change without notice.
 */
public final class LoopbackHosts {
  private LoopbackHosts() {}

  /**
   * Returns whether {@code host} is {@code localhost} or a literal loopback address ({@code 127.0.0.0/8},
   * {@code ::1}, with or without IPv6 brackets). Never resolves a name through DNS, so a name that merely resolves
   * to a loopback address does not count.
   *
   * @param host the host of a URI; may be null
   * @return true for loopback hosts
   */
  public static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (bare.equalsIgnoreCase("localhost")) {
      return true;
    }
    boolean ipv4Literal = bare.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean ipv6Literal = bare.indexOf(':') >= 0 && bare.matches("[0-9A-Fa-f:.]+");
    if (!ipv4Literal && !ipv6Literal) {
      return false;
    }
    try {
      return InetAddress.getByName(bare).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
