package org.qiao.talentdemand.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A technical challenge (技术攻关课题) an enterprise brings to university labs. */
@Entity
@Table(name = "challenge")
public class Challenge extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "enterprise_id", nullable = false)
  public UUID enterpriseId;

  @Column(nullable = false)
  public String title;

  @Column(nullable = false)
  public String description;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "discipline_codes", nullable = false)
  public List<String> disciplineCodes;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<SkillRequirement> skills;

  @Column(name = "budget_min")
  public Integer budgetMin;

  @Column(name = "budget_max")
  public Integer budgetMax;

  @Column(nullable = false)
  public LocalDate deadline;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ChallengeStatus status;

  @Column(name = "interest_count", nullable = false)
  public int interestCount;

  @Column(name = "selected_interest_id")
  public UUID selectedInterestId;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;

  protected Challenge() {}

  public record Brief(
      String title,
      String description,
      List<String> disciplineCodes,
      List<SkillRequirement> skills,
      Integer budgetMin,
      Integer budgetMax,
      LocalDate deadline) {
    public Brief {
      if (title == null || title.isBlank()) {
        throw new DomainViolation("title", "must not be blank");
      }
      if (description == null || description.isBlank()) {
        throw new DomainViolation("description", "must not be blank");
      }
      disciplineCodes = Codes.disciplines("disciplineCodes", disciplineCodes);
      skills = SkillRequirement.distinct(skills);
      if (budgetMin != null && budgetMax != null && budgetMin > budgetMax) {
        throw new DomainViolation("budgetMax", "must not be below budgetMin");
      }
      if (deadline == null) {
        throw new DomainViolation("deadline", "is required");
      }
      CalendarDate.plausible("deadline", deadline);
    }
  }

  public static Challenge post(UUID id, UUID enterpriseId, Brief b, LocalDate today, Instant now) {
    if (b.deadline().isBefore(today)) {
      throw new DomainViolation("deadline", "must not be in the past");
    }
    Challenge c = new Challenge();
    c.id = id;
    c.enterpriseId = enterpriseId;
    c.title = b.title().strip();
    c.description = b.description();
    c.disciplineCodes = b.disciplineCodes();
    c.skills = b.skills();
    c.budgetMin = b.budgetMin();
    c.budgetMax = b.budgetMax();
    c.deadline = b.deadline();
    c.status = ChallengeStatus.OPEN;
    c.createdAt = now;
    c.updatedAt = now;
    return c;
  }

  /** A university registers interest while the challenge is open, once. */
  public Interest registerInterest(
      UUID interestId,
      String universityCode,
      String contactName,
      String message,
      boolean alreadyRegistered,
      LocalDate today,
      Instant now) {
    IllegalTransition.unlessIn(
        EnumSet.of(ChallengeStatus.OPEN), status, "challenge", "given interest");
    if (deadline.isBefore(today)) {
      throw new IllegalTransition("The challenge's deadline " + deadline + " has passed");
    }
    if (alreadyRegistered) {
      throw new IllegalTransition("This university has already registered interest");
    }
    Interest i = new Interest();
    i.id = interestId;
    i.challengeId = id;
    i.universityCode = universityCode;
    i.contactName = contactName.strip();
    i.message = message;
    i.registeredAt = now;
    interestCount++;
    updatedAt = now;
    return i;
  }

  public void select(Interest interest, Instant now) {
    IllegalTransition.unlessIn(EnumSet.of(ChallengeStatus.OPEN), status, "challenge", "matched");
    if (!interest.challengeId.equals(id)) {
      throw new DomainViolation("interestId", "is not an interest in this challenge");
    }
    selectedInterestId = interest.id;
    status = ChallengeStatus.MATCHED;
    updatedAt = now;
  }

  public void close(Instant now) {
    IllegalTransition.unlessIn(
        EnumSet.of(ChallengeStatus.OPEN, ChallengeStatus.MATCHED), status, "challenge", "closed");
    status = ChallengeStatus.CLOSED;
    updatedAt = now;
  }

  public boolean isOwnedBy(UUID enterprise) {
    return enterpriseId.equals(enterprise);
  }
}
