package org.qiao.talentdemand.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of talent-demand-service ({@code qiao.talent-demand.*}). */
@ConfigMapping(prefix = "qiao.talent-demand")
public interface TalentDemandConfig {

  Templates templates();

  Expiry expiry();

  interface Templates {
    /** Where the demand templates come from: {@code classpath:...} or a file path. */
    @WithDefault("classpath:templates/demand-templates.json")
    String location();
  }

  interface Expiry {
    @WithDefault("true")
    boolean enabled();

    /** How often published demands past their valid-through date are expired. */
    @WithDefault("1m")
    Duration interval();

    @WithDefault("200")
    int batchSize();
  }
}
