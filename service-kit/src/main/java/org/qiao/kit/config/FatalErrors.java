package org.qiao.kit.config;

/**
 * An {@link OutOfMemoryError} leaves a JVM whose every thread may have lost work half way (a relay
 * or consumer loop, a request): the process exits instead of limping on, and the supervisor (the
 * launcher, the orchestrator) starts a fresh one. {@code -XX:+ExitOnOutOfMemoryError} does the same
 * for errors the kit never sees; this covers JVMs started without it.
 */
public final class FatalErrors {

  /** Exit status of a process halted by the kit for a fatal error. */
  public static final int EXIT_STATUS = 3;

  private FatalErrors() {}

  /** Whether the error, or one of its causes, is one the process cannot recover from. */
  public static boolean isFatal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }

  /** Halts the process when {@code e} is fatal; returns otherwise. */
  public static void haltIfFatal(Throwable e) {
    if (isFatal(e)) {
      try {
        // No logging framework: it may need memory there is none of.
        System.err.println("Fatal error, the process exits: " + e);
      } finally {
        // halt, not exit: shutdown hooks could block or need memory too.
        Runtime.getRuntime().halt(EXIT_STATUS);
      }
    }
  }

  /**
   * Throws the {@link Error} inside {@code e} (the transaction API wraps whatever a handler throws
   * in an exception) as itself, so a supervised loop ends and starts afresh instead of retrying in
   * a thread whose state is unknown; halts when it is fatal. Returns when {@code e} holds no Error.
   */
  public static void rethrowError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof Error error) {
        haltIfFatal(error);
        throw error;
      }
    }
  }

  /**
   * Makes an uncaught fatal error on any thread halt the process; other uncaught throwables go to
   * the handler installed before (or the default report).
   */
  public static synchronized void installDefaultHandler() {
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    if (previous instanceof Handler) {
      return;
    }
    Thread.setDefaultUncaughtExceptionHandler(new Handler(previous));
  }

  private record Handler(Thread.UncaughtExceptionHandler previous)
      implements Thread.UncaughtExceptionHandler {
    @Override
    public void uncaughtException(Thread t, Throwable e) {
      haltIfFatal(e);
      if (previous != null) {
        previous.uncaughtException(t, e);
      } else {
        System.err.print("Exception in thread \"" + t.getName() + "\" ");
        e.printStackTrace();
      }
    }
  }
}
