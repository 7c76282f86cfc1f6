package org.qiao.talentdemand.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qiao.kit.security.Roles;
import org.qiao.talentdemand.domain.Degree;
import org.qiao.talentdemand.domain.DemandTemplate;
import org.qiao.talentdemand.service.TemplateService;

@Path("/api/v1/demand-templates")
@Tag(
    name = "Demand templates",
    description = "Typical skills and majors per occupation, for small firms")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DemandTemplateResource {

  private final TemplateService templates;

  DemandTemplateResource(TemplateService templates) {
    this.templates = templates;
  }

  @Schema(name = "DemandTemplate", description = "A starting point for a demand of an occupation")
  public record TemplateResponse(
      String occupationCode,
      String occupationName,
      String industry,
      List<SkillDto> essentialSkills,
      List<SkillDto> optionalSkills,
      List<String> majorCodes,
      Degree minimumDegree) {

    static TemplateResponse of(DemandTemplate t) {
      List<SkillDto> skills = SkillDto.of(t.skills);
      return new TemplateResponse(
          t.occupationCode,
          t.occupationName,
          t.industry,
          skills.stream().filter(SkillDto::essential).toList(),
          skills.stream().filter(s -> !s.essential()).toList(),
          t.majorCodes,
          t.minimumDegree);
    }
  }

  @Schema(name = "DemandTemplateRequest")
  public record TemplateRequest(
      @NotBlank @Size(max = 100) String occupationName,
      @Size(max = 50) String industry,
      @NotNull @Size(max = 50) List<@Valid @NotNull SkillDto> skills,
      @Schema(example = "[\"080704\"]") @Size(max = 50)
          List<@NotNull @Size(max = 7) @Pattern(regexp = "\\d{6}[TK]?") String> majorCodes,
      Degree minimumDegree) {}

  @GET
  @Authenticated
  @Operation(
      operationId = "listDemandTemplates",
      summary = "All demand templates",
      description =
          "Templates pre-fill a demand for an occupation: the skills, majors and degree an SME usually asks for.")
  public List<TemplateResponse> all() {
    return templates.all().stream().map(TemplateResponse::of).toList();
  }

  @GET
  @Path("/{occupationCode}")
  @Authenticated
  @Operation(
      operationId = "getDemandTemplate",
      summary = "The template for an occupation (职业分类大典 code)",
      description = "404 when no template exists for the occupation code.")
  public TemplateResponse get(
      @PathParam("occupationCode")
          @Parameter(example = "2-02-10-09")
          @Pattern(regexp = "[1-8]-\\d{2}-\\d{2}-\\d{2}", message = "must look like 2-02-10-03")
          @Size(max = 10)
          String occupationCode) {
    return TemplateResponse.of(templates.get(occupationCode));
  }

  @PUT
  @Path("/{occupationCode}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      operationId = "putDemandTemplate",
      summary = "Create or replace a template (admin)",
      description =
          "Role admin. Replaces the whole template of the occupation; the path's code is the template's key.")
  public TemplateResponse put(
      @PathParam("occupationCode")
          @Parameter(example = "2-02-10-09")
          @Pattern(regexp = "[1-8]-\\d{2}-\\d{2}-\\d{2}", message = "must look like 2-02-10-03")
          @Size(max = 10)
          String occupationCode,
      @Valid @NotNull TemplateRequest body) {
    return TemplateResponse.of(
        templates.upsert(
            new TemplateService.TemplateData(
                occupationCode,
                body.occupationName(),
                body.industry(),
                SkillDto.toDomain(body.skills()),
                body.majorCodes(),
                body.minimumDegree())));
  }
}
