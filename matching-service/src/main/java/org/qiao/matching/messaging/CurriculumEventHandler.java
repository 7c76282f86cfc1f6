package org.qiao.matching.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.qiao.kit.codes.DivisionCodes;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;
import org.qiao.kit.inbox.EventHandler;
import org.qiao.kit.outbox.Outbox;
import org.qiao.matching.domain.CoursePlanView;
import org.qiao.matching.domain.ForgottenStudent;
import org.qiao.matching.domain.HeldSkill;
import org.qiao.matching.domain.PlanSkill;
import org.qiao.matching.domain.StudentProfile;
import org.qiao.matching.service.CoursePlans;
import org.qiao.matching.service.DemandRankings;
import org.qiao.matching.service.Placements;
import org.qiao.matching.service.Skills;
import org.qiao.matching.service.StudentProfiles;

/** Keeps profiles and course plans in step with curriculum-service, and forgets students. */
@ApplicationScoped
public class CurriculumEventHandler implements EventHandler {

  static final String PROFILE_PUBLISHED = "qiao.student.profile-published.v1";
  static final String FORGOTTEN = "qiao.student.forgotten.v1";
  static final String JOB_SEEKING_RESUMED = "qiao.student.job-seeking-resumed.v1";
  private static final Set<String> PLAN_EVENTS =
      Set.of(
          "qiao.course-plan.published.v1",
          "qiao.course-plan.superseded.v1",
          "qiao.course-plan.retired.v1",
          "qiao.course-plan.contracted.v1");

  private final StudentProfiles profiles;
  private final CoursePlans plans;
  private final Skills skills;
  private final Outbox outbox;
  private final Placements placements;

  CurriculumEventHandler(
      StudentProfiles profiles,
      CoursePlans plans,
      Skills skills,
      Outbox outbox,
      Placements placements) {
    this.profiles = profiles;
    this.placements = placements;
    this.outbox = outbox;
    this.plans = plans;
    this.skills = skills;
  }

  @Override
  public Set<String> types() {
    Set<String> types = new java.util.HashSet<>(PLAN_EVENTS);
    types.add(PROFILE_PUBLISHED);
    types.add(FORGOTTEN);
    types.add(JOB_SEEKING_RESUMED);
    return types;
  }

  /** A student forgotten everywhere but here is a breach: retried until applied, never dropped. */
  @Override
  public Set<String> neverDeadLettered() {
    return Set.of(FORGOTTEN);
  }

  /** Profile events in a row are applied together (a cohort import); the rest one by one. */
  @Override
  public void handleAll(List<CloudEvent> events) {
    if (!events.get(0).type().equals(PROFILE_PUBLISHED)) {
      EventHandler.super.handleAll(events);
      return;
    }
    List<StudentProfiles.PublishedProfile> run = new ArrayList<>();
    for (CloudEvent e : events) {
      CurriculumEventsV1.ProfilePublished d =
          EventCodec.dataAs(e, CurriculumEventsV1.ProfilePublished.class);
      run.add(new StudentProfiles.PublishedProfile(profile(d), d.consentGivenAt()));
    }
    profiles.applyAll(run);
  }

  @Override
  public void handle(CloudEvent event) {
    switch (event.type()) {
      case PROFILE_PUBLISHED -> {
        CurriculumEventsV1.ProfilePublished d =
            EventCodec.dataAs(event, CurriculumEventsV1.ProfilePublished.class);
        profiles.apply(profile(d), d.consentGivenAt());
      }
      case FORGOTTEN -> {
        CurriculumEventsV1.Forgotten f =
            EventCodec.dataAs(event, CurriculumEventsV1.Forgotten.class);
        profiles.forget(
            f.pseudonymousId(),
            ForgottenStudent.Reason.of(f.reason()),
            f.forgottenAt() == null ? event.time().toInstant() : f.forgottenAt());
        // Published top-10 announcements named them: their audit copies go (ADR 0011).
        outbox.forgetSubject(f.pseudonymousId(), Set.of(DemandRankings.CHANGED));
      }
      case JOB_SEEKING_RESUMED -> {
        OutcomeEventsV1.JobSeekingResumed r =
            EventCodec.dataAs(event, OutcomeEventsV1.JobSeekingResumed.class);
        placements.resumed(r.pseudonymousId(), r.resumedAt());
      }
      default -> plans.apply(plan(event));
    }
  }

  private StudentProfile profile(CurriculumEventsV1.ProfilePublished d) {
    StudentProfile p = new StudentProfile();
    p.studentId = d.pseudonymousId();
    p.institutionId = d.institution().institutionId();
    p.institutionCode = d.institution().code();
    p.majorCode = d.majorCode();
    p.degree = d.degree();
    p.graduationYear = d.graduationYear();
    p.cohortYear = d.cohortYear();
    p.skills = new ArrayList<>();
    for (CurriculumEventsV1.ProfileSkill s :
        d.skills() == null ? List.<CurriculumEventsV1.ProfileSkill>of() : d.skills()) {
      String key = skills.keyOf(s.name());
      if (key != null) {
        p.skills.add(new HeldSkill(key, s.name(), s.level(), s.declared(), s.fromCourses()));
      }
    }
    p.preferredCities = cityCodes(d.preferredCities());
    p.sourceVersion = d.version();
    p.updatedAt = d.updatedAt();
    return p;
  }

  /** City-level codes (the contract promises them; a county code counts as its city). */
  private static List<String> cityCodes(List<String> cities) {
    return cities == null
        ? List.of()
        : cities.stream().map(DivisionCodes::cityCode).filter(c -> c != null).distinct().toList();
  }

  private CoursePlanView plan(CloudEvent event) {
    CurriculumEventsV1.CoursePlanState d =
        EventCodec.dataAs(event, CurriculumEventsV1.CoursePlanState.class);
    CoursePlanView v = new CoursePlanView();
    v.coursePlanId = d.coursePlanId();
    v.lineId = d.lineId();
    v.planVersion = d.planVersion();
    v.institutionId = d.institution().institutionId();
    v.institutionCode = d.institution().code();
    v.institutionName = d.institution().name();
    v.kind = d.kind();
    v.title = d.title();
    v.majorCode = d.majorCode();
    v.cohortYear = d.cohortYear();
    v.programmeSeats = d.programme() == null ? null : d.programme().seats();
    v.skills = new ArrayList<>();
    for (CurriculumEventsV1.PlanSkill s :
        d.skills() == null ? List.<CurriculumEventsV1.PlanSkill>of() : d.skills()) {
      String key = skills.keyOf(s.name());
      if (key != null) {
        v.skills.add(new PlanSkill(key, s.name(), s.level()));
      }
    }
    v.status = d.status();
    v.contractedCapacity =
        d.contracts() == null
            ? 0
            : d.contracts().stream()
                .filter(c -> "AWARDED".equals(c.status()))
                .mapToInt(CurriculumEventsV1.Contract::capacity)
                .sum();
    v.publishedAt = d.publishedAt();
    // A version stops being in force when superseded or retired; the event's state says when.
    v.endedAt = CoursePlanView.PUBLISHED.equals(d.status()) ? null : d.updatedAt();
    v.sourceVersion = d.version();
    v.updatedAt = d.updatedAt();
    return v;
  }
}
