package org.qiao.internship.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One mentor's evaluation at the end of an internship: a rating for every planned skill. */
public record Evaluation(UUID mentorId, Side side, List<Rating> ratings, Instant at) {}
