package org.qiao.talentdemand.domain;

import org.qiao.kit.problem.ProblemException;

/** A state change the aggregate's state machine does not allow: 409. */
public class IllegalTransition extends ProblemException {
  public IllegalTransition(String aggregate, Object from, String action) {
    super(
        409,
        "illegal-transition",
        "Illegal state transition",
        "A " + aggregate + " in state " + from + " cannot be " + action,
        java.util.List.of());
  }
}
