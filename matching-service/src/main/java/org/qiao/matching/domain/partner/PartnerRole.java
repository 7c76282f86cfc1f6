package org.qiao.matching.domain.partner;

import java.util.Optional;
import org.qiao.kit.security.Roles;

/**
 * The roles that may subscribe to webhooks or read the feed: organisations' systems. Students and
 * mentors are persons, not partners.
 */
public enum PartnerRole {
  ENTERPRISE(Roles.ENTERPRISE, true),
  UNIVERSITY(Roles.UNIVERSITY, true),
  GOVERNMENT(Roles.GOVERNMENT, false),
  ADMIN(Roles.ADMIN, false);

  private final String role;
  private final boolean actsForOrganisation;

  PartnerRole(String role, boolean actsForOrganisation) {
    this.role = role;
    this.actsForOrganisation = actsForOrganisation;
  }

  public String role() {
    return role;
  }

  /** Whether events addressed to its organisation reach it (government and admin: public only). */
  public boolean actsForOrganisation() {
    return actsForOrganisation;
  }

  public static Optional<PartnerRole> of(String role) {
    for (PartnerRole r : values()) {
      if (r.role.equals(role)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
