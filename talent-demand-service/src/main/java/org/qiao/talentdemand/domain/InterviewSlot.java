package org.qiao.talentdemand.domain;

import java.time.Duration;
import java.time.Instant;

/** One time an interview may take place: its start and length in minutes (15 to 480). */
public record InterviewSlot(Instant startsAt, int minutes) {

  public InterviewSlot {
    if (startsAt == null) {
      throw new DomainViolation("slots.startsAt", "must be given");
    }
    if (minutes < 15 || minutes > 480) {
      throw new DomainViolation("slots.minutes", "must be between 15 and 480");
    }
  }

  public Instant endsAt() {
    return startsAt.plus(Duration.ofMinutes(minutes));
  }
}
