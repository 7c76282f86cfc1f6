package org.qiao.curriculum.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A bulk import of a cohort, run as a job: its progress and counts. Rows are stored in chunks, each
 * row with its profile and events or not at all; invalid rows are reported in {@code import_error}.
 */
@Entity
@Table(name = "student_import")
public class StudentImport extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "institution_id", nullable = false)
  public UUID institutionId;

  @Column(nullable = false)
  public String format;

  @Column(name = "file_sha256", nullable = false)
  public String fileSha256;

  @Column(name = "file_bytes", nullable = false)
  public long fileBytes;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ImportStatus status;

  /**
   * The service instance that runs the job: when it stops, its unfinished jobs are marked failed by
   * the next instance to start, never while it runs.
   */
  public UUID runner;

  @Column(name = "rows_read", nullable = false)
  public long rowsRead;

  @Column(name = "rows_created", nullable = false)
  public long rowsCreated;

  @Column(name = "rows_updated", nullable = false)
  public long rowsUpdated;

  @Column(name = "rows_unchanged", nullable = false)
  public long rowsUnchanged;

  @Column(name = "rows_invalid", nullable = false)
  public long rowsInvalid;

  @Column(name = "profiles_published", nullable = false)
  public long profilesPublished;

  @Column(name = "profiles_forgotten", nullable = false)
  public long profilesForgotten;

  /** Why the whole file was refused or the job stopped. */
  public String failure;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "finished_at")
  public Instant finishedAt;

  @Version public long version;

  protected StudentImport() {}

  public static StudentImport queue(
      UUID id, UUID institutionId, String format, String sha256, long bytes, Instant now) {
    StudentImport j = new StudentImport();
    j.id = id;
    j.institutionId = institutionId;
    j.format = format;
    j.fileSha256 = sha256;
    j.fileBytes = bytes;
    j.status = ImportStatus.QUEUED;
    j.createdAt = now;
    return j;
  }

  public long rowsStored() {
    return rowsCreated + rowsUpdated + rowsUnchanged;
  }

  public boolean isFinished() {
    return status == ImportStatus.SUCCEEDED || status == ImportStatus.FAILED;
  }
}
