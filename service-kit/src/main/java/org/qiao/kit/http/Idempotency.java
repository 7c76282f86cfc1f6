package org.qiao.kit.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.qiao.kit.problem.ProblemException;
import org.qiao.kit.security.Caller;

/**
 * Makes a creating POST safe to retry. With an {@code Idempotency-Key}, the key, a hash of the
 * request and the response are stored in the same transaction as the creation: the same key with
 * the same body replays the first response (and creates nothing); the same key with another body is
 * a 422. A request that failed stored nothing, so it may be retried with its key. A concurrent
 * duplicate waits on the key's row and then replays.
 */
@ApplicationScoped
public class Idempotency {

  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED = "Idempotent-Replayed";
  public static final int MAX_KEY_LENGTH = 200;

  private final EntityManager em;
  private final ObjectMapper json;
  private final Caller caller;

  Idempotency(EntityManager em, ObjectMapper json, Caller caller) {
    this.em = em;
    this.json = json;
    this.caller = caller;
  }

  /**
   * Deletes stored replies whose body mentions any of the texts (an erased or forgotten person's
   * id, the ids of their records): a retried request must not bring back what was forgotten. It
   * then runs again instead of being replayed.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void forgetRepliesMentioning(Collection<String> texts) {
    for (String t : texts) {
      em.createNativeQuery("delete from idempotency_record where response_body like ?1")
          .setParameter(1, "%" + t + "%")
          .executeUpdate();
    }
  }

  @Transactional
  public Response create(String key, String route, Object request, Supplier<Response> action) {
    if (key == null) {
      return action.get();
    }
    if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw ProblemException.invalidField(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
    }
    String scope = caller.scope();
    String hash = hash(route, request);
    int inserted =
        em.createNativeQuery(
                "insert into idempotency_record (scope, idempotency_key, request_hash, response_status,"
                    + " created_at) values (?1, ?2, ?3, 0, now()) on conflict do nothing")
            .setParameter(1, scope)
            .setParameter(2, key)
            .setParameter(3, hash)
            .executeUpdate();
    if (inserted == 0) {
      return replay(scope, key, hash);
    }
    Response response = action.get();
    em.createNativeQuery(
            "update idempotency_record set response_status = ?1, response_body = ?2, location = ?3,"
                + " etag = ?6 where scope = ?4 and idempotency_key = ?5")
        .setParameter(1, response.getStatus())
        .setParameter(2, body(response))
        .setParameter(3, response.getLocation() == null ? null : response.getLocation().toString())
        .setParameter(4, scope)
        .setParameter(5, key)
        .setParameter(
            6, response.getEntityTag() == null ? null : response.getEntityTag().getValue())
        .executeUpdate();
    return response;
  }

  private Response replay(String scope, String key, String hash) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "select request_hash, response_status, response_body, location, etag"
                        + " from idempotency_record where scope = ?1 and idempotency_key = ?2")
                .setParameter(1, scope)
                .setParameter(2, key)
                .getSingleResult();
    if (!hash.equals(row[0])) {
      throw new ProblemException(
          422,
          "idempotency-key-reused",
          "Unprocessable Content",
          "This Idempotency-Key was used for a different request; use a new key for a new request",
          List.of());
    }
    Response.ResponseBuilder r =
        Response.status(((Number) row[1]).intValue())
            .entity(row[2])
            .type(MediaType.APPLICATION_JSON)
            .header(REPLAYED, "true");
    if (row[3] != null) {
      r.header(HttpHeaders.LOCATION, row[3]);
    }
    if (row[4] != null) {
      r.tag((String) row[4]);
    }
    return r.build();
  }

  private String body(Response response) {
    try {
      return response.getEntity() == null ? null : json.writeValueAsString(response.getEntity());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("response not serialisable", e);
    }
  }

  private String hash(String route, Object request) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(route.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(json.writeValueAsBytes(request));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
