package org.qiao.matching.domain;

/**
 * A read model row holding another service's aggregate at a version of that service: a newer state
 * replaces it, an older or equal one (late, replayed) never does.
 */
public interface VersionedView<T> {

  /** The aggregate's version in its home service. */
  long sourceVersion();

  /** Takes over a newer state of the same aggregate. */
  void replaceWith(T newer);

  default boolean isOlderThan(long version) {
    return sourceVersion() < version;
  }
}
