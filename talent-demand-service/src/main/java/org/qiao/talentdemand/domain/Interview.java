package org.qiao.talentdemand.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.qiao.kit.codes.DivisionCodes;

/**
 * An interview round (面试) of an application: the enterprise proposes one to three slots, online or
 * on site at a GB/T 2260 place; the student picks one or asks for others; either side cancels. The
 * rules, including who may do what, are here; a move they do not allow is a 409.
 */
@Entity
@Table(name = "interview")
public class Interview extends PanacheEntityBase {

  public enum Mode {
    ONLINE,
    ON_SITE
  }

  public static final int MAX_SLOTS = 3;

  /** Slots must lie ahead, but not further than a recruitment takes. */
  static final Duration FURTHEST = Duration.ofDays(180);

  @Id public UUID id;

  @Column(name = "application_id", nullable = false)
  public UUID applicationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public InterviewStatus status;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<InterviewSlot> slots;

  /** Index into {@link #slots} of the one the student picked, once scheduled. */
  @Column(name = "chosen_slot")
  public Integer chosenSlot;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Mode mode;

  /** Where an on-site interview is: a GB/T 2260 division code. */
  @Column(name = "division_code")
  public String divisionCode;

  /** The enterprise's note: address details, meeting link, whom to ask for. */
  public String note;

  /** The student's note when asking for other times. */
  @Column(name = "student_note")
  public String studentNote;

  /** Which side cancelled it; null when it ended with its application. */
  @Enumerated(EnumType.STRING)
  @Column(name = "cancelled_by")
  public Side cancelledBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;

  protected Interview() {}

  /** The enterprise proposes a round; slots start in the future, at most 180 days away. */
  public static Interview propose(
      UUID id,
      UUID applicationId,
      List<InterviewSlot> slots,
      Mode mode,
      String divisionCode,
      String note,
      Instant now) {
    if (slots == null || slots.isEmpty() || slots.size() > MAX_SLOTS) {
      throw new DomainViolation("slots", "must hold one to " + MAX_SLOTS + " slots");
    }
    if (new HashSet<>(slots.stream().map(InterviewSlot::startsAt).toList()).size()
        != slots.size()) {
      throw new DomainViolation("slots", "must not name the same start twice");
    }
    for (InterviewSlot s : slots) {
      if (!s.startsAt().isAfter(now) || s.startsAt().isAfter(now.plus(FURTHEST))) {
        throw new DomainViolation(
            "slots.startsAt", "must be in the future and at most 180 days away");
      }
    }
    if (mode == null) {
      throw new DomainViolation("mode", "must be ONLINE or ON_SITE");
    }
    if (mode == Mode.ON_SITE && DivisionCodes.problemWith(divisionCode) != null) {
      throw new DomainViolation(
          "divisionCode", "an on-site interview " + DivisionCodes.problemWith(divisionCode));
    }
    if (mode == Mode.ONLINE && divisionCode != null) {
      throw new DomainViolation("divisionCode", "must be absent for an online interview");
    }
    Interview i = new Interview();
    i.id = id;
    i.applicationId = applicationId;
    i.status = InterviewStatus.PROPOSED;
    i.slots = List.copyOf(new ArrayList<>(slots));
    i.mode = mode;
    i.divisionCode = divisionCode;
    i.note = note;
    i.createdAt = now;
    i.updatedAt = now;
    return i;
  }

  /** The student picks one of the proposed slots (0-based index), not one already past. */
  public void choose(int slot, Side by, Instant now) {
    require(status == InterviewStatus.PROPOSED && by == Side.STUDENT, "scheduled", by);
    if (slot < 0 || slot >= slots.size()) {
      throw new DomainViolation("slot", "must be between 0 and " + (slots.size() - 1));
    }
    if (!slots.get(slot).startsAt().isAfter(now)) {
      throw new DomainViolation("slot", "has already begun");
    }
    status = InterviewStatus.SCHEDULED;
    chosenSlot = slot;
    updatedAt = now;
  }

  /** The student asks for other times; the enterprise may then propose a new round. */
  public void askForOthers(String studentNote, Side by, Instant now) {
    require(status == InterviewStatus.PROPOSED && by == Side.STUDENT, "sent back", by);
    this.studentNote = studentNote;
    status = InterviewStatus.OTHERS_REQUESTED;
    updatedAt = now;
  }

  /** Either side cancels a live round. */
  public void cancel(Side by, Instant now) {
    require(status.isLive() && by != null, "cancelled", by);
    status = InterviewStatus.CANCELLED;
    cancelledBy = by;
    updatedAt = now;
  }

  /**
   * Settles a live round whose time has passed: a scheduled one was held, a proposed one whose
   * slots all began lapsed. Returns whether it is still live.
   */
  public boolean settle(Instant now) {
    if (status == InterviewStatus.SCHEDULED && !chosen().endsAt().isAfter(now)) {
      status = InterviewStatus.HELD;
      updatedAt = now;
    } else if (status == InterviewStatus.PROPOSED
        && slots.stream().noneMatch(s -> s.startsAt().isAfter(now))) {
      status = InterviewStatus.LAPSED;
      updatedAt = now;
    }
    return status.isLive();
  }

  /**
   * The application moved past interviews (an offer) or ended: a round already held stays held; one
   * still ahead is cancelled by neither side ({@link #cancelledBy} stays null).
   */
  public void closeWithApplication(Instant now) {
    if (settle(now)) {
      status = InterviewStatus.CANCELLED;
      updatedAt = now;
    }
  }

  /** The slot the student picked, or null while none is. */
  public InterviewSlot chosen() {
    return chosenSlot == null ? null : slots.get(chosenSlot);
  }

  private void require(boolean allowed, String done, Side by) {
    if (!allowed) {
      throw new IllegalTransition(
          "An interview in state "
              + status
              + " cannot be "
              + done
              + (by == null ? "" : " by the " + by.name().toLowerCase(Locale.ROOT)));
    }
  }
}
