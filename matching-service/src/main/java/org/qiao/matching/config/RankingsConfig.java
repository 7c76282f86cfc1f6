package org.qiao.matching.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How rankings are answered over HTTP ({@code qiao.matching.rankings}). */
@ConfigMapping(prefix = "qiao.matching.rankings")
public interface RankingsConfig {

  /**
   * How many demands' latest tops are kept to answer again while the profile index is unchanged
   * (RecentTops; a top of 100 takes ~40 KB); 0 ranks every request from the index.
   */
  @WithDefault("2000")
  int recentTops();
}
