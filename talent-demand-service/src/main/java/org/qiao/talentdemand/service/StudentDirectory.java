package org.qiao.talentdemand.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.qiao.kit.http.Idempotency;
import org.qiao.talentdemand.domain.KnownStudent;
import org.qiao.talentdemand.domain.StudentBlock;

/** Which students may be invited, kept from curriculum-service's events, and forgetting them. */
@ApplicationScoped
public class StudentDirectory {

  private final ApplicationService applications;
  private final Idempotency idempotency;

  StudentDirectory(ApplicationService applications, Idempotency idempotency) {
    this.applications = applications;
    this.idempotency = idempotency;
  }

  /** A consented profile of a student, by pseudonymous id. */
  public record PublishedProfile(String pseudonymousId, KnownStudent.Profile profile) {}

  /**
   * Consented profiles were published, taken in one after another; a forgotten student stays
   * forgotten (ADR 0009). The students of all are read in one query: a cohort import publishes
   * hundreds of thousands.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void profilesPublished(List<PublishedProfile> published) {
    List<String> ids = published.stream().map(PublishedProfile::pseudonymousId).distinct().toList();
    Map<String, KnownStudent> known = new HashMap<>();
    KnownStudent.<KnownStudent>list("pseudonymousId in ?1", ids)
        .forEach(k -> known.put(k.pseudonymousId, k));
    for (PublishedProfile p : published) {
      known.put(
          p.pseudonymousId(),
          KnownStudent.profilePublished(
              known.get(p.pseudonymousId()), p.pseudonymousId(), p.profile()));
    }
  }

  /**
   * Forgets a student: no one may invite them, they leave every open application, and stored
   * answers to retried requests that quote them go. After erasure their blocks go too (they were
   * the student's only for as long as the student is).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void forget(String pseudonymousId, KnownStudent.ForgetReason reason, Instant at) {
    KnownStudent s = KnownStudent.forget(pseudonymousId, reason, at);
    applications.forgetStudent(pseudonymousId);
    if (s.forgottenReason == KnownStudent.ForgetReason.ERASED) {
      StudentBlock.delete("studentId", pseudonymousId);
    }
    idempotency.forgetRepliesMentioning(List.of(pseudonymousId));
  }
}
