package org.qiao.internship.domain;

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
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.qiao.kit.problem.Rules;

/**
 * A person of an organisation who mentors: an institution's teacher or an enterprise's engineer
 * (master mentor). {@link #assigned} counts the open internships they mentor; it is only changed by
 * conditional updates in the service, so concurrent assignments cannot exceed {@link #capacity}.
 */
@Entity
@Table(name = "mentor")
public class Mentor extends PanacheEntityBase {

  public static final int MAX_CAPACITY = 50;

  @Id public UUID id;

  @Column(name = "org_code", nullable = false)
  public String orgCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Side side;

  @Column(nullable = false)
  public String name;

  @Column(nullable = false)
  public String title;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<String> skills;

  @Column(nullable = false)
  public int capacity;

  /** Written only by the service's conditional updates, never from a loaded copy. */
  @Column(nullable = false, insertable = true, updatable = false)
  public int assigned;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;

  protected Mentor() {}

  public static Mentor register(UUID id, String orgCode, Side side, Profile p, Instant now) {
    Mentor m = new Mentor();
    m.id = id;
    m.orgCode = orgCode;
    m.side = side;
    m.createdAt = now;
    m.describe(p, now);
    return m;
  }

  /** Name, title, skills and capacity; capacity never below the mentees already assigned. */
  public void describe(Profile p, Instant now) {
    if (p.capacity() < assigned) {
      throw Rules.invalid(
          "capacity", "cannot be below the " + assigned + " internships this mentor has now");
    }
    name = p.name();
    title = p.title();
    skills = p.skills();
    capacity = p.capacity();
    updatedAt = now;
  }

  /** What an organisation states about its mentor. */
  public record Profile(String name, String title, List<String> skills, int capacity) {
    public Profile {
      name = Rules.required("name", name);
      title = Rules.required("title", title);
      List<String> clean = new ArrayList<>();
      for (String s : skills == null ? List.<String>of() : skills) {
        clean.add(Rules.required("skills", s));
      }
      skills = List.copyOf(clean);
      Rules.between("capacity", capacity, 1, MAX_CAPACITY);
    }
  }
}
