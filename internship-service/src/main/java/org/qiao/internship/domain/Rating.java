package org.qiao.internship.domain;

import org.qiao.kit.problem.Rules;

/** A mentor's rating of one planned skill, 1–5, with the evidence it rests on. */
public record Rating(String skill, int rating, String evidence) {

  /** The evidence of a forgotten student's rating: the text about them is gone. */
  public static final String FORGOTTEN = "(removed: the student was forgotten)";

  public Rating {
    skill = Rules.required("ratings.skill", skill);
    Rules.between("ratings.rating", rating, 1, 5);
    evidence = Rules.required("ratings.evidence", evidence);
  }
}
