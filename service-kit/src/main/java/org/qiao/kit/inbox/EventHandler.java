package org.qiao.kit.inbox;

import java.util.Set;
import org.qiao.kit.events.CloudEvent;

/**
 * Applies events of some types to the service's own tables. Implementations are CDI beans; the
 * {@link InboxConsumer} calls them inside the transaction that records the event id, so an effect
 * and its "processed" mark commit together.
 */
public interface EventHandler {

  /** Event types this handler applies; other contract types on subscribed topics are skipped. */
  Set<String> types();

  /**
   * Applies one event (already checked against its schema).
   *
   * @throws org.qiao.kit.events.InvalidEventException when the event can never be applied: it goes
   *     to the dead-letter topic. Any other exception is retried.
   */
  void handle(CloudEvent event);
}
