package org.qiao.matching.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qiao.kit.http.Idempotency;
import org.qiao.kit.http.PageRequest;
import org.qiao.kit.http.Responses;
import org.qiao.kit.http.Versions;
import org.qiao.kit.problem.ProblemException;
import org.qiao.kit.security.Roles;
import org.qiao.matching.domain.partner.SubscriptionStatus;
import org.qiao.matching.domain.partner.WebhookSubscription;
import org.qiao.matching.service.partner.WebhookSubscriptions;

@Path("/api/v1/webhook-subscriptions")
@Tag(
    name = "Webhooks",
    description =
        "Standard Webhooks 1.0 deliveries of the events a partner may read (订阅), signed with the"
            + " subscription's secret")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ENTERPRISE, Roles.UNIVERSITY, Roles.GOVERNMENT, Roles.ADMIN})
public class WebhookSubscriptionResource {

  private final WebhookSubscriptions subscriptions;
  private final PartnerCaller partner;
  private final Idempotency idempotency;

  WebhookSubscriptionResource(
      WebhookSubscriptions subscriptions, PartnerCaller partner, Idempotency idempotency) {
    this.subscriptions = subscriptions;
    this.partner = partner;
    this.idempotency = idempotency;
  }

  @Schema(name = "WebhookSubscriptionRequest")
  public record SubscriptionRequest(
      @Schema(
              description =
                  "Where deliveries are POSTed: https, a host whose addresses are all public",
              example = "https://jobs.example.gov.cn/qiao/webhooks")
          @NotBlank
          @Size(max = 2000)
          String url,
      @Schema(
              description =
                  "Event types (qiao.demand.published.v1) or an aggregate's types (qiao.demand.*);"
                      + " none: every type the caller may see",
              example = "[\"qiao.demand.*\", \"qiao.training-order.placed.v1\"]")
          @Size(max = 50)
          List<
                  @NotNull @Size(max = 120)
                  @Pattern(
                      regexp = "qiao\\.[a-z0-9-]+\\.(\\*|[a-z0-9-]+\\.v[0-9]+)",
                      message = "must be an event type or qiao.<aggregate>.*")
                  String>
              eventTypes,
      @Schema(example = "就业服务平台岗位同步") @Size(max = 500) String description) {}

  @Schema(name = "WebhookSubscription")
  public record SubscriptionResponse(
      UUID id,
      String url,
      @Schema(description = "The types and patterns asked for; empty: all the caller may see")
          List<String> eventTypes,
      @Schema(nullable = true) String description,
      SubscriptionStatus status,
      @Schema(
              description = "Why delivery stopped (DISABLED): the event and the last answer",
              nullable = true)
          String disabledReason,
      @Schema(description = "Events waiting to be delivered") long queued,
      @Schema(description = "Failed attempts at the oldest waiting event") int failedAttempts,
      @Schema(description = "When the oldest waiting event is tried again", nullable = true)
          OffsetDateTime nextAttemptAt,
      @Schema(
              description = "Until when the previous secret still signs beside the current one",
              nullable = true)
          OffsetDateTime previousSecretValidUntil,
      @Schema(
              description =
                  "The signing secret (whsec_…): only in the answer that created it, never again",
              nullable = true)
          String secret,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt) {

    static SubscriptionResponse of(WebhookSubscriptions.Status st, String secret) {
      WebhookSubscription s = st.subscription();
      return new SubscriptionResponse(
          s.id,
          s.url,
          List.copyOf(s.eventTypes),
          s.description,
          s.status,
          s.disabledReason,
          st.queued(),
          st.failedAttempts(),
          utc(st.nextAttemptAt()),
          s.previousSecret == null ? null : utc(s.previousSecretUntil),
          secret,
          utc(s.createdAt),
          utc(s.updatedAt));
    }
  }

  @Schema(name = "WebhookSecret")
  public record SecretResponse(
      @Schema(description = "The new signing secret (whsec_…), shown once") String secret,
      @Schema(description = "Until when the previous secret signs beside it")
          OffsetDateTime previousSecretValidUntil) {}

  @Schema(name = "WebhookSecretRotation")
  public record RotationRequest(
      @Schema(
              description = "How long the previous secret still signs, in seconds (default 24 h)",
              nullable = true)
          @Min(0)
          @Max(604800)
          Integer overlapSeconds) {}

  @Schema(name = "WebhookRedeliveryRequest")
  public record RedeliveryRequest(
      @Schema(
              description = "One event to deliver again (its webhook-id)",
              example = "0192f3a4-5b6c-7d8e-9f01-23456789abcd")
          @Size(max = 36)
          @Pattern(
              regexp =
                  "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
              message = "must be an event id (UUID)")
          String eventId,
      @Schema(
              description = "Or every event since this time (ISO 8601 with offset), oldest first",
              example = "2027-03-01T00:00:00+08:00")
          @Size(max = 35)
          @Pattern(
              regexp =
                  "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})",
              message = "must be a time like 2027-03-01T00:00:00+08:00")
          String since) {

    UUID event() {
      return eventId == null ? null : UUID.fromString(eventId);
    }

    Instant from() {
      if (since == null) {
        return null;
      }
      try {
        return OffsetDateTime.parse(since).toInstant();
      } catch (java.time.format.DateTimeParseException e) {
        throw ProblemException.invalidField(
            "since", "must be a time like 2027-03-01T00:00:00+08:00");
      }
    }
  }

  @Schema(name = "WebhookRedelivery")
  public record RedeliveryResponse(@Schema(description = "Events queued again") int queued) {}

  @Schema(name = "WebhookPing")
  public record PingResponse(
      @Schema(description = "The ping's event id: the delivery's webhook-id") UUID eventId) {}

  @Schema(name = "WebhookDelivery")
  public record DeliveryResponse(
      UUID id,
      @Schema(description = "The event (webhook-id)") UUID eventId,
      String eventType,
      @Schema(description = "1 for the first try of this event") int attempt,
      OffsetDateTime attemptedAt,
      boolean succeeded,
      @Schema(description = "The endpoint's HTTP status; null without answer", nullable = true)
          Integer responseStatus,
      int latencyMs,
      @Schema(description = "The first bytes of the answer", nullable = true)
          String responseExcerpt,
      @Schema(description = "Why there was no answer (time-out, refused, …)", nullable = true)
          String error) {
    static DeliveryResponse of(WebhookSubscriptions.Delivery d) {
      return new DeliveryResponse(
          d.id(),
          d.eventId(),
          d.eventType(),
          d.attempt(),
          utc(d.attemptedAt()),
          d.succeeded(),
          d.responseStatus(),
          d.latencyMs(),
          d.responseExcerpt(),
          d.error());
    }
  }

  @POST
  @Operation(
      operationId = "createWebhookSubscription",
      summary = "Subscribe to events",
      description =
          "Registers an https endpoint for the events the caller may read (public ones; an"
              + " enterprise's or university's own). The answer carries the signing secret, once."
              + " An address that resolves to a loopback, private, link-local or metadata address"
              + " is refused. Students and mentors are not partners.")
  @APIResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = SubscriptionResponse.class)))
  public Response create(
      @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      @Valid @NotNull SubscriptionRequest body,
      UriInfo uri) {
    var role = partner.role();
    String org = partner.org();
    return idempotency.create(
        idempotencyKey,
        "POST /api/v1/webhook-subscriptions",
        body,
        () -> {
          WebhookSubscription s =
              subscriptions.register(role, org, body.url(), body.eventTypes(), body.description());
          var status = new WebhookSubscriptions.Status(s, 0, 0, null);
          return Responses.created(uri, s.id, SubscriptionResponse.of(status, s.secret), s.version);
        });
  }

  @GET
  @Operation(
      operationId = "listWebhookSubscriptions",
      summary = "The caller's subscriptions",
      description = "Newest first; next page in the Link header.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = SubscriptionResponse[].class)))
  public Response list(@BeanParam PageRequest page, UriInfo uri) {
    return subscriptions
        .list(partner.role(), partner.org(), page.cursor(), page.limit())
        .map(s -> SubscriptionResponse.of(s, null))
        .toResponse(uri);
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getWebhookSubscription",
      summary = "One of the caller's subscriptions",
      description =
          "With its queue: events waiting, failed attempts at the oldest and when it is tried"
              + " again; a disabled subscription says why. Another organisation's: 404.")
  @APIResponse(
      responseCode = "200",
      description = "The subscription; ETag is its version",
      content = @Content(schema = @Schema(implementation = SubscriptionResponse.class)))
  public Response get(@PathParam("id") UUID id) {
    var s = subscriptions.get(partner.role(), partner.org(), id);
    return Responses.ok(SubscriptionResponse.of(s, null), s.subscription().version);
  }

  @PUT
  @Path("/{id}")
  @Operation(
      operationId = "updateWebhookSubscription",
      summary = "Change the URL, the event types or the description",
      description = "If-Match with the ETag last read.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = SubscriptionResponse.class)))
  public Response update(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull SubscriptionRequest body) {
    var s =
        subscriptions.change(
            partner.role(),
            partner.org(),
            id,
            Versions.required(ifMatch),
            body.url(),
            body.eventTypes(),
            body.description());
    return Responses.ok(SubscriptionResponse.of(s, null), s.subscription().version);
  }

  @DELETE
  @Path("/{id}")
  @Operation(
      operationId = "deleteWebhookSubscription",
      summary = "Delete a subscription",
      description = "Its queue and delivery log go with it.")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(@PathParam("id") UUID id) {
    subscriptions.delete(partner.role(), partner.org(), id);
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/pause")
  // No body needed: a client that sends none (and no Content-Type) is understood.
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "pauseWebhookSubscription",
      summary = "Pause deliveries",
      description = "Events queue up meanwhile (as long as the topics keep them).")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = SubscriptionResponse.class)))
  public Response pause(@PathParam("id") UUID id) {
    var s = subscriptions.pause(partner.role(), partner.org(), id);
    return Responses.ok(SubscriptionResponse.of(s, null), s.subscription().version);
  }

  @POST
  @Path("/{id}/resumption")
  // No body needed: a client that sends none (and no Content-Type) is understood.
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "resumeWebhookSubscription",
      summary = "Resume a paused or disabled subscription",
      description = "Delivery goes on at once from the oldest waiting event.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = SubscriptionResponse.class)))
  public Response resume(@PathParam("id") UUID id) {
    var s = subscriptions.resume(partner.role(), partner.org(), id);
    return Responses.ok(SubscriptionResponse.of(s, null), s.subscription().version);
  }

  @POST
  @Path("/{id}/secret-rotation")
  // No body needed: a client that sends none (and no Content-Type) is understood.
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "rotateWebhookSecret",
      summary = "Rotate the signing secret",
      description =
          "A new secret, shown once; the previous one signs beside it (two v1 signatures) for"
              + " the overlap, so the receiver switches without losing a delivery.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = SecretResponse.class)))
  public SecretResponse rotate(@PathParam("id") UUID id, @Valid RotationRequest body) {
    Duration overlap =
        body == null || body.overlapSeconds() == null
            ? null
            : Duration.ofSeconds(body.overlapSeconds());
    String secret = subscriptions.rotateSecret(partner.role(), partner.org(), id, overlap);
    var s = subscriptions.get(partner.role(), partner.org(), id).subscription();
    return new SecretResponse(secret, utc(s.previousSecretUntil));
  }

  @POST
  @Path("/{id}/ping")
  // No body needed: a client that sends none (and no Content-Type) is understood.
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "pingWebhookSubscription",
      summary = "Send a test event (qiao.webhook.ping.v1) to this subscription only",
      description =
          "Queued behind what waits already and signed like every delivery; the delivery log"
              + " shows how the endpoint answered.")
  @APIResponse(
      responseCode = "202",
      content = @Content(schema = @Schema(implementation = PingResponse.class)))
  public Response ping(@PathParam("id") UUID id) {
    UUID eventId = subscriptions.ping(partner.role(), partner.org(), id);
    return Response.accepted(new PingResponse(eventId)).build();
  }

  @POST
  @Path("/{id}/redeliveries")
  @Operation(
      operationId = "redeliverWebhookEvents",
      summary = "Deliver one event, or everything since a time, again",
      description =
          "Exactly one of eventId and since. Events are kept as long as the topics keep them"
              + " (7 days); each is queued behind what waits already, with its original"
              + " webhook-id.")
  @APIResponse(
      responseCode = "202",
      content = @Content(schema = @Schema(implementation = RedeliveryResponse.class)))
  public Response redeliver(@PathParam("id") UUID id, @Valid @NotNull RedeliveryRequest body) {
    int queued =
        subscriptions.redeliver(partner.role(), partner.org(), id, body.event(), body.from());
    return Response.accepted(new RedeliveryResponse(queued)).build();
  }

  @GET
  @Path("/{id}/deliveries")
  @Operation(
      operationId = "listWebhookDeliveries",
      summary = "The delivery log: every attempt, newest first",
      description = "Attempt, outcome, latency, status and the first bytes of the answer.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = DeliveryResponse[].class)))
  public Response deliveries(@PathParam("id") UUID id, @BeanParam PageRequest page, UriInfo uri) {
    return subscriptions
        .deliveries(partner.role(), partner.org(), id, page.cursor(), page.limit())
        .map(DeliveryResponse::of)
        .toResponse(uri);
  }

  static OffsetDateTime utc(Instant i) {
    return i == null ? null : i.atOffset(java.time.ZoneOffset.UTC);
  }
}
