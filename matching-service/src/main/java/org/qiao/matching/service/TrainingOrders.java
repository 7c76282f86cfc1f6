package org.qiao.matching.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.qiao.matching.domain.DemandView;
import org.qiao.matching.domain.TrainingOrderView;

/** Training orders, applied from talent-demand events. */
@ApplicationScoped
public class TrainingOrders {

  private final Skills skills;

  TrainingOrders(Skills skills) {
    this.skills = skills;
  }

  /** Inserts or replaces an order; an older state than the stored one changes nothing. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void apply(TrainingOrderView incoming) {
    if (ReadModels.upsert(incoming, TrainingOrderView.findById(incoming.trainingOrderId)) == null) {
      return;
    }
    skills.noteUnknown(incoming.skills.stream().map(DemandView.RequiredSkill::name).toList());
  }
}
