package org.qiao.curriculum.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.qiao.curriculum.domain.Institution;
import org.qiao.curriculum.messaging.CurriculumEvents;
import org.qiao.curriculum.messaging.EventTypes;
import org.qiao.kit.http.Versions;
import org.qiao.kit.ids.Ids;
import org.qiao.kit.problem.ProblemException;

/** Registering and maintaining institutions. */
@ApplicationScoped
public class InstitutionService {

  private final CurriculumEvents events;
  private final Callers callers;
  private final Clock clock;

  InstitutionService(CurriculumEvents events, Callers callers, Clock clock) {
    this.events = events;
    this.callers = callers;
    this.clock = clock;
  }

  /** Registers the caller's own institution: its code must be the caller's org claim. */
  @Transactional
  public Institution register(
      String institutionCode, String creditCode, Institution.Profile profile) {
    if (institutionCode == null && creditCode == null) {
      throw ProblemException.invalidField(
          "institutionCode", "is required (or creditCode for a training provider)");
    }
    Institution i =
        Institution.register(
            Ids.newId(clock), institutionCode, creditCode, profile, clock.instant());
    if (!callers.isAdmin() && !i.code.equals(callers.org())) {
      throw new ProblemException(
          403,
          "forbidden",
          "Forbidden",
          "You may register only the institution your token acts for (org " + callers.org() + ")",
          List.of());
    }
    if (Institution.byCode(i.code).isPresent()) {
      throw ProblemException.conflict("An institution with code " + i.code + " is registered");
    }
    i.persist();
    events.institution(EventTypes.INSTITUTION_REGISTERED, i);
    return i;
  }

  /** The institution whose code is the caller's org claim (a portal learns its id here). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Institution mine() {
    return Institution.byCode(callers.org())
        .orElseThrow(() -> ProblemException.notFound("an institution with code " + callers.org()));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Institution get(UUID id) {
    Institution i = Institution.findById(id);
    if (i == null || !(callers.isAdmin() || i.code.equals(callers.org()))) {
      throw ProblemException.notFound("institution " + id);
    }
    return i;
  }

  @Transactional
  public Institution update(UUID id, long expectedVersion, Institution.Profile profile) {
    Institution i = get(id);
    Versions.check(expectedVersion, i.version);
    i.update(profile, clock.instant());
    events.institution(EventTypes.INSTITUTION_UPDATED, i);
    return i;
  }
}
