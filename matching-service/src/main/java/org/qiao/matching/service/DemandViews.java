package org.qiao.matching.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.qiao.kit.problem.ProblemException;
import org.qiao.matching.domain.DemandView;

/** The demand read model: applied from events, read by any authenticated caller. */
@ApplicationScoped
public class DemandViews {

  private final Clock clock;

  DemandViews(Clock clock) {
    this.clock = clock;
  }

  /** A demand's state as an event carries it. */
  public record DemandState(
      UUID demandId,
      String enterpriseId,
      String title,
      String occupationCode,
      List<String> majorCodes,
      List<DemandView.RequiredSkill> skills,
      int headcount,
      String city,
      LocalDate validThrough,
      String status,
      long version,
      Instant publishedAt) {}

  /** Inserts or replaces the view; a state older than the stored one is ignored. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void apply(DemandState s) {
    DemandView view = DemandView.findById(s.demandId());
    if (view == null) {
      view = new DemandView();
      view.demandId = s.demandId();
    } else if (!view.isOlderThan(s.version())) {
      return;
    }
    view.enterpriseId = s.enterpriseId();
    view.title = s.title();
    view.occupationCode = s.occupationCode();
    view.majorCodes = List.copyOf(s.majorCodes());
    view.skills = List.copyOf(s.skills());
    view.headcount = s.headcount();
    view.city = s.city();
    view.validThrough = s.validThrough();
    view.status = s.status();
    view.sourceVersion = s.version();
    view.publishedAt = s.publishedAt();
    view.updatedAt = clock.instant();
    view.persist();
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
