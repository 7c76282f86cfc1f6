package org.qiao.matching.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Partner integration (ADR 0018): webhooks and the event feed ({@code qiao.partners}). */
@ConfigMapping(prefix = "qiao.partners")
public interface PartnersConfig {

  Webhooks webhooks();

  Feed feed();

  interface Webhooks {
    /** Whether this instance fans events out and delivers them. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Hosts a subscription may name although they are not public, over plain http too: the local
     * platform and tests ({@code 127.0.0.1}). Empty in production.
     */
    Optional<Set<String>> allowedHosts();

    @WithDefault("5s")
    Duration connectTimeout();

    /** Longest wait for an answer, headers and the excerpt kept of its body. */
    @WithDefault("10s")
    Duration readTimeout();

    /** Bytes of an answer kept for the delivery log; the rest is not read. */
    @WithDefault("1024")
    int answerExcerptBytes();

    /** Subscriptions delivered to at once (a hanging endpoint holds one for the read timeout). */
    @WithDefault("8")
    int workers();

    /** How often the pump and the dispatcher look for work when none was signalled. */
    @WithDefault("250ms")
    Duration pollInterval();

    /** Events delivered to one subscription before its worker turns to others. */
    @WithDefault("200")
    int eventsPerTurn();

    /** How long the previous secret still signs after a rotation (default). */
    @WithDefault("PT24H")
    Duration secretOverlap();

    /** Stored events and the delivery log are kept as long as the topics keep events. */
    @WithDefault("P7D")
    Duration retention();
  }

  interface Feed {
    /** Records read from the topics per request at most (invisible ones included). */
    @WithDefault("2000")
    int maxScan();

    /** Longest a request waits for the broker before answering what it has. */
    @WithDefault("2s")
    Duration maxWait();

    /** Topic readers kept for feed requests; more requests at once wait for one. */
    @WithDefault("4")
    int readers();
  }
}
