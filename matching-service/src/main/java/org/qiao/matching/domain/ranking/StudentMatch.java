package org.qiao.matching.domain.ranking;

/** One ranked student for a demand: points out of the demand's maximum, and why. */
public record StudentMatch(String studentId, int points, Explanation explanation) {}
