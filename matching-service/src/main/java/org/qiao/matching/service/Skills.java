package org.qiao.matching.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.query.NativeQuery;
import org.qiao.matching.domain.SkillText;
import org.qiao.matching.domain.SkillVocabulary;
import org.qiao.matching.domain.UnknownSkill;

/** The vocabulary as the rest of the service uses it, and the record of names it does not know. */
@ApplicationScoped
public class Skills {

  private final SkillVocabulary vocabulary;
  private final EntityManager em;
  private final Clock clock;

  Skills(SkillVocabulary vocabulary, EntityManager em, Clock clock) {
    this.vocabulary = vocabulary;
    this.em = em;
    this.clock = clock;
  }

  /** The key ranking compares a skill name by (see {@link SkillVocabulary#keyOf}). */
  public String keyOf(String name) {
    return vocabulary.keyOf(name);
  }

  public String label(String key) {
    return vocabulary.label(key);
  }

  public SkillVocabulary vocabulary() {
    return vocabulary;
  }

  public List<SkillVocabulary.Suggestion> suggest(String query, int limit) {
    return vocabulary.suggest(query, limit);
  }

  /**
   * Counts the names an event carried that no skill has (each name once per event), in the event's
   * transaction: a redelivered event, already in the inbox, counts nothing again.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void noteUnknown(Collection<String> names) {
    Map<String, String> unknown = new LinkedHashMap<>();
    for (String n : names) {
      String key = SkillText.key(n);
      if (!key.isEmpty() && vocabulary.resolve(n).isEmpty()) {
        unknown.putIfAbsent(key.length() > 200 ? key.substring(0, 200) : key, n.strip());
      }
    }
    Instant now = clock.instant();
    unknown.forEach(
        (key, text) ->
            em.createNativeQuery(
                    "insert into unknown_skill (skill_key, text, occurrences, first_seen_at,"
                        + " last_seen_at) values (?1, ?2, 1, ?3, ?3) on conflict (skill_key) do"
                        + " update set occurrences = unknown_skill.occurrences + 1,"
                        + " last_seen_at = excluded.last_seen_at")
                .unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace("unknown_skill")
                .setParameter(1, key)
                .setParameter(2, text.length() > 200 ? text.substring(0, 200) : text)
                .setParameter(3, now)
                .executeUpdate());
  }

  /** The most frequent unknown names (ties by key, so the list is stable). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<UnknownSkill> mostFrequentUnknown(int limit) {
    return UnknownSkill.find("order by occurrences desc, key").page(0, limit).list();
  }
}
