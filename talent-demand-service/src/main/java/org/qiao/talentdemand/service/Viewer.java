package org.qiao.talentdemand.service;

import java.util.UUID;

/**
 * Who is looking, as far as visibility goes: an enterprise (with its registered id, if any), a
 * university (with its institution code), or an overseer (government, admin) who sees everything.
 */
public record Viewer(Kind kind, String org, UUID enterpriseId) {

  public enum Kind {
    ENTERPRISE,
    UNIVERSITY,
    MENTOR,
    OVERSEER
  }

  public boolean isOverseer() {
    return kind == Kind.OVERSEER;
  }

  public boolean isUniversity() {
    return kind == Kind.UNIVERSITY;
  }

  /** An id that matches no enterprise, for an enterprise caller that has not registered yet. */
  public static UUID orNobody(UUID enterpriseId) {
    return enterpriseId == null ? new UUID(0, 0) : enterpriseId;
  }

  public boolean owns(UUID ownerEnterpriseId) {
    return enterpriseId != null && enterpriseId.equals(ownerEnterpriseId);
  }
}
