package org.qiao.talentdemand.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.qiao.kit.http.Versions;
import org.qiao.kit.ids.Ids;
import org.qiao.kit.problem.ProblemException;
import org.qiao.talentdemand.domain.CreditCode;
import org.qiao.talentdemand.domain.Enterprise;
import org.qiao.talentdemand.messaging.EventTypes;
import org.qiao.talentdemand.messaging.TalentDemandEvents;

/** Registering and maintaining enterprises. */
@ApplicationScoped
public class EnterpriseService {

  private final TalentDemandEvents events;
  private final Callers callers;
  private final Clock clock;

  EnterpriseService(TalentDemandEvents events, Callers callers, Clock clock) {
    this.events = events;
    this.callers = callers;
    this.clock = clock;
  }

  /** Registers the caller's own enterprise: the credit code must be the caller's org claim. */
  @Transactional
  public Enterprise register(String creditCode, Enterprise.Profile profile) {
    CreditCode code = new CreditCode(creditCode);
    if (!callers.isAdmin() && !code.value().equals(callers.org())) {
      throw new ProblemException(
          403,
          "forbidden",
          "Forbidden",
          "You may register only the enterprise your token acts for (org " + callers.org() + ")",
          List.of());
    }
    if (Enterprise.byCreditCode(code.value()).isPresent()) {
      throw ProblemException.conflict("An enterprise with credit code " + code + " is registered");
    }
    Enterprise e = Enterprise.register(Ids.newId(clock), code, profile, clock.instant());
    e.persist();
    events.enterprise(EventTypes.ENTERPRISE_REGISTERED, e);
    return e;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Enterprise get(UUID id) {
    Enterprise e = Enterprise.findById(id);
    if (e == null || !(callers.isAdmin() || e.creditCode.equals(callers.org()))) {
      throw ProblemException.notFound("enterprise " + id);
    }
    return e;
  }

  /** The enterprise whose credit code is the caller's org claim (a portal learns its id here). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Enterprise mine() {
    return Enterprise.byCreditCode(callers.org())
        .orElseThrow(
            () -> ProblemException.notFound("an enterprise with credit code " + callers.org()));
  }

  @Transactional
  public Enterprise update(UUID id, long expectedVersion, Enterprise.Profile profile) {
    Enterprise e = get(id);
    Versions.check(expectedVersion, e.version);
    e.update(profile, clock.instant());
    events.enterprise(EventTypes.ENTERPRISE_UPDATED, e);
    return e;
  }
}
