package org.qiao.curriculum.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.qiao.kit.problem.Rules;

/**
 * One version of a course plan (培养方案) or programme. Versions of the same plan share a line: for a
 * major, the institution × major × cohort; for a programme, the first version's id. Publishing a
 * version numbers it and supersedes the line's published one; every version stays readable.
 */
@Entity
@Table(name = "course_plan")
public class CoursePlan extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "institution_id", nullable = false)
  public UUID institutionId;

  @Column(name = "line_id", nullable = false)
  public UUID lineId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public PlanKind kind;

  @Column(nullable = false)
  public String title;

  @Enumerated(EnumType.STRING)
  public MajorCatalogue catalogue;

  @Column(name = "major_code")
  public String majorCode;

  @Column(name = "cohort_year")
  public Integer cohortYear;

  @JdbcTypeCode(SqlTypes.JSON)
  public Programme programme;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<Course> courses;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public CoursePlanStatus status;

  /** 1, 2, … in the line, given at publication; null while a draft. */
  @Column(name = "plan_version")
  public Integer planVersion;

  @Column(name = "supersedes_id")
  public UUID supersedesId;

  @Column(name = "superseded_by_id")
  public UUID supersededById;

  /** Training orders the plan was awarded in (订单班). */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<PlanContract> contracts;

  @Column(name = "published_at")
  public Instant publishedAt;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;

  protected CoursePlan() {}

  /** What the institution states; the same for a new draft and for editing one. */
  public record Content(
      PlanKind kind,
      String title,
      MajorCatalogue catalogue,
      String majorCode,
      Integer cohortYear,
      Programme programme,
      List<Course> courses) {

    public Content {
      if (kind == null) {
        throw Rules.invalid("kind", "is required");
      }
      title = Rules.required("title", title);
      if (courses == null || courses.isEmpty()) {
        throw Rules.invalid("courses", "must list at least one course");
      }
      Set<String> codes = new HashSet<>();
      for (Course c : courses) {
        if (c == null) {
          throw Rules.invalid("courses", "must not contain null");
        }
        if (!codes.add(c.code())) {
          throw Rules.invalid("courses", "lists course " + c.code() + " twice");
        }
      }
      courses = List.copyOf(courses);
      if (kind == PlanKind.MAJOR) {
        if (catalogue == null) {
          throw Rules.invalid("catalogue", "is required for a MAJOR plan");
        }
        catalogue.check("majorCode", majorCode);
        if (cohortYear == null) {
          throw Rules.invalid("cohortYear", "is required for a MAJOR plan");
        }
        Rules.between("cohortYear", cohortYear, 2000, 2100);
        if (programme != null) {
          throw Rules.invalid("programme", "belongs to a PROGRAMME, not a MAJOR plan");
        }
      } else {
        if (programme == null) {
          throw Rules.invalid("programme", "is required for a PROGRAMME");
        }
        if (majorCode != null || catalogue != null || cohortYear != null) {
          throw Rules.invalid("majorCode", "a PROGRAMME has no major, catalogue or cohort");
        }
      }
    }
  }

  public static CoursePlan draft(UUID id, Institution owner, Content content, Instant now) {
    if (content.kind() == PlanKind.PROGRAMME && !owner.offersProgrammes()) {
      throw Rules.invalid("kind", "only a TRAINING_PROVIDER publishes programmes");
    }
    CoursePlan p = new CoursePlan();
    p.id = id;
    p.institutionId = owner.id;
    p.lineId = id;
    p.status = CoursePlanStatus.DRAFT;
    p.contracts = List.of();
    p.createdAt = now;
    p.apply(content, now);
    return p;
  }

  /** A new draft in this plan's line, starting from its content. */
  public CoursePlan revise(UUID newId, Instant now) {
    if (status == CoursePlanStatus.DRAFT) {
      throw Rules.illegal("A draft is edited, not revised: PUT it");
    }
    CoursePlan p = new CoursePlan();
    p.id = newId;
    p.institutionId = institutionId;
    p.lineId = lineId;
    p.status = CoursePlanStatus.DRAFT;
    p.contracts = List.of();
    p.createdAt = now;
    p.apply(content(), now);
    return p;
  }

  public void edit(Content content, Instant now) {
    if (status != CoursePlanStatus.DRAFT) {
      throw Rules.illegal(
          "A " + status + " plan is not edited; revise it (POST …/revisions) into a new draft");
    }
    if (content.kind() != kind) {
      throw Rules.invalid("kind", "cannot change from " + kind);
    }
    apply(content, now);
  }

  /**
   * Publishes this draft as its line's next version, superseding {@code current} (which the caller
   * has already {@link #supersede superseded}). For a major the line is the institution × major ×
   * cohort, whichever draft it started from.
   */
  public void publish(UUID line, CoursePlan current, int highestVersion, Instant now) {
    requirePublishable();
    lineId = line;
    planVersion = highestVersion + 1;
    supersedesId = current == null ? null : current.id;
    status = CoursePlanStatus.PUBLISHED;
    publishedAt = now;
    updatedAt = now;
  }

  /** Only a draft is published (checked before its line's current version is superseded). */
  public void requirePublishable() {
    if (status != CoursePlanStatus.DRAFT) {
      throw Rules.illegal("A " + status + " course plan cannot be published");
    }
  }

  /** The line's published version gives way to a newer one. */
  public void supersede(UUID newerId, Instant now) {
    if (status != CoursePlanStatus.PUBLISHED) {
      throw Rules.illegal("A " + status + " course plan cannot be superseded");
    }
    status = CoursePlanStatus.SUPERSEDED;
    supersededById = newerId;
    updatedAt = now;
  }

  public void retire(Instant now) {
    if (status != CoursePlanStatus.PUBLISHED) {
      throw Rules.illegal("A " + status + " course plan cannot be retired");
    }
    status = CoursePlanStatus.RETIRED;
    updatedAt = now;
  }

  /** Records an award (or its fulfilment or cancellation) of this plan in a training order. */
  public boolean recordContract(PlanContract contract, Instant now) {
    List<PlanContract> next = new ArrayList<>();
    boolean changed = true;
    for (PlanContract c : contracts) {
      if (c.proposalId().equals(contract.proposalId())) {
        changed = !c.equals(contract);
      } else {
        next.add(c);
      }
    }
    if (!changed) {
      return false;
    }
    next.add(contract);
    contracts = List.copyOf(next);
    updatedAt = now;
    return true;
  }

  /** Every skill the plan teaches, with the highest level any course reaches, and its courses. */
  public List<TaughtSkill> taughtSkills() {
    Map<String, TaughtSkill> byKey = new LinkedHashMap<>();
    for (Course c : courses) {
      for (SkillLevel s : c.skills()) {
        TaughtSkill t = byKey.get(s.key());
        byKey.put(s.key(), t == null ? TaughtSkill.of(s, c.code()) : t.with(s, c.code()));
      }
    }
    return List.copyOf(byKey.values());
  }

  /** A skill in total over the plan. */
  public record TaughtSkill(String name, int level, List<String> courseCodes) {
    static TaughtSkill of(SkillLevel s, String course) {
      return new TaughtSkill(s.name(), s.level(), List.of(course));
    }

    TaughtSkill with(SkillLevel s, String course) {
      TreeSet<String> codes = new TreeSet<>(courseCodes);
      codes.add(course);
      return new TaughtSkill(name, Math.max(level, s.level()), List.copyOf(codes));
    }
  }

  public Content content() {
    return new Content(kind, title, catalogue, majorCode, cohortYear, programme, courses);
  }

  private void apply(Content content, Instant now) {
    kind = content.kind();
    title = content.title();
    catalogue = content.catalogue();
    majorCode = content.majorCode();
    cohortYear = content.cohortYear();
    programme = content.programme();
    courses = content.courses();
    updatedAt = now;
  }

  public boolean isPublic() {
    return status != CoursePlanStatus.DRAFT;
  }
}
