package org.qiao.matching.domain.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.qiao.kit.problem.ProblemException;

/**
 * A partner's webhook subscription (订阅): where to deliver which events, signed with its secret (ADR
 * 0018). It belongs to the organisation (and role) that registered it.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

  public static final int MAX_DESCRIPTION = 500;

  @Id public UUID id;

  @Enumerated(EnumType.STRING)
  @Column(name = "owner_role", nullable = false)
  public PartnerRole ownerRole;

  @Column(name = "owner_org", nullable = false)
  public String ownerOrg;

  @Column(nullable = false)
  public String url;

  @Column public String description;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "event_types", nullable = false)
  public List<String> eventTypes;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public SubscriptionStatus status;

  @Column(name = "disabled_reason")
  public String disabledReason;

  @Column(nullable = false)
  public String secret;

  @Column(name = "previous_secret")
  public String previousSecret;

  @Column(name = "previous_secret_until")
  public Instant previousSecretUntil;

  @Column(nullable = false)
  public long version;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  public static WebhookSubscription register(
      UUID id,
      PartnerRole role,
      String org,
      WebhookUrl url,
      EventTypeFilter types,
      String description,
      Instant now) {
    WebhookSubscription s = new WebhookSubscription();
    s.id = id;
    s.ownerRole = role;
    s.ownerOrg = org;
    s.url = url.value();
    s.eventTypes = new ArrayList<>(types.patterns());
    s.description = description;
    s.status = SubscriptionStatus.ACTIVE;
    s.secret = WebhookSignature.newSecret();
    s.version = 0;
    s.createdAt = now;
    s.updatedAt = now;
    return s;
  }

  public EventTypeFilter filter() {
    return new EventTypeFilter(eventTypes);
  }

  /** Whether a partner of this role and organisation owns it. */
  public boolean ownedBy(PartnerRole role, String org) {
    return ownerRole == role && ownerOrg.equals(org);
  }

  /** Whether the event reaches this subscription: its owner may see it and wants its type. */
  public boolean wants(String type, Audience audience) {
    return audience.admits(ownerRole, ownerOrg) && filter().matches(type);
  }

  public void change(WebhookUrl url, EventTypeFilter types, String description, Instant now) {
    this.url = url.value();
    this.eventTypes = new ArrayList<>(types.patterns());
    this.description = description;
    touch(now);
  }

  public void pause(Instant now) {
    if (status == SubscriptionStatus.PAUSED) {
      return;
    }
    status = SubscriptionStatus.PAUSED;
    touch(now);
  }

  /** Paused or disabled: delivery goes on from the oldest queued event. */
  public void resume(Instant now) {
    if (status == SubscriptionStatus.ACTIVE) {
      return;
    }
    status = SubscriptionStatus.ACTIVE;
    disabledReason = null;
    touch(now);
  }

  /** Every attempt at an event failed: nothing more is tried until the owner resumes. */
  public void disable(String reason, Instant now) {
    if (status != SubscriptionStatus.ACTIVE) {
      return;
    }
    status = SubscriptionStatus.DISABLED;
    disabledReason = reason;
    touch(now);
  }

  /**
   * A new secret; the previous one still signs (beside it) until {@code now + overlap}, so the
   * receiver can switch without losing a delivery. Returns the new secret, shown once.
   */
  public String rotateSecret(Duration overlap, Instant now) {
    if (overlap.isNegative() || overlap.compareTo(Duration.ofDays(7)) > 0) {
      throw ProblemException.invalidField("overlapSeconds", "must be between 0 and 7 days");
    }
    previousSecret = secret;
    previousSecretUntil = now.plus(overlap);
    secret = WebhookSignature.newSecret();
    touch(now);
    return secret;
  }

  /** The secrets that sign a delivery now: the current one, and the previous during overlap. */
  public List<String> signingSecrets(Instant now) {
    if (previousSecret != null
        && previousSecretUntil != null
        && now.isBefore(previousSecretUntil)) {
      return List.of(secret, previousSecret);
    }
    return List.of(secret);
  }

  private void touch(Instant now) {
    version++;
    updatedAt = now;
  }
}
