package org.qiao.internship.service;

import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.qiao.internship.domain.Internship;
import org.qiao.internship.domain.Mentor;
import org.qiao.internship.domain.Party;
import org.qiao.internship.domain.Side;
import org.qiao.kit.problem.ProblemException;
import org.qiao.kit.security.Caller;
import org.qiao.kit.security.Roles;

/**
 * Who is calling, in this service's terms: an organisation on one side (enterprise or institution),
 * one of its mentors, or a student. Decides which internships the caller may see and which party it
 * is on one.
 */
@RequestScoped
public class Callers {

  private final Caller caller;

  Callers(Caller caller) {
    this.caller = caller;
  }

  public String org() {
    return caller.org();
  }

  /** The side of an organisation acting as such (enterprise or university role). */
  public Side organisationSide() {
    if (caller.is(Roles.ENTERPRISE)) {
      return Side.ENTERPRISE;
    }
    if (caller.is(Roles.UNIVERSITY)) {
      return Side.INSTITUTION;
    }
    throw forbidden("This step is taken by an enterprise or an institution");
  }

  /** The mentor the caller is (role mentor, sub = mentor id, org = the mentor's organisation). */
  public Mentor mentor() {
    if (!caller.is(Roles.MENTOR)) {
      throw forbidden("This step is taken by a mentor");
    }
    UUID id;
    try {
      id = UUID.fromString(caller.subject());
    } catch (RuntimeException e) {
      throw forbidden("The token's subject is not a mentor id");
    }
    Mentor m = Mentor.findById(id);
    if (m == null || !m.orgCode.equals(caller.org())) {
      throw forbidden("The token's subject is not a mentor of its organisation");
    }
    return m;
  }

  public boolean isMentor() {
    return caller.is(Roles.MENTOR);
  }

  public boolean isStudent() {
    return caller.is(Roles.STUDENT);
  }

  public boolean isOrganisation() {
    return caller.is(Roles.ENTERPRISE) || caller.is(Roles.UNIVERSITY);
  }

  public String subject() {
    return caller.subject();
  }

  /** Whether the caller takes part in the internship (else it does not exist for them: 404). */
  public boolean sees(Internship i) {
    if (caller.is(Roles.STUDENT)) {
      return i.studentId != null
          && i.studentId.equals(caller.subject())
          && i.institutionCode.equals(caller.org());
    }
    return !parties(i).isEmpty();
  }

  /**
   * The one party the caller is on the internship, matched as {@link #sees} matches; 403 for a
   * student or a token that would be more than one party.
   */
  public Party party(Internship i) {
    List<Party> parties = parties(i);
    if (parties.size() != 1) {
      throw forbidden(
          parties.isEmpty()
              ? "Students read their internships; the parties act on them"
              : "The token would act as more than one party: " + parties);
    }
    return parties.get(0);
  }

  /** The parties the token is on the internship: by role and org, and sub for mentors. */
  private List<Party> parties(Internship i) {
    List<Party> parties = new ArrayList<>();
    if (caller.is(Roles.UNIVERSITY) && i.institutionCode.equals(caller.org())) {
      parties.add(Party.INSTITUTION);
    }
    if (caller.is(Roles.ENTERPRISE) && i.enterpriseCode.equals(caller.org())) {
      parties.add(Party.ENTERPRISE);
    }
    if (caller.is(Roles.MENTOR)) {
      String sub = caller.subject();
      if (sub.equals(i.institutionMentorId.toString()) && i.institutionCode.equals(caller.org())) {
        parties.add(Party.INSTITUTION_MENTOR);
      }
      if (sub.equals(i.enterpriseMentorId.toString()) && i.enterpriseCode.equals(caller.org())) {
        parties.add(Party.ENTERPRISE_MENTOR);
      }
    }
    return parties;
  }

  /** Refuses unless the caller is one of {@code allowed} on this internship. */
  public Party require(Internship i, String step, Party... allowed) {
    Party p = party(i);
    if (!List.of(allowed).contains(p)) {
      throw forbidden("The internship is " + step + " by " + List.of(allowed) + ", not " + p);
    }
    return p;
  }

  static ProblemException forbidden(String detail) {
    return new ProblemException(403, "not-your-step", "Forbidden", detail, List.of());
  }
}
