package org.qiao.portal.session;

import java.util.Arrays;
import java.util.Optional;

/**
 * Who uses the portal: the platform's roles that have pages here (mentors and admins do not yet).
 */
public enum Persona {
  ENTERPRISE("enterprise", "/enterprise"),
  UNIVERSITY("university", "/university"),
  STUDENT("student", "/student"),
  GOVERNMENT("government", "/government");

  private final String role;
  private final String home;

  Persona(String role, String home) {
    this.role = role;
    this.home = home;
  }

  /** The role claim the services check ({@code groups}). */
  public String role() {
    return role;
  }

  /** The key of the persona's name in the portal's texts. */
  public String labelKey() {
    return "persona_" + name();
  }

  /** The persona's main page. */
  public String home() {
    return home;
  }

  public static Optional<Persona> ofRole(String role) {
    return Arrays.stream(values()).filter(p -> p.role.equals(role)).findFirst();
  }
}
