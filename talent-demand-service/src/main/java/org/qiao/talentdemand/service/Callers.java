package org.qiao.talentdemand.service;

import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.regex.Pattern;
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

  /** The form of a pseudonymous id (ADR 0009): what a student's {@code sub} must be. */
  private static final Pattern PSEUDONYM = Pattern.compile("s[a-z2-7]{26}");

  /** The calling student's pseudonymous id ({@code sub}); 403 for any other caller. */
  public String student() {
    String id = studentOrNull();
    if (id == null || !PSEUDONYM.matcher(id).matches()) {
      throw new ProblemException(
          403,
          "forbidden",
          "Forbidden",
          "Only a student, named by their pseudonymous id in sub, acts for themselves here",
          List.of());
    }
    return id;
  }

  /** The calling student's pseudonymous id, or null when the caller is no student. */
  public String studentOrNull() {
    return caller.is(Roles.STUDENT) ? caller.subject() : null;
  }
}
