package org.qiao.kit.config;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs a background loop (the outbox relay, the inbox consumer) on its own thread and starts it
 * again on a fresh thread when anything escapes it, an {@link Error} included: one bad moment must
 * not leave a process that is alive but never publishes or consumes again. A fatal error ({@link
 * FatalErrors}) halts the process instead. {@link #healthy()} turns false when the loop died {@code
 * maxDeaths} times within {@code window}: liveness then fails and the orchestrator restarts the
 * process, which an in-process restart evidently could not mend.
 */
public final class SupervisedLoop {

  private static final Logger LOG = Logger.getLogger(SupervisedLoop.class);

  /** The loop; it returns when {@link #stop} asked it to (or on interrupt). */
  @FunctionalInterface
  public interface Body {
    void run() throws Exception;
  }

  private final String name;
  private final Body body;
  private final MessagingConfig.Supervision settings;
  private final Deque<Instant> deaths = new ArrayDeque<>();
  private volatile boolean stopped;
  private volatile Thread thread;
  private volatile String lastDeath;
  private volatile int restarts;

  public SupervisedLoop(String name, Body body, MessagingConfig.Supervision settings) {
    this.name = name;
    this.body = body;
    this.settings = settings;
  }

  public void start() {
    launch();
  }

  /** Stops restarting, interrupts the loop's thread and waits for it a while. */
  public void stop(Duration wait) {
    stopped = true;
    Thread t = thread;
    if (t != null) {
      t.interrupt();
      try {
        t.join(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Whether the loop is running (or about to be started again). */
  public boolean isAlive() {
    Thread t = thread;
    return t != null && t.isAlive();
  }

  /** False once the loop died {@code max-deaths} times within {@code window}. */
  public synchronized boolean healthy() {
    forgetOldDeaths();
    return deaths.size() < settings.maxDeaths();
  }

  /** How many times the loop was started again since the process started. */
  public int restarts() {
    return restarts;
  }

  /** The last throwable that escaped the loop, with its time; null if it never died. */
  public String lastDeath() {
    return lastDeath;
  }

  private synchronized void launch() {
    if (stopped) {
      return;
    }
    Thread t = new Thread(this::incarnation, name);
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  private void incarnation() {
    Throwable cause;
    try {
      body.run();
      if (stopped) {
        return;
      }
      cause = new IllegalStateException("the loop returned without being stopped");
    } catch (Throwable e) {
      FatalErrors.haltIfFatal(e);
      if (stopped) {
        return;
      }
      cause = e;
    }
    died(cause);
    try {
      TimeUnit.MILLISECONDS.sleep(settings.restartDelay().toMillis());
    } catch (InterruptedException e) {
      if (stopped) {
        return;
      }
    }
    restarts++;
    launch();
  }

  private synchronized void died(Throwable cause) {
    Instant now = Instant.now();
    deaths.addLast(now);
    forgetOldDeaths();
    lastDeath = now + ": " + cause;
    LOG.errorf(
        cause,
        "%s died (%d time(s) within %s); starting it again in %s",
        name,
        deaths.size(),
        settings.window(),
        settings.restartDelay());
  }

  private void forgetOldDeaths() {
    Instant horizon = Instant.now().minus(settings.window());
    while (!deaths.isEmpty() && deaths.peekFirst().isBefore(horizon)) {
      deaths.removeFirst();
    }
  }
}
