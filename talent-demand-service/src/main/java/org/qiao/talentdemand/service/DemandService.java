package org.qiao.talentdemand.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.qiao.kit.problem.ProblemException;
import org.qiao.talentdemand.domain.Demand;
import org.qiao.talentdemand.domain.DemandSkill;
import org.qiao.talentdemand.messaging.DemandEvents;

/** Use cases of demands; each write and its events commit together. */
@ApplicationScoped
public class DemandService {

  private final DemandEvents events;
  private final Clock clock;

  DemandService(DemandEvents events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  /** What an enterprise states when it creates a demand. */
  public record NewDemand(
      String title,
      String occupationCode,
      List<String> majorCodes,
      List<DemandSkill> skills,
      int headcount,
      String city,
      LocalDate validThrough,
      boolean publish) {}

  @Transactional
  public Demand create(String enterpriseId, NewDemand cmd) {
    Instant now = clock.instant();
    Demand demand =
        Demand.draft(
            UUID.randomUUID(),
            enterpriseId,
            cmd.title(),
            cmd.occupationCode(),
            cmd.majorCodes(),
            cmd.skills(),
            cmd.headcount(),
            cmd.city(),
            cmd.validThrough(),
            now);
    if (cmd.publish()) {
      demand.publish(now);
    }
    demand.persistAndFlush();
    if (cmd.publish()) {
      events.published(demand);
    }
    return demand;
  }

  /** The demand if the organisation owns it; a foreign id looks exactly like a missing one. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Demand ownedBy(UUID id, String org) {
    Demand demand = Demand.findById(id);
    if (demand == null || !demand.isOwnedBy(org)) {
      throw ProblemException.notFound("demand " + id);
    }
    return demand;
  }
}
