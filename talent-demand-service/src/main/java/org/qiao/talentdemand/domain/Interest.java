package org.qiao.talentdemand.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A university lab's interest in a technical challenge; one per university and challenge. */
@Entity
@Table(name = "challenge_interest")
public class Interest extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "challenge_id", nullable = false)
  public UUID challengeId;

  @Column(name = "university_code", nullable = false)
  public String universityCode;

  @Column(name = "contact_name", nullable = false)
  public String contactName;

  public String message;

  @Column(name = "registered_at", nullable = false)
  public Instant registeredAt;

  protected Interest() {}

  public static List<Interest> ofChallenge(UUID challengeId) {
    return list("challengeId = ?1 order by id", challengeId);
  }

  public static boolean exists(UUID challengeId, String universityCode) {
    return count("challengeId = ?1 and universityCode = ?2", challengeId, universityCode) > 0;
  }
}
