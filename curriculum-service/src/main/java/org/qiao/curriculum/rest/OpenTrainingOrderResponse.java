package org.qiao.curriculum.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.curriculum.domain.OrderSkill;
import org.qiao.curriculum.domain.TrainingOrder;

@Schema(
    name = "TrainingOrder",
    description = "An enterprise's training order, as institutions see it")
public record OpenTrainingOrderResponse(
    UUID id,
    EnterpriseRef enterprise,
    String title,
    String description,
    List<String> majorCodes,
    int headcount,
    int cohortYear,
    List<OrderSkill> skills,
    @Schema(description = "Open to every institution, or addressed to a list that includes yours")
        boolean openToAll,
    LocalDate proposalDeadline,
    @Schema(enumeration = {"OPEN", "CONTRACTED", "FULFILLED", "CANCELLED"}) String status,
    int awardedCapacity) {

  @Schema(name = "EnterpriseRef")
  public record EnterpriseRef(String creditCode, String name) {}

  static OpenTrainingOrderResponse of(TrainingOrder o) {
    return new OpenTrainingOrderResponse(
        o.id,
        new EnterpriseRef(o.enterpriseCreditCode, o.enterpriseName),
        o.title,
        o.description,
        o.majorCodes,
        o.headcount,
        o.cohortYear,
        o.skills,
        o.targetUniversities.isEmpty(),
        o.proposalDeadline,
        o.status,
        o.awardedCapacity);
  }
}
