package org.qiao.internship.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.qiao.kit.problem.Rules;

/** Hours a mentor spent guiding or teaching on one day, optionally for one internship. */
@Entity
@Table(name = "mentor_hours")
public class MentorHours extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "mentor_id", nullable = false)
  public UUID mentorId;

  @Column(name = "org_code", nullable = false)
  public String orgCode;

  @Column(name = "internship_id")
  public UUID internshipId;

  @Column(nullable = false)
  public LocalDate day;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public HoursKind kind;

  @Column(nullable = false)
  public BigDecimal hours;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  protected MentorHours() {}

  public static MentorHours record(
      UUID id,
      Mentor mentor,
      UUID internshipId,
      LocalDate day,
      HoursKind kind,
      BigDecimal hours,
      LocalDate today,
      Instant now) {
    if (day == null) {
      throw Rules.invalid("day", "is required");
    }
    if (day.isAfter(today)) {
      throw Rules.invalid("day", "cannot be in the future");
    }
    if (kind == null) {
      throw Rules.invalid("kind", "is required");
    }
    if (hours == null || hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(24)) > 0) {
      throw Rules.invalid("hours", "must be more than 0 and at most 24");
    }
    if (hours.scale() > 1) {
      throw Rules.invalid("hours", "has at most one decimal");
    }
    MentorHours h = new MentorHours();
    h.id = id;
    h.mentorId = mentor.id;
    h.orgCode = mentor.orgCode;
    h.internshipId = internshipId;
    h.day = day;
    h.kind = kind;
    h.hours = hours;
    h.createdAt = now;
    return h;
  }
}
