package org.qiao.curriculum.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An erased student, by pseudonymous id only (no personal data): a registrar's next import of the
 * same student number is refused instead of bringing the person back.
 */
@Entity
@Table(name = "erased_student")
public class ErasedStudent extends PanacheEntityBase {

  @Id
  @Column(name = "pseudonymous_id")
  public String pseudonymousId;

  @Column(name = "erased_at", nullable = false)
  public Instant erasedAt;

  protected ErasedStudent() {}

  public static ErasedStudent of(String pseudonymousId, Instant at) {
    ErasedStudent e = new ErasedStudent();
    e.pseudonymousId = pseudonymousId;
    e.erasedAt = at;
    return e;
  }
}
