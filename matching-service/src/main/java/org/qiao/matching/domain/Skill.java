package org.qiao.matching.domain;

import java.util.List;

/** A skill of the vocabulary: a stable code, labels in Chinese and English, aliases, industries. */
public record Skill(
    String code, String zh, String en, List<String> aliases, List<String> industries) {

  public Skill {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    industries = industries == null ? List.of() : List.copyOf(industries);
  }

  /** Every name the skill is known by: labels first, then aliases. */
  public List<String> names() {
    List<String> names = new java.util.ArrayList<>(List.of(zh, en));
    names.addAll(aliases);
    return names;
  }
}
