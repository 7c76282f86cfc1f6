package org.qiao.matching.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How each instance's ranking index follows the tables ({@code qiao.matching.index}, ADR 0010). */
@ConfigMapping(prefix = "qiao.matching.index")
public interface IndexConfig {

  /** Pause between two reads of the change log: a change reaches every instance within it. */
  @WithDefault("100ms")
  Duration followInterval();

  /** How often an instance reports its position (and the log below every position is trimmed). */
  @WithDefault("10s")
  Duration reportInterval();

  /**
   * A follower not heard of for this long no longer holds the log back; one that was silent this
   * long itself (a long pause) rebuilds from a snapshot rather than trust what is left.
   */
  @WithDefault("10m")
  Duration followerTimeout();

  /** Rows older than this are trimmed whatever the positions say. */
  @WithDefault("P1D")
  Duration logRetention();
}
