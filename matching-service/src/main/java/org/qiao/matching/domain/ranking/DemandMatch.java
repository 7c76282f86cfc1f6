package org.qiao.matching.domain.ranking;

import java.util.UUID;

/** One ranked open demand for a student: points out of that demand's maximum, and why. */
public record DemandMatch(UUID demandId, int points, int maxPoints, Explanation explanation) {}
