package org.qiao.internship.domain;

/** A planned skill both mentors rated at least {@link #THRESHOLD}: mentor-verified. */
public record VerifiedSkill(String skill, int institutionMentorRating, int enterpriseMentorRating) {
  public static final int THRESHOLD = 3;
}
