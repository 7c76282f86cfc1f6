package org.qiao.talentdemand.domain;

import org.qiao.kit.problem.ProblemException;

/** A value that breaks a domain rule, named by the field it came from. */
public class DomainViolation extends ProblemException {
  public DomainViolation(String field, String message) {
    super(
        400,
        "validation",
        "Invalid request",
        field + ": " + message,
        java.util.List.of(new org.qiao.kit.problem.Problem.FieldError(field, message)));
  }
}
