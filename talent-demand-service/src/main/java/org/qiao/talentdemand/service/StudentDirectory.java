package org.qiao.talentdemand.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
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

  /** A consented profile was published; a forgotten student stays forgotten (ADR 0009). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void profilePublished(String pseudonymousId, KnownStudent.Profile profile) {
    KnownStudent.profilePublished(pseudonymousId, profile);
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
