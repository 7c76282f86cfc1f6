package org.qiao.matching.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.qiao.matching.domain.ForgottenStudent;
import org.qiao.matching.domain.HeldSkill;
import org.qiao.matching.domain.StudentProfile;

/**
 * The consented student profiles, their mentor-verified skills, and forgetting: applied from
 * events, each in the event's transaction; the index follows once it commits.
 */
@ApplicationScoped
public class StudentProfiles {

  /** A skill both mentors of a completed internship confirmed, with both ratings. */
  public record Verification(
      String skillName, int institutionMentorRating, int enterpriseMentorRating) {}

  private final EntityManager em;
  private final Skills skills;
  private final Applications applications;
  private final Placements placements;

  StudentProfiles(
      EntityManager em, Skills skills, Applications applications, Placements placements) {
    this.em = em;
    this.skills = skills;
    this.applications = applications;
    this.placements = placements;
  }

  /** A profile as its event carried it, with when the consent it was published under was given. */
  public record PublishedProfile(StudentProfile profile, Instant consentGivenAt) {}

  /**
   * Inserts or replaces a profile with the state its event carried; an older state than the stored
   * one changes nothing. A forgotten student stays forgotten, unless they withdrew consent and this
   * profile was published after the withdrawal (they consented again): then the tombstone goes.
   *
   * @param consentGivenAt when the consent the profile was published under was given
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void apply(StudentProfile incoming, Instant consentGivenAt) {
    applyAll(List.of(new PublishedProfile(incoming, consentGivenAt)));
  }

  /**
   * {@link #apply} for each profile in turn, reading the stored profiles, tombstones and verified
   * skills of all of them in three queries (a cohort import publishes hundreds of thousands).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void applyAll(List<PublishedProfile> published) {
    List<String> ids = published.stream().map(p -> p.profile().studentId).distinct().toList();
    Map<String, ForgottenStudent> tombstones = new HashMap<>();
    ForgottenStudent.<ForgottenStudent>list("studentId in ?1", ids)
        .forEach(t -> tombstones.put(t.studentId, t));
    Map<String, StudentProfile> stored = new HashMap<>();
    StudentProfile.<StudentProfile>list("studentId in ?1", ids)
        .forEach(p -> stored.put(p.studentId, p));
    for (PublishedProfile p : published) {
      StudentProfile incoming = p.profile();
      String id = incoming.studentId;
      ForgottenStudent tombstone = tombstones.get(id);
      if (tombstone != null) {
        if (!tombstone.isEndedBy(incoming.sourceVersion, p.consentGivenAt())) {
          continue;
        }
        tombstone.delete();
        tombstones.remove(id);
      }
      StudentProfile now = ReadModels.upsert(incoming, stored.get(id));
      if (now == null) {
        continue;
      }
      stored.put(id, now);
      skills.noteUnknown(incoming.skills.stream().map(HeldSkill::name).toList());
    }
  }

  /**
   * Removes everything this service knows of a student, keeping only the pseudonymous id as a
   * tombstone with the reason, so that no late or replayed event brings them back (after erasure no
   * event at all, after a withdrawal none published before it). Their applications and placements
   * stay without them: as version guards and as counts (ADR 0016).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void forget(String studentId, ForgottenStudent.Reason reason, Instant at) {
    StudentProfile known = StudentProfile.findById(studentId);
    long lastVersion = known == null ? 0 : known.sourceVersion;
    ForgottenStudent tombstone = ForgottenStudent.findById(studentId);
    if (tombstone == null) {
      ForgottenStudent.of(studentId, reason, at, lastVersion).persist();
    } else {
      tombstone.forgetAgain(reason, at, lastVersion);
    }
    em.createNativeQuery("delete from verified_skill where student_id = ?1")
        .setParameter(1, studentId)
        .executeUpdate();
    StudentProfile.delete("studentId", studentId);
    applications.forget(studentId);
    placements.forget(studentId);
    // Announced top 10s forget them too: the next announcement neither lists them nor says they
    // left.
    em.createNativeQuery(
            "update demand_top_matches set students = (select coalesce(jsonb_agg(e), '[]')"
                + " from jsonb_array_elements(students) e where e->>'studentId' <> ?1)"
                + " where students @> cast(?2 as jsonb)")
        .setParameter(1, studentId)
        .setParameter(2, "[{\"studentId\":\"" + studentId + "\"}]")
        .executeUpdate();
  }

  /** Records the skills an internship's mentors verified; counted once per internship and skill. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void verified(
      String studentId, UUID internshipId, List<Verification> verifications, Instant at) {
    // internship-service blanks the student of an internship it forgot; nothing to verify then.
    if (studentId == null || isForgotten(studentId) || verifications.isEmpty()) {
      return;
    }
    for (Verification v : verifications) {
      String key = skills.keyOf(v.skillName());
      if (key == null) {
        continue;
      }
      em.createNativeQuery(
              "insert into verified_skill (student_id, internship_id, skill_key, skill_name,"
                  + " institution_mentor_rating, enterprise_mentor_rating, verified_at)"
                  + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing")
          .setParameter(1, studentId)
          .setParameter(2, internshipId)
          .setParameter(3, key)
          .setParameter(4, v.skillName())
          .setParameter(5, v.institutionMentorRating())
          .setParameter(6, v.enterpriseMentorRating())
          .setParameter(7, at)
          .executeUpdate();
    }
  }

  private boolean isForgotten(String studentId) {
    return ForgottenStudent.findById(studentId) != null;
  }
}
