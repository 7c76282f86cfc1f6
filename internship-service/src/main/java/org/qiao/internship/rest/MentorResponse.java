package org.qiao.internship.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qiao.internship.domain.Mentor;
import org.qiao.internship.domain.Side;

@Schema(name = "Mentor")
public record MentorResponse(
    UUID id,
    String orgCode,
    Side side,
    String name,
    String title,
    List<String> skills,
    int capacity,
    @Schema(description = "Internships proposed, confirmed or active with this mentor")
        int assigned,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  static MentorResponse of(Mentor m) {
    return new MentorResponse(
        m.id,
        m.orgCode,
        m.side,
        m.name,
        m.title,
        m.skills,
        m.capacity,
        m.assigned,
        m.createdAt,
        m.updatedAt,
        m.version);
  }
}
