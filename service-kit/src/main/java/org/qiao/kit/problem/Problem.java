package org.qiao.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details body ({@code application/problem+json}). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
    @Schema(description = "Identifies the kind of problem", example = "urn:qiao:problem:validation")
        String type,
    @Schema(description = "Short summary of the kind of problem", example = "Invalid request")
        String title,
    @Schema(example = "400") int status,
    @Schema(description = "What went wrong in this request") String detail,
    @Schema(description = "The request path") String instance,
    @Schema(description = "One entry per invalid field") List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One invalid field: its path in the request (e.g. {@code skills[0].level}) and why. */
  @Schema(name = "FieldError")
  public record FieldError(
      @Schema(example = "headcount") String field,
      @Schema(example = "must be greater than or equal to 1") String message) {}
}
