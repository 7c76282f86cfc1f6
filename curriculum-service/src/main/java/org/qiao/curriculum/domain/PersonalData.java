package org.qiao.curriculum.domain;

import java.util.regex.Pattern;
import org.qiao.kit.problem.Rules;

/**
 * What identifies a student as a person. It never leaves this service: not in an event, not in a
 * response to any organisation but the student's own institution and the student.
 */
public record PersonalData(String name, String studentNumber, String phone, String email) {

  private static final Pattern STUDENT_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,32}");
  // Mainland mobile numbers, optionally +86; landlines with area code.
  private static final Pattern PHONE = Pattern.compile("(\\+86)?1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

  public PersonalData {
    name = Rules.required("name", name);
    if (name.length() > 100) {
      throw Rules.invalid("name", "must be at most 100 characters");
    }
    studentNumber = Rules.required("studentNumber", studentNumber);
    if (!STUDENT_NUMBER.matcher(studentNumber).matches()) {
      throw Rules.invalid("studentNumber", "must be 1-32 letters, digits or hyphens");
    }
    // One student, one number: b123 and B123 are the same record (and the same pseudonym).
    studentNumber = studentNumber.toUpperCase(java.util.Locale.ROOT);
    phone = Rules.optional(phone);
    if (phone != null && !PHONE.matcher(phone).matches()) {
      throw Rules.invalid("phone", "must be a mainland mobile (13800138000) or landline number");
    }
    email = Rules.optional(email);
    if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
      throw Rules.invalid("email", "must be an e-mail address");
    }
  }
}
