package org.qiao.curriculum.rest;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.curriculum.domain.PlanChanges;
import org.qiao.curriculum.service.CoursePlanService;

@Schema(
    name = "CoursePlanChanges",
    description =
        "Per course, the skills added, removed or taught at another level between two versions")
public record PlanChangesResponse(
    UUID lineId,
    int fromVersion,
    UUID fromCoursePlanId,
    int toVersion,
    UUID toCoursePlanId,
    List<PlanChanges.CourseChange> courses) {

  static PlanChangesResponse of(CoursePlanService.Changes c) {
    return new PlanChangesResponse(
        c.to().lineId,
        c.from().planVersion,
        c.from().id,
        c.to().planVersion,
        c.to().id,
        c.courses());
  }
}
