package org.qiao.matching.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.qiao.matching.domain.VersionedView;

/** The version guard every read model applies events with. */
final class ReadModels {

  private ReadModels() {}

  /**
   * Stores the incoming state if the row is new, lets it replace the stored one if newer; returns
   * the row that now holds it, or null when the incoming state was older or equal (nothing done).
   */
  static <T extends PanacheEntityBase & VersionedView<T>> T upsert(T incoming, T stored) {
    if (stored == null) {
      incoming.persist();
      return incoming;
    }
    if (stored.isOlderThan(incoming.sourceVersion())) {
      stored.replaceWith(incoming);
      return stored;
    }
    return null;
  }
}
