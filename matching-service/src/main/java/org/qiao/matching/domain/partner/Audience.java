package org.qiao.matching.domain.partner;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Who among partners may see an event (ADR 0018): everyone; or the named enterprises (credit codes)
 * and institutions (institution codes), each only in its own role, every institution, and the
 * overseers (government, admin), as the API shows the event's object to each; or nobody.
 */
public record Audience(
    boolean everyone,
    Set<String> enterprises,
    Set<String> institutions,
    boolean allInstitutions,
    boolean overseers) {

  public static final Audience EVERYONE = new Audience(true, Set.of(), Set.of(), false, false);
  public static final Audience NOBODY = new Audience(false, Set.of(), Set.of(), false, false);

  public Audience {
    enterprises = Set.copyOf(enterprises);
    institutions = Set.copyOf(institutions);
  }

  /** Only the named organisations. */
  public static Audience of(Set<String> enterprises, Set<String> institutions) {
    return new Audience(false, enterprises, institutions, false, false);
  }

  /** The named organisations and the overseers. */
  public Audience withOverseers() {
    return new Audience(everyone, enterprises, institutions, allInstitutions, true);
  }

  /** The named organisations, every institution and the overseers. */
  public Audience withAllInstitutions() {
    return new Audience(everyone, enterprises, institutions, true, true);
  }

  public boolean isNobody() {
    return !everyone
        && !allInstitutions
        && !overseers
        && enterprises.isEmpty()
        && institutions.isEmpty();
  }

  /** Whether a partner acting for this organisation in this role may see the event. */
  public boolean admits(PartnerRole role, String organisation) {
    if (everyone) {
      return true;
    }
    return switch (role) {
      case ENTERPRISE -> enterprises.contains(organisation);
      case UNIVERSITY -> allInstitutions || institutions.contains(organisation);
      case GOVERNMENT, ADMIN -> overseers;
    };
  }

  /** As stored beside a kept event (everything but {@code everyone}, which has a column). */
  public Map<String, Object> stored() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("enterprises", enterprises);
    m.put("institutions", institutions);
    m.put("allInstitutions", allInstitutions);
    m.put("overseers", overseers);
    return m;
  }

  /** Read back from {@link #stored()}. */
  public static Audience fromStored(boolean everyone, JsonNode stored) {
    if (everyone) {
      return EVERYONE;
    }
    Set<String> enterprises = new HashSet<>();
    Set<String> institutions = new HashSet<>();
    stored.path("enterprises").forEach(n -> enterprises.add(n.asText()));
    stored.path("institutions").forEach(n -> institutions.add(n.asText()));
    return new Audience(
        false,
        enterprises,
        institutions,
        stored.path("allInstitutions").asBoolean(false),
        stored.path("overseers").asBoolean(false));
  }
}
