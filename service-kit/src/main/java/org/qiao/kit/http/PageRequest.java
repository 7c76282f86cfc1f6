package org.qiao.kit.http;

import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The paging parameters of every list endpoint ({@code @BeanParam PageRequest page}). */
public class PageRequest {

  @QueryParam("cursor")
  @Parameter(
      description = "From the previous page's Link header",
      schema = @Schema(type = SchemaType.STRING, maxLength = 36))
  String cursor;

  @QueryParam("limit")
  @Parameter(
      description = "Page size, 1-100",
      schema =
          @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
  String limit;

  /** Where the page starts, or null for the first page; 400 when it is not a cursor we issued. */
  public UUID cursor() {
    return Page.cursor(cursor);
  }

  /** The page size; 400 naming {@code limit} when out of range. */
  public int limit() {
    return Params.limit(limit);
  }
}
