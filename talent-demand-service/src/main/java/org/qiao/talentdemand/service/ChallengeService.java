package org.qiao.talentdemand.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.qiao.kit.http.KeysetQuery;
import org.qiao.kit.http.Page;
import org.qiao.kit.http.Versions;
import org.qiao.kit.ids.Ids;
import org.qiao.kit.problem.ProblemException;
import org.qiao.kit.time.ChinaTime;
import org.qiao.talentdemand.domain.Challenge;
import org.qiao.talentdemand.domain.ChallengeStatus;
import org.qiao.talentdemand.domain.DomainViolation;
import org.qiao.talentdemand.domain.Enterprise;
import org.qiao.talentdemand.domain.Interest;
import org.qiao.talentdemand.messaging.EventTypes;
import org.qiao.talentdemand.messaging.TalentDemandEvents;

/** Technical challenges: posting, university interest, selection, closing. */
@ApplicationScoped
public class ChallengeService {

  private final TalentDemandEvents events;
  private final Callers callers;
  private final EntityManager em;
  private final Clock clock;

  ChallengeService(TalentDemandEvents events, Callers callers, EntityManager em, Clock clock) {
    this.events = events;
    this.callers = callers;
    this.em = em;
    this.clock = clock;
  }

  @Transactional
  public Challenge post(Challenge.Brief brief) {
    Enterprise owner = callers.enterprise();
    Challenge c =
        Challenge.post(Ids.newId(clock), owner.id, brief, ChinaTime.today(clock), clock.instant());
    c.persist();
    events.challenge(EventTypes.CHALLENGE_POSTED, c, owner, null);
    return c;
  }

  /** Universities and overseers see every challenge; an enterprise only its own. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Challenge get(UUID id) {
    Challenge c = Challenge.findById(id);
    Viewer v = callers.viewer();
    boolean visible = c != null && (v.isOverseer() || v.isUniversity() || v.owns(c.enterpriseId));
    if (!visible) {
      throw ProblemException.notFound("challenge " + id);
    }
    return c;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Challenge> list(ChallengeStatus status, UUID cursor, int limit) {
    Viewer v = callers.viewer();
    KeysetQuery q = KeysetQuery.from("challenge");
    if (v.kind() == Viewer.Kind.ENTERPRISE) {
      q.and("enterprise_id = ?", Viewer.orNobody(v.enterpriseId()));
    } else if (!v.isOverseer() && !v.isUniversity()) {
      q.and("false");
    }
    return q.andIfPresent("status = ?", status == null ? null : status.name())
        .page(em, Challenge.class, cursor, limit, c -> c.id);
  }

  /** The calling university registers interest; one per university and challenge. */
  @Transactional
  public Interest registerInterest(UUID challengeId, String contactName, String message) {
    Challenge c = get(challengeId);
    String university = callers.org();
    Interest i =
        c.registerInterest(
            Ids.newId(clock),
            university,
            contactName,
            message,
            Interest.exists(c.id, university),
            ChinaTime.today(clock),
            clock.instant());
    i.persist();
    events.challenge(EventTypes.CHALLENGE_INTEREST_REGISTERED, c, owner(c), i);
    return i;
  }

  /** One interest: for the challenge's enterprise and the university that registered it. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Interest interest(UUID challengeId, UUID interestId) {
    Challenge c = get(challengeId);
    Interest i = Interest.findById(interestId);
    Viewer v = callers.viewer();
    boolean visible =
        i != null
            && i.challengeId.equals(c.id)
            && (v.isOverseer()
                || v.owns(c.enterpriseId)
                || v.isUniversity() && i.universityCode.equals(v.org()));
    if (!visible) {
      throw ProblemException.notFound("interest " + interestId);
    }
    return i;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Interest> interests(UUID challengeId) {
    return Interest.ofChallenge(owned(challengeId).id);
  }

  @Transactional
  public Challenge select(UUID challengeId, UUID interestId, long expectedVersion) {
    Challenge c = owned(challengeId);
    Versions.check(expectedVersion, c.version);
    Interest i = Interest.findById(interestId);
    if (i == null || !i.challengeId.equals(c.id)) {
      throw new DomainViolation("interestId", "is not an interest in this challenge");
    }
    c.select(i, clock.instant());
    events.challenge(EventTypes.CHALLENGE_MATCHED, c, owner(c), i);
    return c;
  }

  @Transactional
  public Challenge close(UUID challengeId, long expectedVersion) {
    Challenge c = owned(challengeId);
    Versions.check(expectedVersion, c.version);
    c.close(clock.instant());
    events.challenge(EventTypes.CHALLENGE_CLOSED, c, owner(c), null);
    return c;
  }

  private Challenge owned(UUID id) {
    Challenge c = Challenge.findById(id);
    Enterprise caller = callers.enterprise();
    if (c == null || !c.isOwnedBy(caller.id)) {
      throw ProblemException.notFound("challenge " + id);
    }
    return c;
  }

  private static Enterprise owner(Challenge c) {
    return Enterprise.findById(c.enterpriseId);
  }
}
