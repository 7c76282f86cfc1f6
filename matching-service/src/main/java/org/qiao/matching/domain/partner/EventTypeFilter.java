package org.qiao.matching.domain.partner;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.qiao.kit.problem.ProblemException;

/**
 * The event types a subscription or a feed reader wants: exact types ({@code
 * qiao.demand.published.v1}) or every type of an aggregate ({@code qiao.demand.*}). Only types
 * partners can see are accepted, so a typo is refused rather than silently matching nothing.
 */
public record EventTypeFilter(List<String> patterns) {

  public static final int MAX_PATTERNS = 50;
  private static final Pattern WILDCARD = Pattern.compile("qiao\\.[a-z][a-z-]{0,40}\\.\\*");

  public EventTypeFilter {
    patterns = List.copyOf(patterns);
  }

  /** Every type partners can see. */
  public static final EventTypeFilter ALL = new EventTypeFilter(List.of());

  /**
   * Validates the patterns; 400 naming the field (and index) of the first one that names no type a
   * partner can see. None (or an empty list) means every visible type.
   */
  public static EventTypeFilter of(List<String> patterns, String field) {
    if (patterns == null || patterns.isEmpty()) {
      return ALL;
    }
    if (patterns.size() > MAX_PATTERNS) {
      throw ProblemException.invalidField(field, "at most " + MAX_PATTERNS + " types or patterns");
    }
    Set<String> visible = PartnerAudience.visibleTypes();
    Set<String> kept = new LinkedHashSet<>();
    for (int i = 0; i < patterns.size(); i++) {
      String p = patterns.get(i);
      String name = field + "[" + i + "]";
      if (p == null || p.isBlank()) {
        throw ProblemException.invalidField(name, "must be an event type or qiao.<aggregate>.*");
      }
      p = p.strip();
      if (WILDCARD.matcher(p).matches()) {
        String prefix = p.substring(0, p.length() - 1);
        if (visible.stream().noneMatch(t -> t.startsWith(prefix))) {
          throw ProblemException.invalidField(name, "no event type partners may see matches " + p);
        }
      } else if (!visible.contains(p)) {
        throw ProblemException.invalidField(
            name, "must be an event type partners may see, or qiao.<aggregate>.*");
      }
      kept.add(p);
    }
    return new EventTypeFilter(new ArrayList<>(kept));
  }

  /** Whether an event of this type is wanted. */
  public boolean matches(String type) {
    if (patterns.isEmpty()) {
      return true;
    }
    for (String p : patterns) {
      if (p.endsWith(".*") ? type.startsWith(p.substring(0, p.length() - 1)) : p.equals(type)) {
        return true;
      }
    }
    return false;
  }
}
