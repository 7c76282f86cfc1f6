package org.qiao.matching.domain.partner;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses a webhook may be delivered to: public ones only, so a subscription cannot make
 * Qiao call into its own network (server-side request forgery): no loopback, private, link-local
 * (the cloud metadata address 169.254.169.254 is one), unique-local, carrier-grade NAT, multicast,
 * documentation, benchmarking or unspecified address, also not as an IPv4-mapped IPv6 address.
 */
public final class EndpointAddresses {

  private EndpointAddresses() {}

  public static boolean isPublic(InetAddress a) {
    if (a instanceof Inet6Address v6) {
      byte[] b = v6.getAddress();
      if (isMappedOrCompatibleV4(b)) {
        try {
          return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (java.net.UnknownHostException e) {
          return false;
        }
      }
      int first = b[0] & 0xff;
      if ((first & 0xfe) == 0xfc) { // fc00::/7 unique local
        return false;
      }
      if (first == 0x20
          && (b[1] & 0xff) == 0x01
          && (b[2] & 0xff) == 0x0d
          && (b[3] & 0xff) == 0xb8) {
        return false; // 2001:db8::/32 documentation
      }
      if (first == 0x00 || first == 0xff) {
        return false; // ::/8 (unspecified, loopback, NAT64 well-known excluded too) and multicast
      }
    }
    if (a.isAnyLocalAddress()
        || a.isLoopbackAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    if (a instanceof Inet4Address) {
      byte[] b = a.getAddress();
      int b0 = b[0] & 0xff;
      int b1 = b[1] & 0xff;
      int b2 = b[2] & 0xff;
      return !(b0 == 0 // this network
          || (b0 == 100 && b1 >= 64 && b1 <= 127) // carrier-grade NAT
          || (b0 == 192 && b1 == 0 && b2 == 0) // IETF protocol assignments
          || (b0 == 192 && b1 == 0 && b2 == 2) // documentation
          || (b0 == 198 && (b1 == 18 || b1 == 19)) // benchmarking
          || (b0 == 198 && b1 == 51 && b2 == 100) // documentation
          || (b0 == 203 && b1 == 0 && b2 == 113) // documentation
          || b0 >= 240); // reserved and broadcast
    }
    return true;
  }

  private static boolean isMappedOrCompatibleV4(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean compatible = b[10] == 0 && b[11] == 0 && (b[12] != 0 || b[13] != 0);
    return mapped || compatible;
  }
}
