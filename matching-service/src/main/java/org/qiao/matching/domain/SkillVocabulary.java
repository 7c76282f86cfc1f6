package org.qiao.matching.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The skills Qiao knows, and how any name arriving in an event or a form becomes one: by its key
 * ({@link SkillText}) among every label and alias. A name that is no skill's is kept as free text
 * by the caller (matched by exact text only) and reported, so the vocabulary can grow.
 */
public final class SkillVocabulary {

  /** Prefix of the key of a name no skill has. */
  public static final String FREE_TEXT = "~";

  private final String version;
  private final Map<String, Skill> byCode = new LinkedHashMap<>();
  private final Map<String, Skill> byKey = new HashMap<>();
  private final Map<String, Integer> position = new HashMap<>();

  /** Every (key, name, skill) for autocompletion, in vocabulary order. */
  private final List<Name> names = new ArrayList<>();

  private record Name(String key, String text, Skill skill) {}

  /** A suggestion: the skill and the name the query matched. */
  public record Suggestion(Skill skill, String matched) {}

  public SkillVocabulary(String version, List<Skill> skills) {
    this.version = version;
    for (Skill s : skills) {
      if (byCode.put(s.code(), s) != null) {
        throw new IllegalArgumentException("skill code " + s.code() + " appears twice");
      }
      position.put(s.code(), position.size());
      for (String n : s.names()) {
        String key = SkillText.key(n);
        if (key.isEmpty()) {
          throw new IllegalArgumentException(s.code() + ": the name '" + n + "' has no letters");
        }
        Skill other = byKey.putIfAbsent(key, s);
        if (other != null && !other.code().equals(s.code())) {
          throw new IllegalArgumentException(
              "'" + n + "' names both " + other.code() + " and " + s.code());
        }
        names.add(new Name(key, n, s));
      }
    }
  }

  public String version() {
    return version;
  }

  public int size() {
    return byCode.size();
  }

  /** The skill a name means, if the vocabulary knows it. */
  public Optional<Skill> resolve(String name) {
    return Optional.ofNullable(byKey.get(SkillText.key(name)));
  }

  /**
   * The key ranking compares a name by: the skill's code, or for a name no skill has, {@code "~"}
   * and its text key (so unknown names still match by exact text). Null for a name without letters.
   */
  public String keyOf(String name) {
    Skill skill = byKey.get(SkillText.key(name));
    if (skill != null) {
      return skill.code();
    }
    String key = SkillText.key(name);
    return key.isEmpty() ? null : FREE_TEXT + (key.length() > 200 ? key.substring(0, 200) : key);
  }

  /** What a key from {@link #keyOf} is called: the skill's Chinese label, or the free text. */
  public String label(String key) {
    if (key.startsWith(FREE_TEXT)) {
      return key.substring(FREE_TEXT.length());
    }
    Skill skill = byCode.get(key);
    return skill == null ? key : skill.zh();
  }

  /** The code of a skill key; null for free text. */
  public static String codeOf(String key) {
    return key.startsWith(FREE_TEXT) ? null : key;
  }

  public Optional<Skill> byCode(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /**
   * Skills whose label or alias starts with the query (first) or contains it, each skill once with
   * the best name matched; ties in vocabulary order, so the answer is stable.
   */
  public List<Suggestion> suggest(String query, int limit) {
    String q = SkillText.key(query);
    if (q.isEmpty()) {
      return List.of();
    }
    Map<String, Integer> rank = new HashMap<>();
    Map<String, Suggestion> best = new LinkedHashMap<>();
    for (Name n : names) {
      int r = n.key().equals(q) ? 0 : n.key().startsWith(q) ? 1 : n.key().contains(q) ? 2 : -1;
      if (r < 0) {
        continue;
      }
      Integer known = rank.get(n.skill().code());
      if (known == null || r < known) {
        rank.put(n.skill().code(), r);
        best.put(n.skill().code(), new Suggestion(n.skill(), n.text()));
      }
    }
    return best.values().stream()
        .sorted(
            Comparator.<Suggestion>comparingInt(s -> rank.get(s.skill().code()))
                .thenComparingInt(s -> position.get(s.skill().code())))
        .limit(limit)
        .toList();
  }
}
