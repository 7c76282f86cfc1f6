package org.qiao.curriculum.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.qiao.curriculum.config.CurriculumConfig;
import org.qiao.curriculum.domain.ImportStatus;
import org.qiao.curriculum.domain.Institution;
import org.qiao.curriculum.domain.StudentImport;
import org.qiao.curriculum.service.importing.ImportFileException;
import org.qiao.curriculum.service.importing.ImportFormat;
import org.qiao.curriculum.service.importing.SourceRow;
import org.qiao.curriculum.service.importing.StudentFileReader;
import org.qiao.kit.cluster.ClusterLocks;
import org.qiao.kit.db.AfterCompletion;
import org.qiao.kit.db.Failures;
import org.qiao.kit.http.UploadBodies;
import org.qiao.kit.ids.Digests;
import org.qiao.kit.ids.Ids;
import org.qiao.kit.metrics.DatabaseGauges;
import org.qiao.kit.problem.ProblemException;

/**
 * Cohort imports as jobs: the upload is kept in a file, one worker reads it row by row and stores
 * it in chunks. Each chunk — its valid rows with their profiles and events, its row errors and the
 * job's counts — commits as one transaction, so no row is ever half-stored and the status shows
 * progress. A job cut off by a restart is marked failed: importing the file again is safe (rows are
 * upserted by student number, unchanged ones publish nothing).
 */
@ApplicationScoped
public class ImportService {

  private static final Logger LOG = Logger.getLogger(ImportService.class);

  /** A row error as reported (CSV download and status). */
  public record ErrorLine(long row, String column, String reason) {}

  private final StudentRecords records;
  private final TransactionSynchronizationRegistry transactions;
  private final Callers callers;
  private final EntityManager em;
  private final Clock clock;
  private final CurriculumConfig.Imports config;
  private final Path directory;

  /** This instance's folder under {@link #directory}. */
  private final Path uploads;

  private final ClusterLocks locks;

  /** Instances whose lock a sweep found free, and since when (the sweeping instance's view). */
  private final Map<UUID, Instant> suspects = new ConcurrentHashMap<>();

  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "student-import-sweep");
            t.setDaemon(true);
            return t;
          });
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "student-import");
            t.setDaemon(true);
            return t;
          });

  ImportService(
      StudentRecords records,
      TransactionSynchronizationRegistry transactions,
      Callers callers,
      EntityManager em,
      Clock clock,
      CurriculumConfig config,
      ClusterLocks locks,
      DatabaseGauges gauges) {
    gauges.register(
        "qiao.imports.running",
        "student imports queued or running, on every instance",
        null,
        "select count(*) from student_import where status in ('QUEUED', 'RUNNING')");
    this.records = records;
    this.transactions = transactions;
    this.callers = callers;
    this.em = em;
    this.clock = clock;
    this.config = config.imports();
    this.directory =
        config
            .imports()
            .directory()
            .orElse(Path.of(System.getProperty("java.io.tmpdir"), "qiao-student-imports"));
    this.locks = locks;
    this.uploads = directory.resolve(locks.instanceId().toString());
  }

  void onStart(@Observes StartupEvent start) throws IOException {
    // This instance's jobs and upload files are its own while it holds its lock; another instance
    // (several run side by side) clears them only after this one stopped.
    locks.holdInstanceLock();
    // Uploads hold personal data: a folder only this service's user can read, one folder per
    // instance, and nothing left from an instance that stopped (its jobs are marked failed below).
    Files.createDirectories(uploads);
    restrictToOwner(directory);
    restrictToOwner(uploads);
    try (var entries = Files.list(directory)) {
      for (Path f : entries.toList()) {
        UUID owner = instanceOf(f);
        if (owner == null || !owner.equals(locks.instanceId()) && !locks.isRunning(owner)) {
          deleteTree(f);
        }
      }
    }
    // At start a stopped instance's jobs fail at once (most often: this service restarted).
    failJobsOf(runner -> true, true);
    sweeper.scheduleWithFixedDelay(this::sweepSafely, 30, 30, TimeUnit.SECONDS);
  }

  /**
   * Every 30 s: this instance takes its lock again if it lost it (PostgreSQL restarted), and one
   * instance fails the jobs of instances that stopped since (a scale-down, a lost node). An
   * instance counts as stopped only when its lock was free at two sweeps a minute apart, so one
   * that is still taking its lock back after a database restart keeps its jobs.
   */
  private void sweepSafely() {
    try {
      locks.holdInstanceLock();
      if (!locks.lock("import-sweep").holds()) {
        return;
      }
      Instant now = clock.instant();
      failJobsOf(
          runner -> {
            Instant since = suspects.putIfAbsent(runner, now);
            return since != null && Duration.between(since, now).toSeconds() >= 60;
          },
          false);
    } catch (RuntimeException e) {
      LOG.warnf("Sweeping stopped instances' imports failed; trying again: %s", e.toString());
    }
  }

  /**
   * Marks failed the unfinished jobs of instances that no longer run and that {@code confirm}
   * accepts; {@code legacy} also those without a runner (jobs of a release before runners).
   */
  private void failJobsOf(java.util.function.Predicate<UUID> confirm, boolean legacy) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              List<UUID> runners =
                  em.createQuery(
                          "select distinct j.runner from StudentImport j where j.status in ?1"
                              + " and j.runner is not null",
                          UUID.class)
                      .setParameter(1, List.of(ImportStatus.QUEUED, ImportStatus.RUNNING))
                      .getResultList();
              List<UUID> stopped = new ArrayList<>();
              for (UUID r : runners) {
                if (r.equals(locks.instanceId()) || locks.isRunning(r)) {
                  suspects.remove(r);
                } else if (confirm.test(r)) {
                  stopped.add(r);
                }
              }
              suspects.keySet().retainAll(runners);
              if (stopped.isEmpty() && !legacy) {
                return;
              }
              int cut =
                  em.createQuery(
                          "update StudentImport j set j.status = ?1, j.failure = ?2,"
                              + " j.finishedAt = ?3, j.version = j.version + 1"
                              + " where j.status in ?4 and (j.runner in ?5"
                              + (legacy ? " or j.runner is null)" : ")"))
                      .setParameter(1, ImportStatus.FAILED)
                      .setParameter(
                          2,
                          "the service restarted during the import; import the file again"
                              + " (rows are upserted by student number, nothing is stored twice)")
                      .setParameter(3, clock.instant())
                      .setParameter(4, List.of(ImportStatus.QUEUED, ImportStatus.RUNNING))
                      // An empty IN list is not valid SQL: a random id matches no job.
                      .setParameter(5, stopped.isEmpty() ? List.of(UUID.randomUUID()) : stopped)
                      .executeUpdate();
              if (cut > 0) {
                LOG.warnf(
                    "%d student imports were cut off by a stopped instance and marked failed", cut);
              }
            });
  }

  private static UUID instanceOf(Path entry) {
    try {
      return UUID.fromString(entry.getFileName().toString());
    } catch (IllegalArgumentException e) {
      return null; // a file from before uploads had a folder per instance
    }
  }

  private static void restrictToOwner(Path folder) throws IOException {
    try {
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException e) {
      LOG.warnf("Cannot restrict %s to its owner on this file system", folder);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  void onStop(@Observes ShutdownEvent stop) throws InterruptedException {
    sweeper.shutdownNow();
    worker.shutdownNow();
    worker.awaitTermination(10, TimeUnit.SECONDS);
  }

  /**
   * Checks that the caller may import before its upload is read: a token with an {@code org} claim
   * (403) naming a registered institution (409). The role was checked by the resource.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public String admitImporter() {
    return callers.institution().code;
  }

  /** A new file in the upload folder for one upload to be streamed into. */
  public Path newUploadFile() {
    return uploads.resolve("upload-" + UUID.randomUUID() + ".part");
  }

  /**
   * Queues a file (CSV or XLSX) of the caller's institution, received into {@link
   * #newUploadFile()}; the job reads it from there and deletes it.
   */
  @Transactional
  public StudentImport submitFile(
      ImportFormat format, Charset charset, UploadBodies.Received upload) {
    Institution i = callers.institution();
    StudentImport job =
        StudentImport.queue(
            Ids.newId(clock), i.id, format.name(), upload.sha256(), upload.size(), clock.instant());
    job.runner = locks.instanceId();
    Path file = upload.file();
    job.persist();
    afterCommit(
        job.id,
        () -> run(job.id, i, rows -> StudentFileReader.read(format, file, charset, rows), file),
        file);
    return job;
  }

  /** Queues rows sent as JSON. */
  @Transactional
  public StudentImport submitRows(List<SourceRow> rows, byte[] body) {
    Institution i = callers.institution();
    StudentImport job =
        StudentImport.queue(
            Ids.newId(clock), i.id, "JSON", Digests.sha256Hex(body), body.length, clock.instant());
    job.runner = locks.instanceId();
    job.persist();
    afterCommit(
        job.id,
        () ->
            run(
                job.id,
                i,
                sink -> {
                  rows.forEach(sink);
                  return rows.size();
                },
                null));
    return job;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public StudentImport get(UUID id) {
    StudentImport j = StudentImport.findById(id);
    if (j == null || !j.institutionId.equals(callers.institution().id)) {
      throw ProblemException.notFound("student import " + id);
    }
    return j;
  }

  /** The job's row errors in file order; {@code max} < 0 for all of them. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ErrorLine> errors(UUID id, int max) {
    get(id);
    var q =
        em.createNativeQuery(
            "select row_number, column_name, reason from import_error where import_id = ?1"
                + " order by row_number, column_name",
            Object[].class);
    q.setParameter(1, id);
    if (max >= 0) {
      q.setMaxResults(max);
    }
    List<ErrorLine> out = new ArrayList<>();
    for (Object r : q.getResultList()) {
      Object[] row = (Object[]) r;
      out.add(new ErrorLine(((Number) row[0]).longValue(), (String) row[1], (String) row[2]));
    }
    return out;
  }

  public int errorsShown() {
    return config.errorsShown();
  }

  /** The rows of a job's input, given to a sink one by one. */
  @FunctionalInterface
  interface RowSource {
    long read(java.util.function.Consumer<SourceRow> sink) throws ImportFileException, IOException;
  }

  /** How long a job waits for the database to come back, to resume or to record its end. */
  private static final Duration PATIENCE = Duration.ofMinutes(30);

  /** Resumptions of one job: a failure that keeps coming is not a passing one. */
  private static final int MAX_ATTEMPTS = 20;

  private void afterCommit(UUID jobId, Runnable job) {
    afterCommit(jobId, job, null);
  }

  /** Runs the job once the request commits; a rolled-back request deletes its upload. */
  private void afterCommit(UUID jobId, Runnable job, Path upload) {
    // The worker must see the committed job row; a rolled-back request queues nothing.
    AfterCompletion.register(
        transactions,
        committed -> {
          if (committed) {
            worker.submit(job);
            return;
          }
          LOG.debugf("Import %s rolled back; not queued", jobId);
          if (upload != null) {
            try {
              Files.deleteIfExists(upload);
            } catch (IOException e) {
              LOG.warnf("Could not delete the upload of rolled-back import %s", jobId);
            }
          }
        });
  }

  /**
   * Runs the job. A failure that passes (PostgreSQL restarting, a connection cut) does not end it:
   * once the database answers again the job resumes after the last stored chunk, since each chunk
   * is stored with the job's count of rows read in one transaction, so no row is stored twice or
   * skipped. Only a failure that would repeat (or one that keeps coming) fails the job.
   */
  private void run(UUID jobId, Institution institution, RowSource source, Path file) {
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          long stored = begin(jobId);
          Chunker chunker = new Chunker(jobId, institution, stored);
          source.read(chunker::accept);
          chunker.flush();
          finish(jobId, ImportStatus.SUCCEEDED, null);
          return;
        } catch (ImportFileException e) {
          finish(jobId, ImportStatus.FAILED, e.getMessage());
          return;
        } catch (Exception e) {
          boolean passing = Failures.classify(e) == Failures.Kind.TRANSIENT;
          if (passing
              && attempt < MAX_ATTEMPTS
              && untilStored("resume import " + jobId, () -> begin(jobId))) {
            // The class only: a database error's detail may quote a row's values (personal data).
            LOG.warnf(
                "Student import %s interrupted (%s); resuming after its last stored chunk",
                jobId, e.getClass().getSimpleName());
            continue;
          }
          LOG.errorf("Student import %s failed: %s", jobId, e.getClass().getName());
          finish(jobId, ImportStatus.FAILED, "the import stopped: " + e.getClass().getSimpleName());
          return;
        }
      }
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          LOG.warnf("Could not delete the upload %s", file);
        }
      }
    }
  }

  /** Marks the job running (again); the number of its rows already stored. */
  private long begin(UUID jobId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              StudentImport j = StudentImport.findById(jobId);
              j.status = ImportStatus.RUNNING;
              if (j.startedAt == null) {
                j.startedAt = clock.instant();
              }
              return j.rowsRead;
            });
  }

  /**
   * Records how the job ended. The database may be what stopped the job (PostgreSQL restarting):
   * the outcome is retried until it is stored, so no job is left RUNNING for ever while the service
   * lives (a service restart fails RUNNING jobs itself).
   */
  private void finish(UUID jobId, ImportStatus status, String failure) {
    if (!untilStored(
        "record import " + jobId + " " + status, () -> store(jobId, status, failure))) {
      LOG.errorf("Student import %s ended %s but could not be recorded", jobId, status);
    }
  }

  /**
   * Retries a database write with backoff while the database is away, for {@link #PATIENCE} at
   * most; false if it never took it. The one worker waits meanwhile, as every other job would fail
   * the same way.
   */
  private static boolean untilStored(String what, Runnable write) {
    long backoffMillis = 250;
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      try {
        write.run();
        return true;
      } catch (RuntimeException e) {
        if (System.nanoTime() > deadline) {
          return false;
        }
        LOG.warnf("Could not %s (%s), retrying", what, e.getClass().getSimpleName());
        try {
          Thread.sleep(backoffMillis);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return false;
        }
        backoffMillis = Math.min(backoffMillis * 2, 5_000);
      }
    }
  }

  private void store(UUID jobId, ImportStatus status, String failure) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              StudentImport j = StudentImport.findById(jobId);
              j.status = status;
              j.failure =
                  failure == null ? null : failure.substring(0, Math.min(1000, failure.length()));
              j.finishedAt = clock.instant();
            });
  }

  /** Gathers rows into chunks and stores each chunk in one transaction. */
  private final class Chunker {
    private final UUID jobId;
    private final Institution institution;
    private final CourseSkills courseSkills;
    private final Map<String, Long> firstRowOfNumber = new HashMap<>();
    private final List<SourceRow> pending = new ArrayList<>();

    /** Rows an earlier attempt stored: read again only to know their student numbers. */
    private long alreadyStored;

    Chunker(UUID jobId, Institution institution, long alreadyStored) {
      this.jobId = jobId;
      this.institution = institution;
      this.courseSkills = new CourseSkills(institution.id);
      this.alreadyStored = alreadyStored;
    }

    void accept(SourceRow row) {
      if (alreadyStored > 0) {
        alreadyStored--;
        RowValidator.Checked c = RowValidator.check(row);
        if (c.statement() != null) {
          firstRowOfNumber.putIfAbsent(c.statement().person().studentNumber(), row.rowNumber());
        }
        return;
      }
      pending.add(row);
      if (pending.size() >= config.chunkSize()) {
        flush();
      }
    }

    void flush() {
      if (pending.isEmpty()) {
        return;
      }
      List<StudentRecords.Statement> statements = new ArrayList<>();
      List<StudentRecords.RowError> errors = new ArrayList<>();
      for (SourceRow row : pending) {
        RowValidator.Checked c = RowValidator.check(row);
        if (c.statement() == null) {
          errors.addAll(c.errors());
          continue;
        }
        String number = c.statement().person().studentNumber();
        Long first = firstRowOfNumber.putIfAbsent(number, row.rowNumber());
        if (first != null) {
          errors.add(
              new StudentRecords.RowError(
                  row.rowNumber(), "studentNumber", "repeats the student number of row " + first));
          continue;
        }
        statements.add(c.statement());
      }
      long read = pending.size();
      pending.clear();
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                StudentRecords.Result r = records.store(institution, statements, courseSkills);
                List<StudentRecords.RowError> all = new ArrayList<>(errors);
                all.addAll(r.errors());
                insertErrors(all);
                StudentImport j = StudentImport.findById(jobId);
                j.rowsRead += read;
                j.rowsInvalid += all.stream().map(StudentRecords.RowError::row).distinct().count();
                for (StudentRecords.Outcome o : r.outcomes().values()) {
                  switch (o) {
                    case CREATED -> j.rowsCreated++;
                    case UPDATED -> j.rowsUpdated++;
                    case UNCHANGED -> j.rowsUnchanged++;
                  }
                }
                j.profilesPublished += r.published();
                j.profilesForgotten += r.forgotten();
              });
    }

    private void insertErrors(List<StudentRecords.RowError> errors) {
      Map<String, StudentRecords.RowError> distinct = new java.util.LinkedHashMap<>();
      errors.forEach(e -> distinct.putIfAbsent(e.row() + "/" + e.field(), e));
      List<StudentRecords.RowError> list = new ArrayList<>(distinct.values());
      for (int from = 0; from < list.size(); from += 500) {
        List<StudentRecords.RowError> part = list.subList(from, Math.min(list.size(), from + 500));
        StringBuilder sql =
            new StringBuilder(
                "insert into import_error (import_id, row_number, column_name, reason) values ");
        for (int k = 0; k < part.size(); k++) {
          sql.append(k == 0 ? "" : ",").append("(?, ?, ?, ?)");
        }
        var q = em.createNativeQuery(sql.toString());
        int p = 1;
        for (StudentRecords.RowError e : part) {
          q.setParameter(p++, jobId);
          q.setParameter(p++, e.row());
          q.setParameter(p++, e.field());
          q.setParameter(p++, e.reason().substring(0, Math.min(500, e.reason().length())));
        }
        q.executeUpdate();
      }
    }
  }
}
