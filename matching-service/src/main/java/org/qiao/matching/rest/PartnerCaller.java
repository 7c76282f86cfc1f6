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

  /** The caller's organisation; a claim no organisation code could be is refused, not stored. */
  public String org() {
    String org = caller.org();
    if (org == null || org.isBlank() || org.length() > 20) {
      throw new ProblemException(
          403, "forbidden", "Forbidden", "The token names no organisation code", List.of());
    }
    return org;
  }
}
