package org.qiao.kit.it;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;

/** A stand-in for a file upload endpoint, whose bodies may be larger than a JSON body. */
@Path("/api/v1/uploads")
public class UploadResource {

  public record Received(long bytes) {}

  @POST
  @RolesAllowed("enterprise")
  @Consumes(MediaType.APPLICATION_OCTET_STREAM)
  @Produces(MediaType.APPLICATION_JSON)
  public Received upload(InputStream body) throws IOException {
    long n = 0;
    byte[] buf = new byte[64 * 1024];
    for (int r; (r = body.read(buf)) > 0; ) {
      n += r;
    }
    return new Received(n);
  }
}
