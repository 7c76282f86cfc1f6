package org.qiao.talentdemand.domain;

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

/** An enterprise, identified officially by its credit code; one per code. */
@Entity
@Table(name = "enterprise")
public class Enterprise extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "credit_code", nullable = false, unique = true)
  public String creditCode;

  @Column(nullable = false)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "size_class", nullable = false)
  public SizeClass sizeClass;

  @Column(nullable = false)
  public String industry;

  /** GB/T 2260 division of registration, taken from the credit code. */
  @Column(name = "division_code", nullable = false)
  public String divisionCode;

  @Column(name = "contact_name", nullable = false)
  public String contactName;

  @Column(name = "contact_phone")
  public String contactPhone;

  @Column(name = "contact_email")
  public String contactEmail;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;

  protected Enterprise() {}

  /** What an enterprise says about itself; everything but the credit code may change later. */
  public record Profile(
      String name,
      SizeClass sizeClass,
      String industry,
      String contactName,
      String contactPhone,
      String contactEmail) {}

  public static Enterprise register(UUID id, CreditCode code, Profile profile, Instant now) {
    Enterprise e = new Enterprise();
    e.id = id;
    e.creditCode = code.value();
    e.divisionCode = code.divisionCode();
    e.createdAt = now;
    e.apply(profile, now);
    return e;
  }

  public void update(Profile profile, Instant now) {
    apply(profile, now);
  }

  private void apply(Profile p, Instant now) {
    name = p.name().strip();
    sizeClass = p.sizeClass();
    industry = p.industry().strip();
    contactName = p.contactName().strip();
    contactPhone = p.contactPhone();
    contactEmail = p.contactEmail();
    updatedAt = now;
  }

  public String province() {
    return Division.province(divisionCode);
  }

  /** The city of registration, from the credit code's division (null when not in the table). */
  public String city() {
    return Division.city(divisionCode);
  }

  public static Optional<Enterprise> byCreditCode(String code) {
    return find("creditCode", code).firstResultOptional();
  }
}
