package org.qiao.matching.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qiao.kit.http.Params;
import org.qiao.kit.security.Roles;
import org.qiao.matching.domain.SkillVocabulary;
import org.qiao.matching.domain.UnknownSkill;
import org.qiao.matching.service.Skills;

@Path("/api/v1/skills")
@Tag(name = "Skills", description = "The skills vocabulary: autocompletion and unknown names")
@Produces(MediaType.APPLICATION_JSON)
public class SkillResource {

  private final Skills skills;

  SkillResource(Skills skills) {
    this.skills = skills;
  }

  @Schema(name = "SkillSuggestion")
  public record SuggestionResponse(
      @Schema(example = "SW-JAVA") String code,
      @Schema(example = "Java开发") String zh,
      @Schema(example = "Java") String en,
      @Schema(description = "The label or alias the query matched", example = "Java")
          String matched,
      List<String> industries) {

    static SuggestionResponse of(SkillVocabulary.Suggestion s) {
      return new SuggestionResponse(
          s.skill().code(), s.skill().zh(), s.skill().en(), s.matched(), s.skill().industries());
    }
  }

  @Schema(name = "UnknownSkill")
  public record UnknownResponse(
      String text, long occurrences, Instant firstSeenAt, Instant lastSeenAt) {
    static UnknownResponse of(UnknownSkill u) {
      return new UnknownResponse(u.text, u.occurrences, u.firstSeenAt, u.lastSeenAt);
    }
  }

  @GET
  @Authenticated
  @Operation(
      operationId = "suggestSkills",
      summary = "Autocomplete a skill",
      description =
          "Skills whose Chinese or English label or an alias starts with (first) or contains the"
              + " query, compared without case, width or punctuation (\"ｊａｖａ\" finds Java).")
  public List<SuggestionResponse> suggest(
      @Parameter(required = true, example = "jav") @QueryParam("q") @NotBlank @Size(max = 100)
          String q,
      @Parameter(
              description = "At most this many (1–50, default 10)",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "50"))
          @QueryParam("limit")
          @Size(max = 3)
          String limit) {
    Integer n = Params.intValue(limit, "limit", 1, 50);
    return skills.suggest(q, n == null ? 10 : n).stream().map(SuggestionResponse::of).toList();
  }

  @GET
  @Path("/unknown")
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      operationId = "listUnknownSkills",
      summary = "Skill names the vocabulary does not know",
      description =
          "Names that arrived in events and match no skill (kept as free text, matched by exact"
              + " text), most frequent first: candidates for new skills or aliases.")
  public List<UnknownResponse> unknown(
      @Parameter(
              description = "At most this many (1–100, default 50)",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
          @QueryParam("limit")
          @Size(max = 3)
          String limit) {
    Integer n = Params.intValue(limit, "limit", 1, 100);
    return skills.mostFrequentUnknown(n == null ? 50 : n).stream()
        .map(UnknownResponse::of)
        .toList();
  }
}
