package org.qiao.matching.domain.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  /** Computed with Python's hmac module, not with this code: id.timestamp.body, key decoded. */
  @Test
  void signsAsStandardWebhooksDefines() {
    String secret = "whsec_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcY";
    byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    assertEquals(
        "v1,nUh1oqmV1wCOoRpdM0tMMtMTUhGAItMxUa4nGCi+29s=",
        WebhookSignature.sign(secret, "msg_2Kq7", 1614265330L, body));
  }

  @Test
  void aSecretIs24RandomBytes() {
    String a = WebhookSignature.newSecret();
    String b = WebhookSignature.newSecret();
    assertTrue(a.startsWith("whsec_"));
    assertEquals(24, Base64.getDecoder().decode(a.substring(6)).length);
    assertNotEquals(a, b);
  }

  @Test
  void anyChangeChangesTheSignature() {
    String secret = WebhookSignature.newSecret();
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    String s = WebhookSignature.sign(secret, "id", 1, body);
    assertNotEquals(s, WebhookSignature.sign(secret, "id", 2, body));
    assertNotEquals(s, WebhookSignature.sign(secret, "id2", 1, body));
    assertNotEquals(s, WebhookSignature.sign(secret, "id", 1, "{ }".getBytes()));
    assertNotEquals(s, WebhookSignature.sign(WebhookSignature.newSecret(), "id", 1, body));
  }
}
