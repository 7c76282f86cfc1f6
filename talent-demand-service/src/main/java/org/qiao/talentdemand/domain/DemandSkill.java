package org.qiao.talentdemand.domain;

/**
 * A skill a demand asks for: essential skills act as requirements, optional ones as a bonus (as in
 * ESCO); level 1–5 says how much of it.
 */
public record DemandSkill(String name, boolean essential, int level) {
  public DemandSkill {
    if (name == null || name.isBlank()) {
      throw new DomainViolation("skills.name", "must not be blank");
    }
    if (level < 1 || level > 5) {
      throw new DomainViolation("skills.level", "must be between 1 and 5");
    }
    name = name.strip();
  }
}
