package org.qiao.contracttests;

import java.util.UUID;
import org.qiao.client.talentdemand.api.EnterprisesApi;
import org.qiao.client.talentdemand.model.Enterprise;
import org.qiao.client.talentdemand.model.EnterpriseProfile;
import org.qiao.client.talentdemand.model.EnterpriseRegistration;
import org.qiao.client.talentdemand.model.SizeClass;
import org.qiao.kit.testing.TestCodes;
import org.qiao.kit.testing.TestJwt;

/** Generated clients pointed at a running service and acting through a test token. */
final class Clients {

  private Clients() {}

  /** A talent-demand client acting for a new enterprise, registered through the client. */
  record RegisteredEnterprise(
      org.qiao.client.talentdemand.ApiClient client, Enterprise enterprise) {}

  static RegisteredEnterprise registeredEnterprise(RunningServices services, String name)
      throws Exception {
    String creditCode = TestCodes.newCreditCode();
    var client = new org.qiao.client.talentdemand.ApiClient();
    client.updateBaseUri(services.baseUri("talent-demand-service"));
    String token = TestJwt.token("enterprise", creditCode);
    client.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + token));
    Enterprise enterprise =
        new EnterprisesApi(client)
            .registerEnterprise(
                new EnterpriseRegistration()
                    .creditCode(creditCode)
                    .profile(
                        new EnterpriseProfile()
                            .name(name)
                            .sizeClass(SizeClass.SMALL)
                            .industry("集成电路")
                            .contactName("王经理")),
                UUID.randomUUID().toString());
    return new RegisteredEnterprise(client, enterprise);
  }
}
