package org.qiao.internship.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A student whose consented profile curriculum-service published: only a pseudonymous id and the
 * institution. Deleted when curriculum-service says forget.
 */
@Entity
@Table(name = "known_student")
public class KnownStudent extends PanacheEntityBase {

  @Id
  @Column(name = "pseudonymous_id")
  public String pseudonymousId;

  @Column(name = "institution_code", nullable = false)
  public String institutionCode;

  /** The profile's version in curriculum-service: older events change nothing. */
  @Column(nullable = false)
  public long version;
}
