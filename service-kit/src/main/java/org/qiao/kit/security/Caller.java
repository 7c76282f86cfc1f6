package org.qiao.kit.security;

import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.qiao.kit.problem.ProblemException;

/** Who is calling: the organisation from the token's {@code org} claim, and its roles. */
@RequestScoped
public class Caller {

  public static final String ORG_CLAIM = "org";

  private final JsonWebToken jwt;

  Caller(JsonWebToken jwt) {
    this.jwt = jwt;
  }

  /** The caller's organisation; a token without one cannot act for any organisation. */
  public String org() {
    String org = jwt.getClaim(ORG_CLAIM);
    if (org == null || org.isBlank()) {
      throw new ProblemException(
          403,
          "forbidden",
          "Forbidden",
          "The token has no '" + ORG_CLAIM + "' claim",
          java.util.List.of());
    }
    return org;
  }

  /** The person acting (a student's pseudonymous id, a mentor's id); 403 without one. */
  public String subject() {
    String sub = jwt.getSubject();
    if (sub == null || sub.isBlank()) {
      throw new ProblemException(
          403, "forbidden", "Forbidden", "The token has no 'sub' claim", java.util.List.of());
    }
    return sub;
  }

  /**
   * Whose keys, caches and records these are: the organisation; a person acting in one (a student,
   * a mentor) on their own, so two mentors of one company never share an idempotent reply.
   */
  public String scope() {
    return scopeOf(jwt);
  }

  /** {@link #scope()} of a verified token, for code that runs before a request scope exists. */
  public static String scopeOf(JsonWebToken token) {
    String org = token.getClaim(ORG_CLAIM);
    String sub = token.getSubject();
    if (org == null || org.isBlank()) {
      return "sub:" + sub;
    }
    var groups = token.getGroups();
    boolean person =
        groups != null && (groups.contains(Roles.STUDENT) || groups.contains(Roles.MENTOR));
    return person && sub != null && !sub.isBlank() ? "org:" + org + "/sub:" + sub : "org:" + org;
  }

  public boolean is(String role) {
    return jwt.getGroups() != null && jwt.getGroups().contains(role);
  }

  public boolean isAdmin() {
    return is(Roles.ADMIN);
  }
}
