package org.qiao.kit.problem;

import java.util.Optional;

/** Looks through an exception's chain of causes (wrapped by interceptors, rollbacks, drivers). */
public final class Causes {

  private Causes() {}

  /** The first throwable of the given type in the chain, the exception itself included. */
  public static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
    }
    return Optional.empty();
  }

  /** "Type: message" of the innermost cause, for logs and dead-letter reasons. */
  public static String describeRoot(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
