package org.qiao.matching.domain.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.qiao.kit.db.CopyRows;
import org.qiao.kit.events.EventCodec;
import org.qiao.matching.domain.HeldSkill;
import org.qiao.matching.service.RankingIndexes;

/**
 * The index rebuild benchmark (not a test: surefire does not pick it up; it fills the test
 * database). Writes N synthetic profiles (default 1,000,000, seed 42, {@link SyntheticData}) into
 * {@code student_profile} with COPY, then rebuilds the ranking index from the database three times
 * (the first also pays JIT compilation) and reports each run and the heap after the last.
 *
 * <pre>
 * ./mvnw -o -B test -pl matching-service -Dtest=IndexRebuildBenchmark -Dqiao.test.heap=3g \
 *   [-Dqiao.bench.profiles=1000000]
 * </pre>
 *
 * Report: matching-service/target/index-rebuild-benchmark.md.
 */
@QuarkusTest
class IndexRebuildBenchmark {

  @Inject RankingIndexes indexes;
  @Inject EntityManager em;

  @Test
  void rebuildFromTheDatabase() throws IOException {
    int n = Integer.getInteger("qiao.bench.profiles", 1_000_000);
    SyntheticData data = new SyntheticData(42);
    long written = System.nanoTime();
    Instant now = Instant.now();
    UUID institution = UUID.randomUUID();
    for (int done = 0; done < n; ) {
      int chunk = Math.min(20_000, n - done);
      CopyRows rows =
          CopyRows.into(
              "student_profile",
              "student_id",
              "institution_id",
              "institution_code",
              "major_code",
              "degree",
              "graduation_year",
              "skills",
              "preferred_cities",
              "source_version",
              "updated_at");
      CopyRows verified =
          CopyRows.into(
              "verified_skill",
              "student_id",
              "internship_id",
              "skill_key",
              "skill_name",
              "institution_mentor_rating",
              "enterprise_mentor_rating",
              "verified_at");
      for (int i = 0; i < chunk; i++) {
        Profile p = data.profile();
        for (String k : p.verifiedSkills()) {
          verified.row(p.studentId(), institution, k, k, 4, 3, now);
        }
        List<HeldSkill> skills = new ArrayList<>();
        // The profile's held skills; verified ones are rows of verified_skill, as events leave
        // them.
        p.skills().forEach(k -> skills.add(new HeldSkill(k, k, null, true, false)));
        rows.row(
            p.studentId(),
            institution,
            p.institutionCode(),
            p.majorCode() == null ? "000000" : p.majorCode(),
            p.degree(),
            p.graduationYear(),
            EventCodec.mapper().writeValueAsString(skills),
            EventCodec.mapper().writeValueAsString(p.cities()),
            1,
            now);
      }
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                rows.writeTo(em);
                verified.writeTo(em);
              });
      done += chunk;
    }
    double writeSeconds = (System.nanoTime() - written) / 1e9;
    StringBuilder report = new StringBuilder("# Index rebuild benchmark\n\n");
    report.append(
        String.format(
            "%,d profiles written with COPY in %.1f s (setup, not measured)%n%n", n, writeSeconds));
    report.append("| run | seconds | profiles in index |\n|---|---|---|\n");
    for (int run = 1; run <= 3; run++) {
      System.gc();
      long t = System.nanoTime();
      indexes.rebuild();
      double s = (System.nanoTime() - t) / 1e9;
      report.append(String.format("| %d | %.1f | %,d |%n", run, s, indexes.profiles().size()));
    }
    System.gc();
    Runtime rt = Runtime.getRuntime();
    report.append(
        String.format(
            "%nHeap used after the last rebuild and a GC: %,d MB (index and everything else in the"
                + " test JVM); -Xmx %,d MB. Cores shared with the embedded PostgreSQL and Kafka.%n",
            (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20));
    Path out = Path.of("target/index-rebuild-benchmark.md");
    Files.writeString(out, report);
    System.out.println(report);
    assertEquals(true, indexes.profiles().size() >= n, "every written profile is in the index");
  }
}
