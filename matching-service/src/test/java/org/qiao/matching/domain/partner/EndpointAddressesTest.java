package org.qiao.matching.domain.partner;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointAddressesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.8.9.10",
        "0.0.0.0",
        "10.1.2.3",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "169.254.169.254",
        "169.254.0.1",
        "100.64.0.1",
        "100.127.255.254",
        "224.0.0.1",
        "255.255.255.255",
        "240.0.0.1",
        "192.0.2.7",
        "198.18.0.1",
        "203.0.113.9",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "::ffff:169.254.169.254",
        "::127.0.0.1",
        "2001:db8::1",
        "fec0::1"
      })
  void refusesEveryNonPublicAddress(String address) throws Exception {
    assertFalse(EndpointAddresses.isPublic(InetAddress.getByName(address)), address);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "8.8.8.8",
        "1.1.1.1",
        "101.6.6.6",
        "172.32.0.1",
        "100.128.0.1",
        "192.169.0.1",
        "2400:3200::1",
        "2606:4700:4700::1111"
      })
  void acceptsPublicAddresses(String address) throws Exception {
    assertTrue(EndpointAddresses.isPublic(InetAddress.getByName(address)), address);
  }
}
