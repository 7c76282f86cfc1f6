package org.qiao.internship.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.internship.domain.HoursKind;
import org.qiao.internship.domain.MentorHours;
import org.qiao.internship.domain.Period;
import org.qiao.internship.service.HoursService;

@Schema(name = "MentorHours")
public record HoursResponse(
    UUID id, UUID mentorId, UUID internshipId, LocalDate day, HoursKind kind, BigDecimal hours) {

  static HoursResponse of(MentorHours h) {
    return new HoursResponse(h.id, h.mentorId, h.internshipId, h.day, h.kind, h.hours);
  }

  @Schema(name = "MentorHoursReport", description = "An organisation's mentors' hours in a period")
  public record Report(
      String orgCode,
      LocalDate from,
      LocalDate to,
      List<MentorLine> mentors,
      BigDecimal guidanceHours,
      BigDecimal teachingHours,
      BigDecimal totalHours) {

    static Report of(String org, Period p, List<HoursService.MentorTotal> t) {
      BigDecimal guidance =
          t.stream()
              .map(HoursService.MentorTotal::guidanceHours)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal teaching =
          t.stream()
              .map(HoursService.MentorTotal::teachingHours)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      return new Report(
          org,
          p.from(),
          p.to(),
          t.stream()
              .map(
                  m ->
                      new MentorLine(
                          m.mentorId(),
                          m.name(),
                          m.guidanceHours(),
                          m.teachingHours(),
                          m.totalHours()))
              .toList(),
          guidance,
          teaching,
          guidance.add(teaching));
    }
  }

  @Schema(name = "MentorHoursLine")
  public record MentorLine(
      UUID mentorId,
      String name,
      BigDecimal guidanceHours,
      BigDecimal teachingHours,
      BigDecimal totalHours) {}
}
