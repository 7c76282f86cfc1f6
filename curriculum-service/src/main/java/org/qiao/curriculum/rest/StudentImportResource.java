package org.qiao.curriculum.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qiao.curriculum.domain.StudentImport;
import org.qiao.curriculum.service.ImportService;
import org.qiao.curriculum.service.importing.ImportFormat;
import org.qiao.curriculum.service.importing.SourceRow;
import org.qiao.kit.csv.CsvTable;
import org.qiao.kit.http.Idempotency;
import org.qiao.kit.http.UploadBodies;
import org.qiao.kit.http.UploadSlots;
import org.qiao.kit.http.Versions;
import org.qiao.kit.ids.Digests;
import org.qiao.kit.problem.Problem;
import org.qiao.kit.problem.ProblemException;
import org.qiao.kit.security.Roles;

@Path("/api/v1/student-imports")
@Tag(name = "Student imports", description = "Bulk import of a cohort as an asynchronous job")
@Produces(MediaType.APPLICATION_JSON)
public class StudentImportResource {

  static final String CSV = "text/csv";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final ImportService imports;
  private final Idempotency idempotency;
  private final ObjectMapper json;
  private final Validator validator;
  private final ImportUploads uploads;
  private final CurrentVertxRequest current;

  StudentImportResource(
      ImportService imports,
      Idempotency idempotency,
      ObjectMapper json,
      Validator validator,
      ImportUploads uploads,
      CurrentVertxRequest current) {
    this.imports = imports;
    this.idempotency = idempotency;
    this.json = json;
    this.validator = validator;
    this.uploads = uploads;
    this.current = current;
  }

  @POST
  @RolesAllowed(Roles.UNIVERSITY)
  @AdmitsUpload
  @Consumes({CSV, XLSX, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "importStudents",
      summary = "Import a cohort",
      description =
          "CSV (UTF-8 with or without BOM, or GB18030 as Excel on Chinese Windows writes it; a"
              + " charset parameter is respected), XLSX (first sheet) or JSON rows. Headers in"
              + " English or Chinese (姓名, 学号, 手机号, 邮箱, 专业代码, 学历, 毕业年份, 入学年份, 技能,"
              + " 已修课程, 意向城市, 同意匹配, 同意书版本, 同意时间). Answers 202 at once; the job"
              + " validates every row, upserts valid ones by student number in chunks (each row"
              + " with its profile event, only when a consented profile changed, or not at all)"
              + " and reports invalid ones by row, column and reason. The caller is checked before"
              + " the body is read (send `Expect: 100-continue` and a refused upload is never"
              + " sent); a file is streamed to disk, up to 128 MiB (JSON rows up to 8 MiB). Each"
              + " organisation may send 2 uploads at once and the service receives 4 (both"
              + " configurable): beyond them 429 or 503 with Retry-After.")
  @RequestBody(
      required = true,
      content = {
        @Content(
            mediaType = CSV,
            schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 134217728)),
        @Content(
            mediaType = XLSX,
            schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 134217728)),
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ImportRowsRequest.class))
      })
  @APIResponse(
      responseCode = "202",
      description = "Queued; Location names the job to poll",
      content = @Content(schema = @Schema(implementation = StudentImportResponse.class)))
  @APIResponse(
      responseCode = "408",
      description = "The upload took longer than the service waits for one (10 minutes)",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  @APIResponse(
      responseCode = "409",
      description = "The caller's institution is not registered (POST /institutions first)",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  @APIResponse(
      responseCode = "413",
      description = "The file is larger than 128 MiB, or the JSON rows larger than 8 MiB",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  @APIResponse(
      responseCode = "429",
      description =
          "Too many requests from this caller, or the organisation already sends as many"
              + " uploads at once as it may: retry after Retry-After",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  @APIResponse(
      responseCode = "503",
      description =
          "The service receives as many uploads at once as it can: retry after Retry-After",
      headers =
          @Header(
              name = HttpHeaders.RETRY_AFTER,
              description = "Seconds to wait before retrying",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      format = "int32",
                      minimum = "0",
                      maximum = "2147483647")),
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  public Response submit(
      @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      InputStream body,
      UriInfo uri)
      throws IOException {
    RoutingContext rc = current.getCurrent();
    MediaType type = MediaType.valueOf(contentType);
    String base = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
    boolean json = base.equals(MediaType.APPLICATION_JSON);
    Charset charset;
    try {
      charset = json ? null : charset(type);
    } catch (ProblemException e) {
      UploadBodies.dropUnread(rc, uploads.maxFileSize());
      throw e;
    }
    // Admitted by UploadAdmission: the slot is held until the body is stored.
    List<SourceRow> rows = null;
    byte[] rowsBody = null;
    UploadBodies.Received file = null;
    try (UploadSlots.Slot slot = rc.get(UploadAdmission.SLOT)) {
      if (json) {
        rowsBody = readJson(body);
      } else {
        file =
            UploadBodies.receive(
                body, imports.newUploadFile(), uploads.maxFileSize(), uploads.timeout());
      }
    } catch (RuntimeException e) {
      // Refused part way: the rest of the body is not worth reading.
      UploadBodies.closeAfterAnswer(rc);
      throw e;
    }
    boolean queued = false;
    try {
      if (json) {
        rows = rows(rowsBody);
      }
      List<SourceRow> jsonRows = rows;
      byte[] jsonBody = rowsBody;
      UploadBodies.Received upload = file;
      String digest = json ? Digests.sha256Hex(rowsBody) : file.sha256();
      Response answer =
          idempotency.create(
              idempotencyKey,
              "POST /api/v1/student-imports",
              base + ";" + (charset == null ? "" : charset.name()) + ";" + digest,
              () -> {
                StudentImport job =
                    json
                        ? imports.submitRows(jsonRows, jsonBody)
                        : imports.submitFile(
                            ImportFormat.ofMediaType(base).orElseThrow(), charset, upload);
                return Response.accepted(StudentImportResponse.of(job, List.of(), 0))
                    .location(uri.getAbsolutePathBuilder().path(job.id.toString()).build())
                    .tag(Versions.etag(job.version))
                    .build();
              });
      // A replayed answer queued nothing: its upload is not needed.
      queued = answer.getHeaderString(Idempotency.REPLAYED) == null;
      return answer;
    } finally {
      if (file != null && !queued) {
        UploadBodies.delete(file.file());
      }
    }
  }

  @GET
  @Path("/{id}")
  @RolesAllowed(Roles.UNIVERSITY)
  @Operation(
      operationId = "getStudentImport",
      summary = "Progress and result of an import",
      description =
          "Counts so far and the first row errors; only the importing institution reads it.")
  @APIResponse(
      responseCode = "200",
      description = "The job",
      content = @Content(schema = @Schema(implementation = StudentImportResponse.class)))
  public Response get(@PathParam("id") UUID id) {
    StudentImport j = imports.get(id);
    int shown = imports.errorsShown();
    return Response.ok(StudentImportResponse.of(j, imports.errors(id, shown + 1), shown))
        .tag(Versions.etag(j.version))
        .build();
  }

  @GET
  @Path("/{id}/errors")
  @RolesAllowed(Roles.UNIVERSITY)
  @Produces(CSV + ";charset=UTF-8")
  @Operation(
      operationId = "downloadStudentImportErrors",
      summary = "Every row error of an import, as CSV",
      description =
          "Columns row, column, reason (UTF-8 with BOM, so Excel opens it), in file order; every "
              + "cell quoted, and one that a spreadsheet would run as a formula (starting with = + - @) "
              + "prefixed with an apostrophe.")
  @APIResponse(
      responseCode = "200",
      description = "The error report",
      content =
          @Content(
              mediaType = CSV,
              schema = @Schema(type = SchemaType.STRING, maxLength = 134217728)))
  public Response errors(@PathParam("id") UUID id) {
    CsvTable csv = new CsvTable("row", "column", "reason");
    for (ImportService.ErrorLine e : imports.errors(id, -1)) {
      csv.row(e.row(), e.column(), e.reason());
    }
    return Response.ok(csv.toString())
        .header(
            "Content-Disposition", "attachment; filename=\"student-import-" + id + "-errors.csv\"")
        .build();
  }

  /** JSON rows are parsed in memory, so their body is bounded far below a file's. */
  private byte[] readJson(InputStream body) {
    long max = uploads.maxJsonSize();
    byte[] read;
    try {
      read = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    } catch (IOException e) {
      throw new ProblemException(
          400,
          "upload-incomplete",
          "Invalid request",
          "The upload broke off before its end; send it again",
          List.of());
    }
    if (read.length > max) {
      throw new ProblemException(
          413,
          "content-too-large",
          "Content Too Large",
          "JSON rows are limited to " + max + " bytes; send a larger cohort as CSV or XLSX",
          List.of());
    }
    return read;
  }

  private List<SourceRow> rows(byte[] body) throws IOException {
    // Read with the service's strict mapper: its errors answer like any JSON body's (400 naming
    // the field).
    ImportRowsRequest request = json.readValue(body, ImportRowsRequest.class);
    if (request == null) {
      throw ProblemException.invalidField("rows", "is required");
    }
    Set<ConstraintViolation<ImportRowsRequest>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    List<SourceRow> rows = new ArrayList<>();
    for (int i = 0; i < request.rows().size(); i++) {
      rows.add(request.rows().get(i).toSourceRow(i + 1));
    }
    return rows;
  }

  private static Charset charset(MediaType type) {
    String name = type.getParameters().get("charset");
    if (name == null) {
      return null;
    }
    try {
      return Charset.forName(name.strip());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw ProblemException.invalidField(
          HttpHeaders.CONTENT_TYPE,
          "names a charset this service does not know (use UTF-8 or GB18030)");
    }
  }
}
