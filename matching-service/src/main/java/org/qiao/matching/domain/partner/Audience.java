package org.qiao.matching.domain.partner;

import java.util.Set;

/**
 * Who among partners may see an event (ADR 0018): everyone, or the named enterprises (credit codes)
 * and institutions (institution codes), each only in its own role; or nobody.
 */
public record Audience(boolean everyone, Set<String> enterprises, Set<String> institutions) {

  public static final Audience EVERYONE = new Audience(true, Set.of(), Set.of());
  public static final Audience NOBODY = new Audience(false, Set.of(), Set.of());

  public Audience {
    enterprises = Set.copyOf(enterprises);
    institutions = Set.copyOf(institutions);
  }

  public static Audience of(Set<String> enterprises, Set<String> institutions) {
    return enterprises.isEmpty() && institutions.isEmpty()
        ? NOBODY
        : new Audience(false, enterprises, institutions);
  }

  public boolean isNobody() {
    return !everyone && enterprises.isEmpty() && institutions.isEmpty();
  }

  /** Whether a partner acting for this organisation in this role may see the event. */
  public boolean admits(PartnerRole role, String organisation) {
    if (everyone) {
      return true;
    }
    // An organisation's own events are its own: never the government's or an admin's to receive.
    return switch (role) {
      case ENTERPRISE -> enterprises.contains(organisation);
      case UNIVERSITY -> institutions.contains(organisation);
      default -> false;
    };
  }
}
