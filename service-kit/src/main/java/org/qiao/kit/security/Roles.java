package org.qiao.kit.security;

/** The platform's roles, as they appear in the JWT {@code groups} claim. */
public final class Roles {
  public static final String ENTERPRISE = "enterprise";
  public static final String UNIVERSITY = "university";
  public static final String STUDENT = "student";
  public static final String MENTOR = "mentor";
  public static final String GOVERNMENT = "government";
  public static final String ADMIN = "admin";

  private Roles() {}
}
