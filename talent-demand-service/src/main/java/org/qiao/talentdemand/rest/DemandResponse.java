package org.qiao.talentdemand.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.talentdemand.domain.Degree;
import org.qiao.talentdemand.domain.Demand;
import org.qiao.talentdemand.domain.DemandStatus;
import org.qiao.talentdemand.domain.EmploymentType;

@Schema(name = "Demand")
public record DemandResponse(
    UUID id,
    UUID enterpriseId,
    String title,
    String description,
    String occupationCode,
    List<String> majorCodes,
    Degree minimumDegree,
    List<SkillDto> skills,
    int headcount,
    int filledCount,
    String city,
    Integer salaryMin,
    Integer salaryMax,
    EmploymentType employmentType,
    LocalDate startDate,
    LocalDate validThrough,
    DemandStatus status,
    Instant createdAt,
    Instant updatedAt,
    Instant publishedAt,
    @Schema(description = "Also the ETag; send it as If-Match to change the demand") long version) {

  static DemandResponse of(Demand d) {
    return new DemandResponse(
        d.id,
        d.enterpriseId,
        d.title,
        d.description,
        d.occupationCode,
        d.majorCodes,
        d.minimumDegree,
        SkillDto.of(d.skills),
        d.headcount,
        d.filledCount,
        d.city,
        d.salaryMin,
        d.salaryMax,
        d.employmentType,
        d.startDate,
        d.validThrough,
        d.status,
        d.createdAt,
        d.updatedAt,
        d.publishedAt,
        d.version);
  }
}
