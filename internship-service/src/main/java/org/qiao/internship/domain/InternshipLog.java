package org.qiao.internship.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.qiao.kit.problem.Rules;

/**
 * A student's weekly log of an active internship: what they did, how many hours, which goals they
 * worked on; either mentor comments. No location is recorded.
 */
@Entity
@Table(name = "internship_log")
public class InternshipLog extends PanacheEntityBase {

  /** Twelve hours a day, seven days: more is not a week's work. */
  public static final BigDecimal MAX_HOURS = BigDecimal.valueOf(84);

  @Id public UUID id;

  @Column(name = "internship_id", nullable = false)
  public UUID internshipId;

  /** The Monday of the week logged. */
  @Column(name = "week_of", nullable = false)
  public LocalDate weekOf;

  /** The student's text; removed when the student is forgotten. */
  public String text;

  @Column(nullable = false)
  public BigDecimal hours;

  /** Indexes (from 0) of the plan's goals worked on. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<Integer> goals;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<LogComment> comments;

  @Column(name = "submitted_at", nullable = false)
  public Instant submittedAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;

  protected InternshipLog() {}

  public static InternshipLog submit(
      UUID id,
      Internship internship,
      LocalDate weekOf,
      String text,
      BigDecimal hours,
      List<Integer> goals,
      Instant now) {
    if (internship.status != InternshipStatus.ACTIVE) {
      throw Rules.illegal("Logs are written while the internship is ACTIVE");
    }
    if (weekOf == null) {
      throw Rules.invalid("weekOf", "is required");
    }
    if (weekOf.getDayOfWeek() != DayOfWeek.MONDAY) {
      throw Rules.invalid("weekOf", "must be the Monday of the week logged");
    }
    if (weekOf.plusDays(6).isBefore(internship.startDate) || weekOf.isAfter(internship.endDate)) {
      throw Rules.invalid("weekOf", "must be a week of the internship");
    }
    if (hours == null || hours.signum() < 0 || hours.compareTo(MAX_HOURS) > 0) {
      throw Rules.invalid("hours", "must be between 0 and " + MAX_HOURS);
    }
    if (hours.scale() > 1) {
      throw Rules.invalid("hours", "has at most one decimal");
    }
    List<Integer> g = new ArrayList<>();
    for (Integer index : goals == null ? List.<Integer>of() : goals) {
      if (index == null || index < 0 || index >= internship.goals.size()) {
        throw Rules.invalid("goals", "must be indexes of the plan's goals");
      }
      if (!g.contains(index)) {
        g.add(index);
      }
    }
    InternshipLog l = new InternshipLog();
    l.id = id;
    l.internshipId = internship.id;
    l.weekOf = weekOf;
    l.text = Rules.required("text", text);
    l.hours = hours;
    l.goals = List.copyOf(g);
    l.comments = List.of();
    l.submittedAt = now;
    l.updatedAt = now;
    return l;
  }

  public void comment(UUID mentorId, Side side, String text, Instant now) {
    List<LogComment> next = new ArrayList<>(comments);
    next.add(new LogComment(mentorId, side, Rules.required("text", text), now));
    comments = List.copyOf(next);
    updatedAt = now;
  }

  /** The student's words and the mentors' words about them go; hours and weeks stay. */
  public void forget(Instant now) {
    text = null;
    comments = List.of();
    updatedAt = now;
  }
}
