package org.qiao.internship.domain;

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
import java.util.UUID;
import org.qiao.kit.codes.DivisionCodes;
import org.qiao.kit.problem.Rules;

/**
 * An incident during an internship, for the industry–education risk compensation scheme. The
 * description and actions are free text for the parties; statistics use type, severity, date and
 * city (a division code) only.
 */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "internship_id", nullable = false)
  public UUID internshipId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public IncidentType type;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Severity severity;

  @Column(name = "occurred_on", nullable = false)
  public LocalDate occurredOn;

  /** The city-level division code of where the internship takes place. */
  @Column(name = "city_code", nullable = false)
  public String cityCode;

  public String description;

  public String actions;

  @Column(name = "reported_by", nullable = false)
  public String reportedBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Version public long version;

  protected Incident() {}

  public static Incident report(
      UUID id,
      Internship internship,
      IncidentType type,
      Severity severity,
      LocalDate occurredOn,
      String description,
      String actions,
      String reportedBy,
      LocalDate today,
      Instant now) {
    if (type == null) {
      throw Rules.invalid("type", "is required");
    }
    if (severity == null) {
      throw Rules.invalid("severity", "is required");
    }
    if (occurredOn == null) {
      throw Rules.invalid("occurredOn", "is required");
    }
    if (occurredOn.isAfter(today)) {
      throw Rules.invalid("occurredOn", "cannot be in the future");
    }
    if (occurredOn.isBefore(internship.startDate) || occurredOn.isAfter(internship.endDate)) {
      throw Rules.invalid("occurredOn", "must be within the internship's dates");
    }
    if (internship.status == InternshipStatus.PROPOSED) {
      throw Rules.illegal("Incidents are reported for confirmed internships");
    }
    Incident i = new Incident();
    i.id = id;
    i.internshipId = internship.id;
    i.type = type;
    i.severity = severity;
    i.occurredOn = occurredOn;
    i.cityCode = DivisionCodes.city(internship.divisionCode);
    i.description = Rules.required("description", description);
    i.actions = Rules.optional(actions);
    i.reportedBy = reportedBy;
    i.createdAt = now;
    return i;
  }

  /** Free text may describe the forgotten student: it goes, the counts stay. */
  public void forget() {
    description = null;
    actions = null;
  }
}
