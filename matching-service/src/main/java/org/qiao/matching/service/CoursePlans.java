package org.qiao.matching.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.qiao.matching.domain.CoursePlanView;
import org.qiao.matching.domain.PlanSkill;

/** Course plans and programmes, every version, applied from curriculum events. */
@ApplicationScoped
public class CoursePlans {

  private final Skills skills;

  CoursePlans(Skills skills) {
    this.skills = skills;
  }

  /** Inserts or replaces a plan version; an older state than the stored one changes nothing. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void apply(CoursePlanView incoming) {
    if (ReadModels.upsert(incoming, CoursePlanView.findById(incoming.coursePlanId)) == null) {
      return;
    }
    skills.noteUnknown(incoming.skills.stream().map(PlanSkill::name).toList());
  }
}
