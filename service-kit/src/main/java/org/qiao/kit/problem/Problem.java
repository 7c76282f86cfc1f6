package org.qiao.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}). Documented in every
 * service's OpenAPI contract by {@link org.qiao.kit.openapi.ContractFilter}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One invalid field: its path in the request (e.g. {@code skills[0].level}) and why. */
  public record FieldError(String field, String message) {}
}
