package org.qiao.talentdemand.domain;

import java.util.EnumSet;
import java.util.List;
import org.qiao.kit.problem.ProblemException;

/** A change the aggregate's state machine or its counts do not allow: 409. */
public class IllegalTransition extends ProblemException {

  public IllegalTransition(String aggregate, Enum<?> from, String action) {
    this("A " + aggregate + " in state " + from + " cannot be " + action);
  }

  /** Refuses the action unless the aggregate is in one of the allowed states. */
  public static <S extends Enum<S>> void unlessIn(
      EnumSet<S> allowed, S current, String aggregate, String action) {
    if (!allowed.contains(current)) {
      throw new IllegalTransition(aggregate, current, action);
    }
  }

  public IllegalTransition(String detail) {
    super(409, "illegal-transition", "Conflict", detail, List.of());
  }
}
