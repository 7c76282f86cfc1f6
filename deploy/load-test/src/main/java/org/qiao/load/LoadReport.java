package org.qiao.load;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The markdown summary of a series: Gatling's numbers, the lag, and who used the CPU. */
final class LoadReport {

  private final String gatlingVersion;
  private final Duration warmup;
  private final Duration duration;
  private final Path resultsRoot;

  LoadReport(String gatlingVersion, Duration warmup, Duration duration, Path resultsRoot) {
    this.gatlingVersion = gatlingVersion;
    this.warmup = warmup;
    this.duration = duration;
    this.resultsRoot = resultsRoot;
  }

  String render(String args, String loadBefore, List<LoadSeries.Run> runs) {
    StringBuilder r = new StringBuilder();
    r.append("# Qiao load report\n\n")
        .append("- when: ")
        .append(Instant.now())
        .append("; command: `deploy/qiao load")
        .append(args.isEmpty() ? "" : " " + args)
        .append("`\n")
        .append("- load: Gatling ")
        .append(gatlingVersion)
        .append(" (Java DSL), its own JVM per run; closed workload: N virtual users, each one")
        .append(" HTTP/1.1 keep-alive connection to 127.0.0.1, sending its next request when the")
        .append(" previous one is answered. ")
        .append(warmup.toSeconds())
        .append(" s warm-up (reported apart by Gatling as `warm-up`), then ")
        .append(duration.toSeconds())
        .append(" s measured; req/s = requests in the measured window / ")
        .append(duration.toSeconds())
        .append(" s. Latencies are Gatling's, in whole ms.\n")
        .append("- end-to-end lag: beside each measured window, a demand every 250 ms, timed from")
        .append(" its 201 on talent-demand-service until matching-service's GET returns it")
        .append(
            " (polled every 20 ms, less often while several are pending: at most 50 reads/s).\n")
        .append("- machine: ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores shared by everything above (loopback); load average before: ")
        .append(loadBefore)
        .append("\n\n")
        .append("| request | connections | requests | req/s | p50 ms | p95 ms | p99 ms | p99.9 ms")
        .append(" | max ms | errors | lag p50 ms | lag p95 ms | lag p99 ms | lag max ms |")
        .append(" lag samples |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (LoadSeries.Run run : runs) {
      GatlingStats.Request s = run.stats();
      LagProbe.Result lag = run.lag();
      r.append("| ")
          .append(
              row(
                  run.request(),
                  run.connections(),
                  s.count(),
                  String.format(Locale.ROOT, "%.0f", run.throughput()),
                  s.p50(),
                  s.p95(),
                  s.p99(),
                  s.p999(),
                  s.max(),
                  s.ko(),
                  lag.percentile(50),
                  lag.percentile(95),
                  lag.percentile(99),
                  lag.max(),
                  lag.lagsMs().size()));
      if (lag.missing() + lag.failed() > 0) {
        r.append(" (+").append(lag.missing()).append(" missing, ").append(lag.failed());
        r.append(" failed)");
      }
      r.append(" |\n");
    }

    r.append("\n## Who used the cores (average cores busy in the measured window)\n\n")
        .append("| run | all | ");
    CpuUse.GROUPS.forEach(g -> r.append(g).append(" | "));
    r.append("other | quiet after |\n|---|---|");
    CpuUse.GROUPS.forEach(g -> r.append("---|"));
    r.append("---|---|\n");
    for (LoadSeries.Run run : runs) {
      r.append("| ")
          .append(run.label())
          .append(" × ")
          .append(run.connections())
          .append(" | ")
          .append(cores(run.cpu().all()))
          .append(" | ");
      run.cpu().cores().values().forEach(c -> r.append(cores(c)).append(" | "));
      r.append(run.settled().toSeconds()).append(" s |\n");
    }
    r.append("\n\"quiet after\": the wait before the run until the platform's processes (services,")
        .append(
            " PostgreSQL, Kafka) used under 0.25 cores, at most 120 s, so that one run's backlog")
        .append(" (outbox relays, consumers) is not in the next. \"other\": everything else on the")
        .append(" machine, including programs that started and ended within the window.\n");

    r.append(
        "\n## Service JVMs\n\n| service | JVM options | resident memory (MiB) |\n|---|---|---|\n");
    CpuUse.services()
        .forEach(
            (name, jvm) ->
                r.append("| ")
                    .append(name)
                    .append("-service | `")
                    .append(jvm[0])
                    .append("` | ")
                    .append(jvm[1])
                    .append(" |\n"));

    r.append("\n## Gatling reports\n\n").append(resultsRoot).append("\n\n");
    for (LoadSeries.Run run : runs) {
      r.append("- ")
          .append(run.request())
          .append(", ")
          .append(run.connections())
          .append(" connections: ")
          .append(run.report().toUri())
          .append('\n');
    }
    return r.toString();
  }

  private static String cores(double c) {
    return String.format(Locale.ROOT, "%.2f", c);
  }

  /** Table cells joined by " | " (without the row's outer bars). */
  private static String row(Object... cells) {
    return java.util.Arrays.stream(cells)
        .map(String::valueOf)
        .collect(java.util.stream.Collectors.joining(" | "));
  }
}
