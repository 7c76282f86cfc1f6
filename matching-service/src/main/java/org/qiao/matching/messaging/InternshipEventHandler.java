package org.qiao.matching.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;
import org.qiao.kit.inbox.EventHandler;
import org.qiao.matching.service.StudentProfiles;

/** Learns mentor-verified skills from completed internships. */
@ApplicationScoped
public class InternshipEventHandler implements EventHandler {

  static final String COMPLETED = "qiao.internship.completed.v1";

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Completed(
      UUID internshipId, String studentId, List<Verified> verifiedSkills, Instant updatedAt) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Verified(String skill, int institutionMentorRating, int enterpriseMentorRating) {}

  private final StudentProfiles profiles;

  InternshipEventHandler(StudentProfiles profiles) {
    this.profiles = profiles;
  }

  @Override
  public Set<String> types() {
    return Set.of(COMPLETED);
  }

  @Override
  public void handle(CloudEvent event) {
    Completed c = EventCodec.dataAs(event, Completed.class);
    profiles.verified(
        c.studentId(),
        c.internshipId(),
        c.verifiedSkills() == null
            ? List.of()
            : c.verifiedSkills().stream()
                .map(
                    v ->
                        new StudentProfiles.Verification(
                            v.skill(), v.institutionMentorRating(), v.enterpriseMentorRating()))
                .toList(),
        c.updatedAt());
  }
}
