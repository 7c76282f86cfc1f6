package org.qiao.curriculum.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.qiao.curriculum.domain.Consent;
import org.qiao.curriculum.domain.Degree;
import org.qiao.curriculum.domain.PersonalData;
import org.qiao.curriculum.domain.StudentProfile;
import org.qiao.curriculum.service.importing.ImportColumn;
import org.qiao.curriculum.service.importing.SourceRow;
import org.qiao.kit.guard.SafeText;
import org.qiao.kit.problem.ProblemException;
import org.qiao.kit.time.ChinaTime;

/**
 * Turns one row of a registrar's file into a statement about a student, or into the reasons it is
 * not one, each naming its column. Reasons never repeat a cell's value: the report must not become
 * a copy of personal data.
 */
final class RowValidator {

  /** List cells: separated by ; ， 、 | or a comma, as registrars type them. */
  private static final Pattern LIST_SEPARATOR = Pattern.compile("[;；、|,，]");

  private static final Set<String> YES = Set.of("是", "同意", "yes", "y", "true", "1");
  private static final Set<String> NO = Set.of("否", "不同意", "no", "n", "false", "0");

  private RowValidator() {}

  /** A valid statement, or the row's errors. */
  record Checked(StudentRecords.Statement statement, List<StudentRecords.RowError> errors) {}

  static Checked check(SourceRow row) {
    List<StudentRecords.RowError> errors = new ArrayList<>();
    for (ImportColumn c : ImportColumn.values()) {
      String unsafe = SafeText.problem(row.get(c));
      if (unsafe != null) {
        errors.add(error(row, c.header(), unsafe));
      }
    }
    if (!errors.isEmpty()) {
      return new Checked(null, errors);
    }
    PersonalData person = null;
    try {
      person =
          new PersonalData(
              row.get(ImportColumn.NAME),
              row.get(ImportColumn.STUDENT_NUMBER),
              row.get(ImportColumn.PHONE),
              row.get(ImportColumn.EMAIL));
    } catch (ProblemException e) {
      errors.add(error(row, e));
    }
    StudentProfile profile = null;
    try {
      String degreeText = row.get(ImportColumn.DEGREE);
      Degree degree = Degree.parse(degreeText);
      if (degreeText != null && degree == null) {
        throw ProblemException.invalidField(
            "degree",
            "must be 中专, 专科, 本科, 硕士, 博士 or VOCATIONAL, ASSOCIATE, BACHELOR, MASTER, DOCTOR");
      }
      Integer graduation = year(row, ImportColumn.GRADUATION_YEAR);
      if (graduation == null) {
        throw ProblemException.invalidField("graduationYear", "is required");
      }
      profile =
          new StudentProfile(
              row.get(ImportColumn.MAJOR_CODE),
              degree,
              graduation,
              year(row, ImportColumn.COHORT_YEAR),
              list(row, ImportColumn.DECLARED_SKILLS),
              list(row, ImportColumn.PASSED_COURSES),
              list(row, ImportColumn.PREFERRED_CITIES));
    } catch (ProblemException e) {
      errors.add(error(row, e));
    }
    Consent consent = null;
    try {
      consent = consent(row);
    } catch (ProblemException e) {
      errors.add(error(row, e));
    }
    if (!errors.isEmpty()) {
      return new Checked(null, errors);
    }
    return new Checked(
        new StudentRecords.Statement(row.rowNumber(), person, profile, consent), List.of());
  }

  private static Consent consent(SourceRow row) {
    String given = row.get(ImportColumn.CONSENT);
    if (given == null) {
      return null;
    }
    String g = given.strip().toLowerCase(Locale.ROOT);
    if (NO.contains(g)) {
      return new Consent(false, null, null);
    }
    if (!YES.contains(g)) {
      throw ProblemException.invalidField("consent", "must be 是/否 (yes/no)");
    }
    return new Consent(true, row.get(ImportColumn.CONSENT_TEXT_VERSION), instant(row));
  }

  private static Instant instant(SourceRow row) {
    String at = row.get(ImportColumn.CONSENT_AT);
    if (at == null) {
      return null;
    }
    try {
      if (at.length() == 10) {
        return LocalDate.parse(at).atStartOfDay(ChinaTime.ZONE).toInstant();
      }
      if (at.endsWith("Z") || at.matches(".*[+-]\\d{2}:\\d{2}$")) {
        return OffsetDateTime.parse(at).toInstant();
      }
      return LocalDateTime.parse(at.replace(' ', 'T')).atZone(ChinaTime.ZONE).toInstant();
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField(
          "consentAt", "must be a date (2026-06-30) or date and time (2026-06-30T10:00:00)");
    }
  }

  private static Integer year(SourceRow row, ImportColumn column) {
    String v = row.get(column);
    if (v == null) {
      return null;
    }
    if (!v.matches("\\d{4}")) {
      throw ProblemException.invalidField(column.header(), "must be a four-digit year");
    }
    return Integer.parseInt(v);
  }

  private static List<String> list(SourceRow row, ImportColumn column) {
    String v = row.get(column);
    if (v == null) {
      return List.of();
    }
    return Arrays.stream(LIST_SEPARATOR.split(v))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static StudentRecords.RowError error(SourceRow row, ProblemException e) {
    String field = e.errors().isEmpty() ? "row" : e.errors().get(0).field();
    String reason = e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message();
    return error(row, field, reason);
  }

  private static StudentRecords.RowError error(SourceRow row, String column, String reason) {
    return new StudentRecords.RowError(row.rowNumber(), column, reason);
  }
}
