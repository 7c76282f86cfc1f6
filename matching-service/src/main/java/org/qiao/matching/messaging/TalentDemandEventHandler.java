package org.qiao.matching.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;
import org.qiao.kit.inbox.EventHandler;
import org.qiao.matching.domain.ApplicationView;
import org.qiao.matching.domain.DemandView;
import org.qiao.matching.domain.Placement;
import org.qiao.matching.domain.TrainingOrderView;
import org.qiao.matching.service.Applications;
import org.qiao.matching.service.DemandViews;
import org.qiao.matching.service.Placements;
import org.qiao.matching.service.TrainingOrders;

/**
 * Keeps the demand, training-order, application and placement read models in step with
 * talent-demand-service.
 */
@ApplicationScoped
public class TalentDemandEventHandler implements EventHandler {

  private static final Set<String> DEMAND_EVENTS =
      Set.of(
          "qiao.demand.drafted.v1",
          "qiao.demand.revised.v1",
          "qiao.demand.published.v1",
          "qiao.demand.hires-recorded.v1",
          "qiao.demand.filled.v1",
          "qiao.demand.closed.v1",
          "qiao.demand.expired.v1");

  private static final Set<String> TRAINING_ORDER_EVENTS =
      Set.of(
          "qiao.training-order.placed.v1",
          "qiao.training-order.awarded.v1",
          "qiao.training-order.cancelled.v1",
          "qiao.training-order.fulfilled.v1");

  /** Matching's reading of the training-order state its events carry. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record TrainingOrderStateV1(
      UUID trainingOrderId,
      DemandStateV1.Enterprise enterprise,
      String title,
      List<String> majorCodes,
      int headcount,
      int cohortYear,
      List<DemandStateV1.Skill> skills,
      List<String> targetUniversities,
      String status,
      int awardedCapacity,
      long version,
      Instant updatedAt) {}

  private static final Set<String> APPLICATION_EVENTS =
      Set.of(
          "qiao.application.invited.v1",
          "qiao.application.applied.v1",
          "qiao.application.accepted.v1",
          "qiao.application.interviewing.v1",
          "qiao.application.offered.v1",
          "qiao.application.hired.v1",
          "qiao.application.declined.v1",
          "qiao.application.withdrawn.v1",
          "qiao.application.rejected.v1",
          "qiao.application.expired.v1");

  static final String PLACEMENT_RECORDED = "qiao.placement.recorded.v1";

  private final DemandViews views;
  private final TrainingOrders orders;
  private final Applications applications;
  private final Placements placements;

  TalentDemandEventHandler(
      DemandViews views, TrainingOrders orders, Applications applications, Placements placements) {
    this.views = views;
    this.orders = orders;
    this.applications = applications;
    this.placements = placements;
  }

  @Override
  public Set<String> types() {
    Set<String> types = new HashSet<>(DEMAND_EVENTS);
    types.addAll(TRAINING_ORDER_EVENTS);
    types.addAll(APPLICATION_EVENTS);
    types.add(PLACEMENT_RECORDED);
    return types;
  }

  @Override
  public void handle(CloudEvent event) {
    if (TRAINING_ORDER_EVENTS.contains(event.type())) {
      orders.apply(order(EventCodec.dataAs(event, TrainingOrderStateV1.class)));
      return;
    }
    if (APPLICATION_EVENTS.contains(event.type())) {
      applications.apply(
          application(EventCodec.dataAs(event, OutcomeEventsV1.ApplicationState.class)));
      return;
    }
    if (PLACEMENT_RECORDED.equals(event.type())) {
      placements.record(
          placement(EventCodec.dataAs(event, OutcomeEventsV1.PlacementRecorded.class)));
      return;
    }
    DemandStateV1 d = EventCodec.dataAs(event, DemandStateV1.class);
    views.apply(
        DemandView.of(
            d.demandId(),
            d.enterprise().id(),
            d.enterprise().creditCode(),
            d.enterprise().name(),
            d.title(),
            d.occupationCode(),
            d.majorCodes() == null ? List.of() : d.majorCodes(),
            d.minimumDegree(),
            d.skills() == null
                ? List.of()
                : d.skills().stream()
                    .map(s -> new DemandView.RequiredSkill(s.name(), s.essential(), s.level()))
                    .toList(),
            d.headcount(),
            d.filledCount(),
            d.city(),
            d.validThrough(),
            d.status(),
            d.version(),
            d.publishedAt()));
  }

  private static ApplicationView application(OutcomeEventsV1.ApplicationState a) {
    ApplicationView v = new ApplicationView();
    v.applicationId = a.applicationId();
    v.demandId = a.demandId();
    v.enterpriseId = a.enterprise().id();
    v.enterpriseCode = a.enterprise().creditCode();
    v.studentId = a.studentId();
    v.startedBy = a.startedBy();
    v.status = a.status();
    v.sourceVersion = a.version();
    v.updatedAt = a.updatedAt();
    return v;
  }

  /** Pseudonymous attributes only: neither the enterprise's name nor anything of the person. */
  private static Placement placement(OutcomeEventsV1.PlacementRecorded p) {
    Placement v = new Placement();
    v.placementId = p.placementId();
    v.demandId = p.demandId();
    v.studentId = p.studentId();
    v.institutionCode = p.institutionCode();
    v.majorCode = p.majorCode();
    v.degree = p.degree();
    v.graduationYear = p.graduationYear();
    v.occupationCode = p.occupationCode();
    v.enterpriseId = p.enterprise().id();
    v.industry = p.industry();
    v.divisionCode = p.divisionCode();
    v.salaryBand = p.salaryBand();
    v.startDate = p.startDate();
    v.daysToOffer = p.daysToOffer();
    v.hiredAt = p.hiredAt();
    return v;
  }

  private static TrainingOrderView order(TrainingOrderStateV1 o) {
    TrainingOrderView v = new TrainingOrderView();
    v.trainingOrderId = o.trainingOrderId();
    v.enterpriseId = o.enterprise().id();
    v.enterpriseCode = o.enterprise().creditCode();
    v.title = o.title();
    v.majorCodes = o.majorCodes() == null ? List.of() : List.copyOf(o.majorCodes());
    v.headcount = o.headcount();
    v.cohortYear = o.cohortYear();
    v.skills =
        o.skills() == null
            ? List.of()
            : o.skills().stream()
                .map(s -> new DemandView.RequiredSkill(s.name(), s.essential(), s.level()))
                .toList();
    v.targetUniversities =
        o.targetUniversities() == null ? List.of() : List.copyOf(o.targetUniversities());
    v.status = o.status();
    v.awardedCapacity = o.awardedCapacity();
    v.sourceVersion = o.version();
    v.updatedAt = o.updatedAt();
    return v;
  }
}
