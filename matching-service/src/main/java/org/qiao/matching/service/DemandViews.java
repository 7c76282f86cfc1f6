package org.qiao.matching.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import org.qiao.kit.problem.ProblemException;
import org.qiao.matching.domain.DemandView;

/** The demand read model: applied from events, read by any authenticated caller. */
@ApplicationScoped
public class DemandViews {

  private final Clock clock;
  private final Skills skills;

  DemandViews(Clock clock, Skills skills) {
    this.clock = clock;
    this.skills = skills;
  }

  /**
   * Inserts or replaces the view with the state an event carried; a state older than the stored one
   * is ignored. A demand that was never published (a draft, or a draft closed unpublished) is
   * private to its enterprise and never becomes visible here.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void apply(DemandView incoming) {
    if (!incoming.wasPublished()) {
      return;
    }
    incoming.updatedAt = clock.instant();
    DemandView stored = ReadModels.upsert(incoming, DemandView.findById(incoming.demandId));
    if (stored == null) {
      return;
    }
    skills.noteUnknown(incoming.skills.stream().map(DemandView.RequiredSkill::name).toList());
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public DemandView get(UUID id) {
    DemandView view = DemandView.findById(id);
    if (view == null) {
      throw ProblemException.notFound("demand " + id);
    }
    return view;
  }
}
