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
import java.util.Optional;
import java.util.UUID;
import org.qiao.kit.codes.CreditCodes;
import org.qiao.kit.problem.Rules;

/**
 * A university, vocational college or training provider. Its code, the {@code org} claim of its
 * tokens, is its 学校标识码 or, for a training provider without one, its unified social credit code.
 */
@Entity
@Table(name = "institution")
public class Institution extends PanacheEntityBase {

  @Id public UUID id;

  /** The 学校标识码 or a provider's credit code: what the org claim names. */
  @Column(nullable = false, unique = true)
  public String code;

  @Column(name = "code_kind", nullable = false)
  public String codeKind;

  @Column(nullable = false)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public InstitutionKind kind;

  @Column(nullable = false)
  public String city;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;

  protected Institution() {}

  /** What the institution says of itself (the code never changes). */
  public record Profile(String name, InstitutionKind kind, String city) {
    public Profile {
      name = Rules.required("name", name);
      if (kind == null) {
        throw Rules.invalid("kind", "is required");
      }
      city = Rules.required("city", city);
    }
  }

  public static final String INSTITUTION_CODE = "INSTITUTION_CODE";
  public static final String CREDIT_CODE = "CREDIT_CODE";

  /**
   * Registers an institution by its 学校标识码, or a training provider by its credit code. Exactly one
   * of the two codes is given.
   */
  public static Institution register(
      UUID id, String institutionCode, String creditCode, Profile profile, Instant now) {
    Institution i = new Institution();
    i.id = id;
    if (institutionCode != null && creditCode != null) {
      throw Rules.invalid("creditCode", "give either institutionCode or creditCode, not both");
    }
    if (creditCode != null) {
      if (profile.kind() != InstitutionKind.TRAINING_PROVIDER) {
        throw Rules.invalid(
            "creditCode", "only a TRAINING_PROVIDER may be identified by a credit code");
      }
      String problem = CreditCodes.problemWith(creditCode);
      if (problem != null) {
        throw Rules.invalid("creditCode", problem);
      }
      i.code = creditCode;
      i.codeKind = CREDIT_CODE;
    } else {
      i.code = new InstitutionCode(institutionCode).value();
      i.codeKind = INSTITUTION_CODE;
    }
    i.apply(profile, now);
    i.createdAt = now;
    return i;
  }

  public void update(Profile profile, Instant now) {
    if (codeKind.equals(CREDIT_CODE) && profile.kind() != InstitutionKind.TRAINING_PROVIDER) {
      throw Rules.invalid("kind", "an institution known by its credit code is a TRAINING_PROVIDER");
    }
    apply(profile, now);
  }

  private void apply(Profile profile, Instant now) {
    name = profile.name();
    kind = profile.kind();
    city = profile.city();
    updatedAt = now;
  }

  public boolean offersProgrammes() {
    return kind == InstitutionKind.TRAINING_PROVIDER;
  }

  public static Optional<Institution> byCode(String code) {
    return find("code", code).firstResultOptional();
  }
}
