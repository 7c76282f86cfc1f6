package org.qiao.kit.it;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.qiao.kit.outbox.Outbox;
import org.qiao.kit.problem.ProblemException;

/** A stand-in for a service's write endpoint: a change and its event in one transaction. */
@Path("/api/v1/pings")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PingResource {

  public record PingRequest(
      @NotBlank @Size(max = 100) String label,
      @Min(1) @Max(5) Integer level,
      List<@Valid @NotNull Tag> tags) {}

  public record Tag(@NotBlank String name) {}

  public record PingResponse(UUID id, String label) {}

  private final EntityManager em;
  private final Outbox outbox;

  PingResource(EntityManager em, Outbox outbox) {
    this.em = em;
    this.outbox = outbox;
  }

  @POST
  @RolesAllowed("enterprise")
  @Transactional
  public PingResponse send(@Valid @NotNull PingRequest body) {
    if (body.label().equals("conflict")) {
      throw ProblemException.conflict("label 'conflict' is taken");
    }
    UUID id = UUID.randomUUID();
    em.createNativeQuery("insert into ping (id, label) values (?1, ?2)")
        .setParameter(1, id)
        .setParameter(2, body.label())
        .executeUpdate();
    outbox.record("ping", id, "qiao.ping.sent.v1", new PingSent(id, body.label()));
    return new PingResponse(id, body.label());
  }

  @GET
  @Path("/{label}")
  @RolesAllowed("enterprise")
  public List<PingResponse> find(
      @PathParam("label") String label, @QueryParam("prefix") String prefix) {
    List<?> rows =
        em.createNativeQuery("select id from ping where label = ?1")
            .setParameter(1, prefix == null ? label : prefix + label)
            .getResultList();
    return rows.stream().map(id -> new PingResponse((UUID) id, label)).toList();
  }

  public record PingSent(UUID pingId, String label) {}
}
