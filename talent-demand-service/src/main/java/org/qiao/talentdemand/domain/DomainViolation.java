package org.qiao.talentdemand.domain;

import java.util.List;
import org.qiao.kit.problem.Problem;
import org.qiao.kit.problem.ProblemException;

/** A value that breaks a domain rule, named by the request field it came from: 400. */
public class DomainViolation extends ProblemException {
  public DomainViolation(String field, String message) {
    super(
        400,
        "validation",
        "Invalid request",
        field + ": " + message,
        List.of(new Problem.FieldError(field, message)));
  }
}
