package org.qiao.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU seconds per part of the platform over a measured window, from Linux's /proc: what shared the
 * cores while a benchmark ran (the services, PostgreSQL, the Kafka broker, the launcher, the
 * benchmark itself). Processes that ended inside the window are not counted.
 */
final class CpuShares {

  /** Cumulative CPU ticks per part at one moment. */
  record Sample(Map<String, Long> ticks) {}

  private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

  private final Map<String, Double> seconds;

  private CpuShares(Map<String, Double> seconds) {
    this.seconds = seconds;
  }

  static Sample sample() {
    Map<String, Long> ticks = new TreeMap<>();
    Path proc = Path.of("/proc");
    if (!Files.isDirectory(proc)) {
      return new Sample(ticks);
    }
    long self = ProcessHandle.current().pid();
    try (Stream<Path> entries = Files.list(proc)) {
      entries
          .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .forEach(
              p -> {
                try {
                  String stat = Files.readString(p.resolve("stat"));
                  String cmd =
                      new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                  // Fields after the command name (which may hold spaces) in parentheses.
                  String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                  long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                  String part =
                      Long.parseLong(p.getFileName().toString()) == self ? "benchmark" : part(cmd);
                  ticks.merge(part, t, Long::sum);
                } catch (IOException | RuntimeException gone) {
                  // The process ended between listing and reading.
                }
              });
    } catch (IOException e) {
      return new Sample(Map.of());
    }
    return new Sample(ticks);
  }

  static CpuShares between(Sample start, Sample end) {
    Map<String, Double> s = new TreeMap<>();
    end.ticks()
        .forEach(
            (part, t) ->
                s.put(
                    part, (t - start.ticks().getOrDefault(part, 0L)) / (double) TICKS_PER_SECOND));
    return new CpuShares(s);
  }

  /** A Markdown table, or a line saying /proc was not there. */
  String table() {
    if (seconds.isEmpty()) {
      return "(not measured: no /proc)\n";
    }
    StringBuilder b = new StringBuilder("| process | CPU s |\n|---|---|\n");
    double total = 0;
    for (var e : seconds.entrySet()) {
      b.append(String.format("| %s | %.1f |%n", e.getKey(), e.getValue()));
      total += e.getValue();
    }
    return b.append(String.format("| total | %.1f |%n", total)).toString();
  }

  private static String part(String cmdline) {
    for (String service :
        new String[] {
          "talent-demand-service", "curriculum-service", "internship-service", "matching-service"
        }) {
      if (cmdline.contains("/" + service + "/")) {
        return service;
      }
    }
    // The broker runs from the launcher's jar in a JVM of its own.
    if (cmdline.contains("/web-portal/")) {
      return "web-portal";
    }
    if (cmdline.contains("org.qiao.deploy.KafkaNode")) {
      return "Kafka";
    }
    if (cmdline.contains("local-platform.jar")) {
      return "launcher";
    }
    if (cmdline.contains("postgres")) {
      return "PostgreSQL";
    }
    return "other";
  }
}
