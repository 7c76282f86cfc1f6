package org.qiao.internship.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.qiao.internship.domain.Period;
import org.qiao.kit.http.Params;

/** The {@code from} and {@code to} days of a report, both included. */
public class PeriodParams {

  @Parameter(required = true, description = "First day, included", example = "2027-07-01")
  @QueryParam("from")
  @Size(max = 10)
  @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date like 2027-07-01")
  String from;

  @Parameter(required = true, description = "Last day, included", example = "2027-09-30")
  @QueryParam("to")
  @Size(max = 10)
  @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date like 2027-09-30")
  String to;

  Period period() {
    return new Period(Params.date(from, "from"), Params.date(to, "to"));
  }
}
