package org.qiao.matching.domain.partner;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which partners may see an event of each type (ADR 0018): what they could read over the API, never
 * a person's data. One table, so a new event type is a decision: a type not in it reaches nobody,
 * and a test fails until every type of the contracts is here.
 */
public final class PartnerAudience {

  /** How an event type's audience is found in its data. */
  public enum Rule {
    /** Readable by anyone over the API: course plans, statistics snapshots. */
    PUBLIC,
    /**
     * A demand's change: everyone once the demand was published ({@code publishedAt}); before, a
     * draft, only its enterprise.
     */
    DEMAND,
    /** A challenge: its enterprise, every institution and the overseers, as the API shows it. */
    CHALLENGE,
    /** The enterprise it belongs to ({@code enterprise.creditCode}). */
    ENTERPRISE,
    /** The institution it belongs to ({@code institution.code} or {@code code}). */
    INSTITUTION,
    /**
     * A training order, as the API shows it: its enterprise and the overseers; while open, the
     * universities it names (every institution when it names none); after, those it awarded.
     */
    TRAINING_ORDER,
    /** A proposal: the proposing university and the order's enterprise. */
    PROPOSAL,
    /** A challenge's interest: the enterprise and the university that registered it. */
    CHALLENGE_INTEREST,
    /** About a person (student, internship, contact, placement, ranking): no partner. */
    NOBODY
  }

  static final Map<String, Rule> RULES =
      Map.ofEntries(
          Map.entry("qiao.demand.published.v1", Rule.PUBLIC),
          Map.entry("qiao.demand.revised.v1", Rule.DEMAND),
          Map.entry("qiao.demand.closed.v1", Rule.DEMAND),
          Map.entry("qiao.demand.expired.v1", Rule.DEMAND),
          Map.entry("qiao.demand.filled.v1", Rule.DEMAND),
          Map.entry("qiao.demand.drafted.v1", Rule.ENTERPRISE),
          Map.entry("qiao.demand.hires-recorded.v1", Rule.ENTERPRISE),
          Map.entry("qiao.enterprise.registered.v1", Rule.ENTERPRISE),
          Map.entry("qiao.enterprise.updated.v1", Rule.ENTERPRISE),
          Map.entry("qiao.application.invited.v1", Rule.ENTERPRISE),
          Map.entry("qiao.application.applied.v1", Rule.ENTERPRISE),
          Map.entry("qiao.application.interviewing.v1", Rule.ENTERPRISE),
          Map.entry("qiao.application.offered.v1", Rule.ENTERPRISE),
          Map.entry("qiao.application.accepted.v1", Rule.ENTERPRISE),
          Map.entry("qiao.application.declined.v1", Rule.ENTERPRISE),
          Map.entry("qiao.application.rejected.v1", Rule.ENTERPRISE),
          Map.entry("qiao.application.withdrawn.v1", Rule.ENTERPRISE),
          Map.entry("qiao.application.expired.v1", Rule.ENTERPRISE),
          Map.entry("qiao.application.hired.v1", Rule.ENTERPRISE),
          Map.entry("qiao.training-order.placed.v1", Rule.TRAINING_ORDER),
          Map.entry("qiao.training-order.awarded.v1", Rule.TRAINING_ORDER),
          Map.entry("qiao.training-order.cancelled.v1", Rule.TRAINING_ORDER),
          Map.entry("qiao.training-order.fulfilled.v1", Rule.TRAINING_ORDER),
          Map.entry("qiao.proposal.submitted.v1", Rule.PROPOSAL),
          Map.entry("qiao.proposal.withdrawn.v1", Rule.PROPOSAL),
          Map.entry("qiao.challenge.posted.v1", Rule.CHALLENGE),
          Map.entry("qiao.challenge.closed.v1", Rule.CHALLENGE),
          Map.entry("qiao.challenge.interest-registered.v1", Rule.CHALLENGE_INTEREST),
          Map.entry("qiao.challenge.matched.v1", Rule.CHALLENGE_INTEREST),
          Map.entry("qiao.course-plan.published.v1", Rule.PUBLIC),
          Map.entry("qiao.course-plan.retired.v1", Rule.PUBLIC),
          Map.entry("qiao.course-plan.superseded.v1", Rule.PUBLIC),
          Map.entry("qiao.course-plan.contracted.v1", Rule.INSTITUTION),
          Map.entry("qiao.institution.registered.v1", Rule.INSTITUTION),
          Map.entry("qiao.institution.updated.v1", Rule.INSTITUTION),
          Map.entry("qiao.student.profile-published.v1", Rule.NOBODY),
          Map.entry("qiao.student.forgotten.v1", Rule.NOBODY),
          Map.entry("qiao.student.job-seeking-resumed.v1", Rule.NOBODY),
          Map.entry("qiao.contact-grant.revoked.v1", Rule.NOBODY),
          Map.entry("qiao.internship.proposed.v1", Rule.NOBODY),
          Map.entry("qiao.internship.confirmed.v1", Rule.NOBODY),
          Map.entry("qiao.internship.started.v1", Rule.NOBODY),
          Map.entry("qiao.internship.completed.v1", Rule.NOBODY),
          Map.entry("qiao.internship.terminated.v1", Rule.NOBODY),
          Map.entry("qiao.placement.recorded.v1", Rule.NOBODY),
          Map.entry("qiao.demand-ranking.changed.v1", Rule.NOBODY),
          Map.entry("qiao.market-statistics.snapshot-published.v1", Rule.PUBLIC),
          Map.entry("qiao.incident-statistics.snapshot-published.v1", Rule.PUBLIC),
          Map.entry("qiao.mentor-hours-statistics.snapshot-published.v1", Rule.PUBLIC));

  private PartnerAudience() {}

  /** The rule of a type; a type nobody classified reaches nobody. */
  public static Rule ruleOf(String type) {
    return RULES.getOrDefault(type, Rule.NOBODY);
  }

  /** The types partners can see at all, for the API's documentation and validation. */
  public static Set<String> visibleTypes() {
    Set<String> types = new java.util.TreeSet<>();
    RULES.forEach(
        (t, r) -> {
          if (r != Rule.NOBODY) {
            types.add(t);
          }
        });
    return types;
  }

  /**
   * The audience of one event.
   *
   * @param orderEnterprise the credit code of a training order's enterprise, as far as known (a
   *     proposal names only the order)
   */
  public static Audience of(
      String type, JsonNode data, Function<String, Optional<String>> orderEnterprise) {
    if (data == null || !data.isObject()) {
      return Audience.NOBODY;
    }
    Set<String> enterprises = new LinkedHashSet<>();
    Set<String> institutions = new LinkedHashSet<>();
    switch (ruleOf(type)) {
      case PUBLIC:
        return Audience.EVERYONE;
      case DEMAND:
        JsonNode published = data.path("publishedAt");
        if (published.isTextual() && !published.asText().isBlank()) {
          return Audience.EVERYONE;
        }
        add(enterprises, data.path("enterprise").path("creditCode"));
        return Audience.of(enterprises, institutions);
      case CHALLENGE:
        add(enterprises, data.path("enterprise").path("creditCode"));
        return Audience.of(enterprises, institutions).withAllInstitutions();
      case ENTERPRISE:
        add(enterprises, data.path("enterprise").path("creditCode"));
        if (type.startsWith("qiao.enterprise.")) {
          add(enterprises, data.path("creditCode"));
        }
        return Audience.of(enterprises, institutions);
      case INSTITUTION:
        add(institutions, data.path("institution").path("code"));
        if (type.startsWith("qiao.institution.")) {
          add(institutions, data.path("code"));
        }
        return Audience.of(enterprises, institutions);
      case TRAINING_ORDER:
        add(enterprises, data.path("enterprise").path("creditCode"));
        if (!"OPEN".equals(data.path("status").asText())) {
          // Awarded, contracted, cancelled, fulfilled: no longer open to proposals.
          data.path("awards").forEach(a -> add(institutions, a.path("universityCode")));
          return Audience.of(enterprises, institutions).withOverseers();
        }
        JsonNode targets = data.path("targetUniversities");
        targets.forEach(t -> add(institutions, t.isObject() ? t.path("code") : t));
        Audience open = Audience.of(enterprises, institutions).withOverseers();
        return targets.isArray() && targets.isEmpty() ? open.withAllInstitutions() : open;
      case PROPOSAL:
        add(institutions, data.path("university").path("institutionCode"));
        JsonNode order = data.path("trainingOrderId");
        if (order.isTextual()) {
          orderEnterprise.apply(order.asText()).ifPresent(enterprises::add);
        }
        return Audience.of(enterprises, institutions);
      case CHALLENGE_INTEREST:
        add(enterprises, data.path("enterprise").path("creditCode"));
        add(institutions, data.path("interest").path("universityCode"));
        return Audience.of(enterprises, institutions);
      default:
        return Audience.NOBODY;
    }
  }

  private static void add(Set<String> orgs, JsonNode code) {
    if (code.isTextual() && !code.asText().isBlank()) {
      orgs.add(code.asText());
    }
  }
}
