package org.qiao.internship.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.internship.domain.HoursKind;
import org.qiao.internship.domain.Side;
import org.qiao.internship.service.MentorHoursStatistics;

/** Mentors' hours in aggregate, for government (no mentor, organisation or internship named). */
@Schema(name = "MentorHoursStatistics")
public record MentorHoursStatisticsResponse(
    @Schema(description = "First day of the first month covered") LocalDate from,
    @Schema(description = "Last day of the last month covered") LocalDate to,
    @Schema(
            description =
                "The snapshot's day: the months of recording closed by that day's close in China"
                    + " time; a snapshot never changes")
        LocalDate asOf,
    Instant computedAt,
    List<Cell> cells) {

  @Schema(
      name = "MentorHoursStatisticsCell",
      description =
          "Hours recorded in a month by mentors of one side, of one kind, when at least 5 mentors"
              + " recorded some; or the month's suppressed cell (only the month: some hours are in"
              + " no shown cell)")
  public record Cell(
      @Schema(example = "2027-07", description = "Month the hours were recorded (China time)")
          String month,
      @Schema(description = "Null for the suppressed cell") Side side,
      @Schema(description = "Null for the suppressed cell") HoursKind kind,
      @Schema(description = "Mentors who recorded hours: at least 5; null when suppressed")
          Long mentors,
      @Schema(description = "Their hours together; null when suppressed") BigDecimal hours,
      boolean suppressed) {}

  static MentorHoursStatisticsResponse of(MentorHoursStatistics.Published p) {
    return new MentorHoursStatisticsResponse(
        p.from().atDay(1),
        p.to().atEndOfMonth(),
        p.asOf(),
        p.computedAt(),
        p.cells().stream()
            .map(
                c ->
                    new Cell(c.month(), c.side(), c.kind(), c.mentors(), c.hours(), c.suppressed()))
            .toList());
  }
}
