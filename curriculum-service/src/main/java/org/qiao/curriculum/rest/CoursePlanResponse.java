package org.qiao.curriculum.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.curriculum.domain.Course;
import org.qiao.curriculum.domain.CoursePlan;
import org.qiao.curriculum.domain.CoursePlanStatus;
import org.qiao.curriculum.domain.Institution;
import org.qiao.curriculum.domain.MajorCatalogue;
import org.qiao.curriculum.domain.PlanContract;
import org.qiao.curriculum.domain.PlanKind;
import org.qiao.curriculum.domain.Programme;

@Schema(name = "CoursePlan")
public record CoursePlanResponse(
    UUID id,
    @Schema(description = "Shared by every version of the plan") UUID lineId,
    @Schema(description = "1, 2, … once published; absent while a draft") Integer planVersion,
    InstitutionRef institution,
    PlanKind kind,
    String title,
    MajorCatalogue catalogue,
    @Schema(description = "The catalogue's edition, e.g. 2024") String catalogueEdition,
    String majorCode,
    Integer cohortYear,
    Programme programme,
    List<Course> courses,
    @Schema(description = "Every skill the plan teaches, at the highest level a course reaches")
        List<CoursePlan.TaughtSkill> skills,
    CoursePlanStatus status,
    UUID supersedesId,
    UUID supersededById,
    @Schema(description = "Training orders this plan was awarded in (订单班)")
        List<PlanContract> contracts,
    Instant publishedAt,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  @Schema(name = "InstitutionRef")
  public record InstitutionRef(UUID id, String code, String name) {}

  static CoursePlanResponse of(CoursePlan p, Institution owner) {
    return new CoursePlanResponse(
        p.id,
        p.lineId,
        p.planVersion,
        new InstitutionRef(owner.id, owner.code, owner.name),
        p.kind,
        p.title,
        p.catalogue,
        p.catalogue == null ? null : p.catalogue.edition(),
        p.majorCode,
        p.cohortYear,
        p.programme,
        p.courses,
        p.taughtSkills(),
        p.status,
        p.supersedesId,
        p.supersededById,
        p.contracts,
        p.publishedAt,
        p.version,
        p.createdAt,
        p.updatedAt);
  }
}
