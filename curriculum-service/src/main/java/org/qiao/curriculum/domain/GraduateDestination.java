package org.qiao.curriculum.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A graduate's destination (毕业去向), part of the student's record: pre-filled from a hire on the
 * platform, confirmed or corrected by the student or their institution. A person's word is final: a
 * later placement replaces only a prefill nobody confirmed.
 */
@Entity
@Table(name = "graduate_destination")
public class GraduateDestination extends PanacheEntityBase {

  /** Who stated the details. */
  public enum Source {
    PLACEMENT,
    STUDENT,
    INSTITUTION
  }

  /** PREFILLED: from a placement, nobody confirmed it yet; CONFIRMED: a person's word. */
  public enum State {
    PREFILLED,
    CONFIRMED
  }

  @Id
  @Column(name = "student_id")
  public UUID studentId;

  @Column(name = "employer_credit_code", nullable = false)
  public String employerCreditCode;

  @Column(name = "employer_name", nullable = false)
  public String employerName;

  @Column(name = "occupation_code", nullable = false)
  public String occupationCode;

  @Column(name = "division_code", nullable = false)
  public String divisionCode;

  @Column(name = "start_date", nullable = false)
  public LocalDate startDate;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Source source;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public State state;

  @Column(name = "placement_id")
  public UUID placementId;

  /** When the placement that pre-filled it was hired: a newer placement replaces a prefill. */
  @Column(name = "placed_at")
  public Instant placedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "confirmed_by")
  public ConsentDecision.Party confirmedBy;

  @Column(name = "confirmed_at")
  public Instant confirmedAt;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  protected GraduateDestination() {}

  public static GraduateDestination of(UUID studentId, Instant now) {
    GraduateDestination d = new GraduateDestination();
    d.studentId = studentId;
    d.createdAt = now;
    return d;
  }

  /**
   * A hire on the platform pre-fills the destination, unless a person confirmed one or a newer
   * placement already did. Whether it changed anything.
   */
  public boolean prefill(Destination details, UUID placementId, Instant hiredAt, Instant now) {
    if (state == State.CONFIRMED || (placedAt != null && !hiredAt.isAfter(placedAt))) {
      return false;
    }
    set(details, now);
    this.placementId = placementId;
    this.placedAt = hiredAt;
    source = Source.PLACEMENT;
    state = State.PREFILLED;
    return true;
  }

  /** The student or institution states the destination: their word, so it is confirmed. */
  public void state(Destination details, ConsentDecision.Party by, Instant now) {
    set(details, now);
    source = by == ConsentDecision.Party.STUDENT ? Source.STUDENT : Source.INSTITUTION;
    state = State.CONFIRMED;
    confirmedBy = by;
    confirmedAt = now;
  }

  /** Confirms the details as they are; confirming again changes nothing. Whether it changed. */
  public boolean confirm(ConsentDecision.Party by, Instant now) {
    if (state == State.CONFIRMED) {
      return false;
    }
    state = State.CONFIRMED;
    confirmedBy = by;
    confirmedAt = now;
    updatedAt = now;
    return true;
  }

  public Destination details() {
    return new Destination(
        employerCreditCode, employerName, occupationCode, divisionCode, startDate);
  }

  private void set(Destination d, Instant now) {
    employerCreditCode = d.employerCreditCode();
    employerName = d.employerName();
    occupationCode = d.occupationCode();
    divisionCode = d.divisionCode();
    startDate = d.startDate();
    updatedAt = now;
  }
}
