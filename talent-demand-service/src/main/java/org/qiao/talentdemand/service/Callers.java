package org.qiao.talentdemand.service;

import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import org.qiao.kit.problem.ProblemException;
import org.qiao.kit.security.Caller;
import org.qiao.kit.security.Roles;
import org.qiao.talentdemand.domain.Enterprise;

/** Resolves the caller to the enterprise it acts for, or to what else it may see. */
@RequestScoped
public class Callers {

  private final Caller caller;

  Callers(Caller caller) {
    this.caller = caller;
  }

  /** The registered enterprise whose credit code is the caller's org claim. */
  public Enterprise enterprise() {
    return Enterprise.byCreditCode(caller.org())
        .orElseThrow(
            () ->
                new ProblemException(
                    409,
                    "enterprise-not-registered",
                    "Conflict",
                    "Register your enterprise (POST /api/v1/enterprises) first",
                    List.of()));
  }

  public Viewer viewer() {
    if (caller.is(Roles.ADMIN) || caller.is(Roles.GOVERNMENT)) {
      return new Viewer(Viewer.Kind.OVERSEER, null, null);
    }
    if (caller.is(Roles.ENTERPRISE)) {
      String org = caller.org();
      return new Viewer(
          Viewer.Kind.ENTERPRISE, org, Enterprise.byCreditCode(org).map(e -> e.id).orElse(null));
    }
    if (caller.is(Roles.UNIVERSITY)) {
      return new Viewer(Viewer.Kind.UNIVERSITY, caller.org(), null);
    }
    return new Viewer(Viewer.Kind.MENTOR, null, null);
  }

  public String org() {
    return caller.org();
  }

  public boolean isAdmin() {
    return caller.isAdmin();
  }
}
