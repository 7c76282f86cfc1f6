package org.qiao.curriculum.service;

import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.Optional;
import org.qiao.curriculum.domain.Institution;
import org.qiao.curriculum.domain.Student;
import org.qiao.kit.problem.ProblemException;
import org.qiao.kit.security.Caller;
import org.qiao.kit.security.Roles;

/** Resolves the caller to the institution it acts for, or to the student who is acting. */
@RequestScoped
public class Callers {

  private final Caller caller;

  Callers(Caller caller) {
    this.caller = caller;
  }

  /** The registered institution whose code is the caller's org claim. */
  public Institution institution() {
    return Institution.byCode(caller.org())
        .orElseThrow(
            () ->
                new ProblemException(
                    409,
                    "institution-not-registered",
                    "Conflict",
                    "Register your institution (POST /api/v1/institutions) first",
                    List.of()));
  }

  public boolean isInstitution() {
    return caller.is(Roles.UNIVERSITY);
  }

  public boolean isStudent() {
    return caller.is(Roles.STUDENT);
  }

  public boolean isEnterprise() {
    return caller.is(Roles.ENTERPRISE);
  }

  /**
   * The acting student's record: role student, {@code sub} their pseudonymous id, {@code org} their
   * institution's code; empty for anyone else.
   */
  public Optional<Student> student() {
    if (!isStudent()) {
      return Optional.empty();
    }
    String org = caller.org();
    return Student.byPseudonym(caller.subject())
        .filter(
            s ->
                Institution.<Institution>findByIdOptional(s.institutionId)
                    .map(i -> i.code.equals(org))
                    .orElse(false));
  }

  /** Enterprises, government and admin read what institutions published. */
  public boolean readsPublished() {
    return caller.is(Roles.ENTERPRISE) || caller.is(Roles.GOVERNMENT) || caller.isAdmin();
  }

  public boolean isAdmin() {
    return caller.isAdmin();
  }

  public String org() {
    return caller.org();
  }

  /** The acting student's pseudonymous id. */
  public String subject() {
    return caller.subject();
  }
}
