package org.qiao.curriculum.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qiao.curriculum.support.Bodies.newStudentNumber;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.qiao.curriculum.support.Api;
import org.qiao.curriculum.support.CohortFiles;
import org.qiao.kit.testing.TestCaller;

/**
 * An import whose database connection is cut (as a PostgreSQL restart cuts it) resumes after its
 * last stored chunk instead of failing: every row stored once, none skipped, and a student number
 * repeated after the cut still recognised as a repeat. Before, the job ended FAILED ("the import
 * stopped: …") and the university had to send the file again.
 */
@QuarkusTest
class StudentImportResumeTest {

  private static final int ROWS = 4_000;

  @Test
  void anImportCutFromTheDatabaseResumesWhereItStopped() throws Exception {
    TestCaller u = Api.university();
    List<String> numbers = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < ROWS - 1; i++) {
      String n = newStudentNumber();
      numbers.add(n);
      rows.add(List.of("学生" + i, n, "080710T", "本科", "2030"));
    }
    // The last row repeats the first one's number, which a resumed job read before the cut.
    rows.add(List.of("重复", numbers.get(0), "080710T", "本科", "2030"));
    byte[] file =
        CohortFiles.csv(
            List.of("姓名", "学号", "专业代码", "学历", "毕业年份"), rows, StandardCharsets.UTF_8, false);

    String job = StudentImportTest.submit(u, "text/csv", file);
    int cuts = cutWhileRunning(UUID.fromString(job));

    JsonPath status = StudentImportTest.awaitFinished(u, job);
    assertTrue(cuts > 0, "the import finished before a connection of it could be cut");
    assertEquals("SUCCEEDED", status.getString("status"), status.prettify());
    assertEquals(ROWS, status.getLong("rowsRead"), status.prettify());
    assertEquals(ROWS - 1, status.getLong("rowsCreated"), status.prettify());
    assertEquals(0, status.getLong("rowsUpdated"), status.prettify());
    assertEquals(1, status.getLong("rowsInvalid"), status.prettify());
    try (Connection c = connect()) {
      assertEquals(
          ROWS - 1,
          count(
              c,
              "select count(*) from student where student_number = any(?)",
              numbers.toArray(String[]::new)));
      assertEquals(1, count(c, "select count(*) from import_error where import_id = ?::uuid", job));
    }
  }

  /**
   * While the job runs, terminates the server processes serving its chunks (what a PostgreSQL
   * restart does to every connection), a few times; how many were cut.
   */
  private static int cutWhileRunning(UUID job) throws Exception {
    int cuts = 0;
    long lastCutAt = -1;
    try (Connection c = connect()) {
      for (int polls = 0; polls < 600 && cuts < 3; polls++) {
        long read = rowsReadWhileRunning(c, job);
        if (read == -2) {
          break; // finished
        }
        if (read > 0 && read != lastCutAt) {
          try (PreparedStatement s =
              c.prepareStatement(
                  "select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity"
                      + " where datname = current_database() and pid <> pg_backend_pid()"
                      + " and state <> 'idle' and query ilike '%student%'")) {
            try (ResultSet r = s.executeQuery()) {
              r.next();
              if (r.getInt(1) > 0) {
                cuts++;
                lastCutAt = read;
              }
            }
          }
        }
        Thread.sleep(20);
      }
    }
    return cuts;
  }

  /** The job's rows read while it runs, -1 before, -2 once it has ended. */
  private static long rowsReadWhileRunning(Connection c, UUID job) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("select status, rows_read from student_import where id = ?")) {
      s.setObject(1, job);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return switch (r.getString(1)) {
          case "RUNNING" -> r.getLong(2);
          case "QUEUED" -> -1;
          default -> -2;
        };
      }
    }
  }

  private static long count(Connection c, String sql, Object value) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      if (value instanceof String[] array) {
        s.setArray(1, c.createArrayOf("varchar", array));
      } else {
        s.setObject(1, value);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private static Connection connect() throws SQLException {
    var config = ConfigProvider.getConfig();
    return DriverManager.getConnection(
        config.getValue("quarkus.datasource.jdbc.url", String.class),
        config.getOptionalValue("quarkus.datasource.username", String.class).orElse(""),
        config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
  }
}
