package org.qiao.matching.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How often the top 10 of every open demand is recomputed after changes ({@code
 * qiao.matching.ranking-watch}).
 */
@ConfigMapping(prefix = "qiao.matching.ranking-watch")
public interface RankingWatchConfig {

  /** Pause between two recomputations; one runs only if the indexes changed since the last. */
  @WithDefault("10s")
  Duration interval();

  /** How many students a demand's watched ranking holds. */
  @WithDefault("10")
  int size();
}
