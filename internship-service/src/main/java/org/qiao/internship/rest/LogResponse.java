package org.qiao.internship.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.internship.domain.InternshipLog;
import org.qiao.internship.domain.LogComment;

@Schema(name = "InternshipLog")
public record LogResponse(
    UUID id,
    UUID internshipId,
    LocalDate weekOf,
    @Schema(description = "Null once the student was forgotten") String text,
    BigDecimal hours,
    List<Integer> goals,
    List<LogComment> comments,
    Instant submittedAt,
    Instant updatedAt,
    long version) {

  static LogResponse of(InternshipLog l) {
    return new LogResponse(
        l.id,
        l.internshipId,
        l.weekOf,
        l.text,
        l.hours,
        l.goals,
        l.comments,
        l.submittedAt,
        l.updatedAt,
        l.version);
  }
}
