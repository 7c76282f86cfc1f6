package org.qiao.talentdemand.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of talent-demand-service ({@code qiao.talent-demand.*}). */
@ConfigMapping(prefix = "qiao.talent-demand")
public interface TalentDemandConfig {

  Templates templates();

  Expiry expiry();

  Applications applications();

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

  interface Applications {
    /** Days the side asked has to answer an invitation or application before it expires. */
    @WithDefault("14")
    int answerDays();

    /** Unanswered invitations a demand may have at once, per person of its headcount. */
    @WithDefault("10")
    int invitationsPerHeadcount();
  }
}
