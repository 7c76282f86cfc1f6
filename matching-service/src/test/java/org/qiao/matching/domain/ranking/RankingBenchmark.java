package org.qiao.matching.domain.ranking;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The ranking benchmark (not a test): one run, one data set, Qiao's indexes against a brute-force
 * scan and a naive inverted index. Checks that all return identical results on a sample first
 * (exits with status 1 if not), then measures latency percentiles after warm-up on 1 and 2 threads,
 * diagnosis latency, student → demands, and single upserts/removes. Writes a Markdown report
 * (default matching-service/target/ranking-benchmark.md) and prints it.
 *
 * <pre>
 * java -Xmx3g -cp ... org.qiao.matching.domain.ranking.RankingBenchmark \
 *   [--profiles 1000000] [--demands 100000] [--queries 4000] [--seed 42] [--qiao-only] [--out file]
 * </pre>
 *
 * --qiao-only skips the naive inverted index (for sizes where only Qiao's index is meant to fit)
 * and samples the brute force on fewer queries.
 */
public final class RankingBenchmark {

  private final StringBuilder report = new StringBuilder();
  private int profiles = 1_000_000;
  private int demandCount = 100_000;
  private int queries = 4_000;
  private long seed = 42;
  private boolean qiaoOnly;
  private Path out = Path.of("matching-service/target/ranking-benchmark.md");

  public static void main(String[] args) throws Exception {
    RankingBenchmark b = new RankingBenchmark();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--profiles" -> b.profiles = Integer.parseInt(args[++i].replace("_", ""));
        case "--demands" -> b.demandCount = Integer.parseInt(args[++i].replace("_", ""));
        case "--queries" -> b.queries = Integer.parseInt(args[++i].replace("_", ""));
        case "--seed" -> b.seed = Long.parseLong(args[++i]);
        case "--qiao-only" -> b.qiaoOnly = true;
        case "--out" -> b.out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    b.run();
  }

  private void line(String format, Object... args) {
    String s = String.format(Locale.ROOT, format, args);
    report.append(s).append('\n');
    System.err.println(s);
  }

  private static long usedHeap() {
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private void run() throws Exception {
    Runtime rt = Runtime.getRuntime();
    line("# Ranking benchmark");
    line("");
    line(
        "- %,d profiles, %,d open demands, %,d measured queries per case, seed %d%s",
        profiles,
        demandCount,
        queries,
        seed,
        qiaoOnly ? ", Qiao's index only (brute force sampled)" : "");
    line(
        "- JVM %s, %d available processors, max heap %,d MB, args %s",
        System.getProperty("java.vm.version"),
        rt.availableProcessors(),
        rt.maxMemory() >> 20,
        ManagementFactory.getRuntimeMXBean().getInputArguments());
    line(
        "- Load: queries are in-process calls from 1 or 2 benchmark threads on the same %d cores;"
            + " generating a query costs nothing beyond picking a prepared demand. Nothing else ran"
            + " on purpose (a shared machine may still have background load).",
        rt.availableProcessors());
    line("");

    long t0 = System.nanoTime();
    SyntheticData data = new SyntheticData(seed);
    List<Profile> all = data.profiles(profiles);
    List<DemandCriteria> demands = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      demands.add(data.demand());
    }
    line("## Build");
    line("");
    line("- generated %,d profiles in %.1f s", profiles, (System.nanoTime() - t0) / 1e9);

    long before = usedHeap();
    t0 = System.nanoTime();
    ProfileIndex qiao = ProfileIndex.build(all);
    double buildSeconds = (System.nanoTime() - t0) / 1e9;
    long after = usedHeap();
    long retained = after - before;
    line(
        "- Qiao ProfileIndex.build: %.2f s; retained heap %,d MB (%.1f bytes/profile; GC'd used heap"
            + " before/after); own estimate %,d MB",
        buildSeconds, retained >> 20, (double) retained / profiles, qiao.estimatedBytes() >> 20);
    NaiveInvertedIndex naive = null;
    if (!qiaoOnly) {
      t0 = System.nanoTime();
      naive = new NaiveInvertedIndex(all);
      long naiveRetained = usedHeap() - after;
      line(
          "- naive inverted index: built in %.2f s, retained %,d MB",
          (System.nanoTime() - t0) / 1e9, naiveRetained >> 20);
    }
    line("");

    // Correctness before speed.
    int sample = qiaoOnly ? 3 : 10;
    for (int i = 0; i < sample; i++) {
      DemandCriteria d = demands.get(i);
      List<StudentMatch> expected = BruteForceRanking.topStudents(all, d, 100);
      check("Qiao top-100 vs brute force, demand " + i, expected, qiao.top(d, 100));
      if (naive != null) {
        check("naive top-100 vs brute force, demand " + i, expected, naive.top(d, 100));
      }
    }
    for (int i = 0; i < Math.min(sample, 3); i++) {
      DemandCriteria d = demands.get(i);
      check("diagnosis, demand " + i, BruteForceRanking.diagnose(all, d), qiao.diagnose(d));
    }
    line(
        "Identical results: top-100 of %d demands (Qiao%s = brute force), diagnosis of %d demands.",
        sample, naive != null ? " = naive" : "", Math.min(sample, 3));
    line("");

    line("## Demand → top 100 students over %,d profiles", profiles);
    line("");
    header();
    IntConsumer qiaoQuery = i -> qiao.top(demands.get(i % demands.size()), 100);
    Result q1 = measure("Qiao index", 1, queries, qiaoQuery);
    Result q2 = measure("Qiao index", 2, queries, qiaoQuery);
    Result n1 = null;
    Result n2 = null;
    if (naive != null) {
      NaiveInvertedIndex nv = naive;
      IntConsumer naiveQuery = i -> nv.top(demands.get(i % demands.size()), 100);
      n1 = measure("naive inverted index", 1, Math.max(200, queries / 10), naiveQuery);
      n2 = measure("naive inverted index", 2, Math.max(200, queries / 10), naiveQuery);
    }
    IntConsumer bruteQuery =
        i -> BruteForceRanking.topStudents(all, demands.get(i % demands.size()), 100);
    if (qiaoOnly) {
      measure("brute force", 1, 3, bruteQuery);
    } else {
      measure("brute force", 1, 10, bruteQuery);
      measure("brute force", 2, 10, bruteQuery);
    }
    line("");
    if (n1 != null) {
      line(
          "Qiao vs naive inverted index: p99 %.1f× faster on 1 thread, %.1f× on 2; throughput %.1f×"
              + " on 2 threads.",
          n1.p99 / q1.p99, n2.p99 / q2.p99, q2.perSecond / n2.perSecond);
      line("");
    }

    line("## Diagnosis over %,d profiles", profiles);
    line("");
    header();
    measure("Qiao diagnose", 1, Math.min(queries, 500), i -> qiao.diagnose(demands.get(i % 1000)));
    measure(
        "brute-force diagnose",
        1,
        qiaoOnly ? 2 : 10,
        i -> BruteForceRanking.diagnose(all, demands.get(i % 1000)));
    line("");

    if (demandCount > 0) {
      studentToDemands(data, all);
    }
    updates(data, qiao, all);

    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, report.toString());
    System.out.println(report);
    System.err.println("report written to " + out.toAbsolutePath());
  }

  private void studentToDemands(SyntheticData data, List<Profile> all) throws InterruptedException {
    List<OpenDemand> open = data.openDemands(demandCount, false);
    long t0 = System.nanoTime();
    DemandIndex index = DemandIndex.build(open);
    line("## Student → top 50 of %,d open demands", demandCount);
    line("");
    line("- DemandIndex.build: %.2f s", (System.nanoTime() - t0) / 1e9);
    List<Profile> students = all.subList(0, Math.min(all.size(), 2_000));
    for (int i = 0; i < 20; i++) {
      check(
          "student → demands, student " + i,
          BruteForceRanking.topDemands(open, students.get(i), 50),
          index.top(students.get(i), 50));
    }
    line("- identical top-50 (Qiao = brute force) for 20 students");
    line("");
    header();
    IntConsumer q = i -> index.top(students.get(i % students.size()), 50);
    measure("Qiao DemandIndex", 1, queries, q);
    measure("Qiao DemandIndex", 2, queries, q);
    IntConsumer b = i -> BruteForceRanking.topDemands(open, students.get(i % students.size()), 50);
    measure("brute force", 1, 50, b);
    line("");
  }

  private void updates(SyntheticData data, ProfileIndex index, List<Profile> all) {
    line("## Single updates after the build (one at a time, as events arrive)");
    line("");
    int count = Math.min(20_000, all.size() / 2);
    long[] upsertNew = new long[count];
    long[] upsertReplace = new long[count];
    long[] removes = new long[count];
    for (int i = 0; i < count; i++) {
      Profile p = data.profile();
      long t = System.nanoTime();
      index.upsert(p);
      upsertNew[i] = System.nanoTime() - t;
      Profile again = data.profile(all.get(i).studentId());
      t = System.nanoTime();
      index.upsert(again);
      upsertReplace[i] = System.nanoTime() - t;
      t = System.nanoTime();
      index.remove(all.get(count + i).studentId());
      removes[i] = System.nanoTime() - t;
    }
    line("| operation | count | p50 µs | p99 µs | max µs |");
    line("|---|---:|---:|---:|---:|");
    for (Object[] row :
        new Object[][] {
          {"upsert (new student)", upsertNew},
          {"upsert (replace)", upsertReplace},
          {"remove", removes}
        }) {
      long[] ns = (long[]) row[1];
      Arrays.sort(ns);
      line(
          "| %s | %,d | %.1f | %.1f | %.1f |",
          row[0],
          ns.length,
          ns[ns.length / 2] / 1e3,
          ns[(int) (ns.length * 0.99)] / 1e3,
          ns[ns.length - 1] / 1e3);
    }
    line("");
    DemandCriteria d = new SyntheticData(seed).demand();
    long t = System.nanoTime();
    index.top(d, 100);
    line(
        "After the updates (%,d slots for %,d students): one query %.2f ms.",
        index.slotCount(), index.size(), (System.nanoTime() - t) / 1e6);
  }

  private static void check(String what, Object expected, Object actual) {
    if (!expected.equals(actual)) {
      System.err.println("MISMATCH: " + what);
      System.err.println("expected: " + expected);
      System.err.println("actual:   " + actual);
      System.exit(1);
    }
  }

  private void header() {
    line("| implementation | threads | queries | p50 ms | p99 ms | max ms | queries/s |");
    line("|---|---:|---:|---:|---:|---:|---:|");
  }

  record Result(double p50, double p99, double max, double perSecond) {}

  /** Warm-up (a third of the count, at least 1 s of work for fast cases), then measured runs. */
  private Result measure(String name, int threads, int count, IntConsumer query)
      throws InterruptedException {
    long warmUntil = System.nanoTime() + 2_000_000_000L;
    int warm = 0;
    while (warm < Math.max(count / 3, 3) || (System.nanoTime() < warmUntil && warm < count * 3)) {
      query.accept(warm++ * 7919);
    }
    long[] latencies = new long[count];
    AtomicInteger next = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread w =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                  long s = System.nanoTime();
                  query.accept(i);
                  latencies[i] = System.nanoTime() - s;
                }
              });
      w.start();
      workers.add(w);
    }
    long wall = System.nanoTime();
    start.countDown();
    for (Thread w : workers) {
      w.join();
    }
    wall = System.nanoTime() - wall;
    Arrays.sort(latencies);
    Result r =
        new Result(
            latencies[count / 2] / 1e6,
            latencies[Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)] / 1e6,
            latencies[count - 1] / 1e6,
            count / (wall / 1e9));
    line(
        "| %s | %d | %,d | %.3f | %.3f | %.3f | %,.0f |",
        name, threads, count, r.p50, r.p99, r.max, r.perSecond);
    return r;
  }
}
