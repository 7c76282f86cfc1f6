package org.qiao.matching.rest;

import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import org.qiao.kit.problem.ProblemException;
import org.qiao.kit.security.Caller;
import org.qiao.matching.domain.partner.PartnerRole;

/** The partner a request acts for: its role among the partner roles, and its organisation. */
@RequestScoped
public class PartnerCaller {

  private final Caller caller;

  PartnerCaller(Caller caller) {
    this.caller = caller;
  }

  /** The first partner role the token has (enterprise, university, government, admin). */
  public PartnerRole role() {
    for (PartnerRole r : PartnerRole.values()) {
      if (caller.is(r.role())) {
        return r;
      }
    }
    throw new ProblemException(
        403, "forbidden", "Forbidden", "Only organisations' systems are partners", List.of());
  }

  public String org() {
    return caller.org();
  }
}
