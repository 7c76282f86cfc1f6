package org.qiao.internship.domain;

import java.time.Instant;
import java.util.UUID;

/** A mentor's comment on a weekly log. */
public record LogComment(UUID mentorId, Side side, String text, Instant at) {}
