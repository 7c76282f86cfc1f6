package org.qiao.matching.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A skill name that arrived in events but is in no vocabulary entry: counted for curators. */
@Entity
@Table(name = "unknown_skill")
public class UnknownSkill extends PanacheEntityBase {

  /** {@link SkillText#key} of the name. */
  @Id
  @Column(name = "skill_key")
  public String key;

  /** The name as first seen. */
  @Column(nullable = false)
  public String text;

  /** Events that named it. */
  @Column(nullable = false)
  public long occurrences;

  @Column(name = "first_seen_at", nullable = false)
  public Instant firstSeenAt;

  @Column(name = "last_seen_at", nullable = false)
  public Instant lastSeenAt;
}
