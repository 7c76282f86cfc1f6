package org.qiao.deploy;

import java.nio.file.Path;

/**
 * A check run against a running local platform (kill-recover, feed-restart, two-instance): its home
 * from {@code QIAO_HOME}, a failed expectation printed as {@code FAIL: …} with exit status 1.
 */
interface PlatformCheck {

  void run() throws Exception;

  /** The running platform's home: {@code QIAO_HOME}, else {@code .qiao} under the repository. */
  static Path home() {
    Path root = Path.of(System.getProperty("qiao.root", ".")).toAbsolutePath().normalize();
    return Path.of(System.getenv().getOrDefault("QIAO_HOME", root.resolve(".qiao").toString()))
        .toAbsolutePath();
  }

  /** Runs the check made for the platform's home, exiting 0 when it passed and 1 when not. */
  static void main(java.util.function.Function<Path, PlatformCheck> check) throws Exception {
    try {
      check.apply(home()).run();
    } catch (IllegalStateException e) {
      System.err.println("FAIL: " + e.getMessage());
      System.exit(1);
    }
    System.exit(0);
  }
}
