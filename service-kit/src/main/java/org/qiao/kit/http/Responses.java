package org.qiao.kit.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/** The answers every resource gives alike: 201 with Location, and bodies with their ETag. */
public final class Responses {

  private Responses() {}

  /** 201 Created, Location = the request path + id, the new resource's ETag. */
  public static Response created(UriInfo uri, UUID id, Object body, long version) {
    return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build())
        .entity(body)
        .tag(Versions.etag(version))
        .build();
  }

  /** 200 with the resource and its ETag. */
  public static Response ok(Object body, long version) {
    return Response.ok(body).tag(Versions.etag(version)).build();
  }
}
