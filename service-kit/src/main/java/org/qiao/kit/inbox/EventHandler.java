package org.qiao.kit.inbox;

import java.util.List;
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

  /**
   * Applies consecutive events of one of this handler's types, in their order, with exactly the
   * effect of {@link #handle} on each in turn; a handler overrides it to apply many with few
   * statements. Called in one transaction with the rest of the consumer's poll, with a persistence
   * context cleared before each run.
   */
  default void handleAll(List<CloudEvent> events) {
    events.forEach(this::handle);
  }

  /**
   * Types of {@link #types()} that must never be dead-lettered, e.g. a forget event: a student
   * forgotten everywhere but here is a privacy breach, not a passing error. Such an event is
   * retried until it applies, whatever it fails with ({@link
   * org.qiao.kit.events.InvalidEventException} included); meanwhile its partition waits (later
   * events of the partition stay behind it, other partitions flow) and the service reports not
   * ready, naming the event, so an operator sees it.
   */
  default Set<String> neverDeadLettered() {
    return Set.of();
  }
}
