package org.qiao.internship.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.qiao.kit.http.Params;

/**
 * The months of a statistics report ({@code from}, {@code to}) and the snapshot to read them in.
 */
public class SnapshotPeriodParams extends PeriodParams {

  @Parameter(
      description = "The snapshot's day (China time), one per closed day; default: the latest",
      example = "2027-08-01")
  @QueryParam("date")
  @Size(max = 10)
  @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date like 2027-08-01")
  String date;

  /** The snapshot's day, or null for the latest. */
  LocalDate snapshotDay() {
    return Params.date(date, "date");
  }
}
