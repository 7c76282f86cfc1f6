package org.qiao.internship.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.internship.domain.Incident;
import org.qiao.internship.domain.IncidentType;
import org.qiao.internship.domain.Period;
import org.qiao.internship.domain.Severity;
import org.qiao.internship.service.IncidentService;

@Schema(name = "Incident")
public record IncidentResponse(
    UUID id,
    UUID internshipId,
    IncidentType type,
    Severity severity,
    LocalDate occurredOn,
    String cityCode,
    String description,
    String actions,
    String reportedBy,
    Instant createdAt,
    long version) {

  static IncidentResponse of(Incident x) {
    return new IncidentResponse(
        x.id,
        x.internshipId,
        x.type,
        x.severity,
        x.occurredOn,
        x.cityCode,
        x.description,
        x.actions,
        x.reportedBy,
        x.createdAt,
        x.version);
  }

  @Schema(
      name = "IncidentStatistics",
      description =
          "Incident counts by month, type, severity and city (division code); nothing about a"
              + " person")
  public record Statistics(LocalDate from, LocalDate to, List<Cell> cells, long total) {
    static Statistics of(Period p, List<IncidentService.Cell> cells) {
      return new Statistics(
          p.from(),
          p.to(),
          cells.stream()
              .map(c -> new Cell(c.month(), c.type(), c.severity(), c.cityCode(), c.count()))
              .toList(),
          cells.stream().mapToLong(IncidentService.Cell::count).sum());
    }
  }

  @Schema(name = "IncidentStatisticsCell")
  public record Cell(
      @Schema(example = "2027-07") String month,
      IncidentType type,
      Severity severity,
      @Schema(example = "310000", description = "City-level GB/T 2260 division code")
          String cityCode,
      long incidents) {}
}
