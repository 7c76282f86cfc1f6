package org.qiao.kit.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
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
   * Applies consecutive events of this handler's types, in their order, with exactly the effect of
   * {@link #handle} on each in turn; a handler overrides it to apply many with few statements.
   * Called in one transaction with the rest of the consumer's poll.
   */
  default void handleAll(List<CloudEvent> events) {
    events.forEach(this::handle);
  }

  /**
   * For a {@link #handleAll} that applies the events of one type many at a time: consecutive events
   * of {@code type} are read with {@code read} and given to {@code applyRun} together, in order;
   * every other event goes to {@code applyOne} where it stands, so the order is kept.
   */
  static <T> void inRuns(
      List<CloudEvent> events,
      String type,
      Function<CloudEvent, T> read,
      Consumer<List<T>> applyRun,
      Consumer<CloudEvent> applyOne) {
    List<T> run = new ArrayList<>();
    for (CloudEvent event : events) {
      if (event.type().equals(type)) {
        run.add(read.apply(event));
        continue;
      }
      if (!run.isEmpty()) {
        applyRun.accept(run);
        run = new ArrayList<>();
      }
      applyOne.accept(event);
    }
    if (!run.isEmpty()) {
      applyRun.accept(run);
    }
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
