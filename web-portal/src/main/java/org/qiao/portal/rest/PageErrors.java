package org.qiao.portal.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.qiao.portal.api.ApiProblem;
import org.qiao.portal.session.CurrentRequest;

/**
 * Pages that cannot be shown: not signed in (to the sign-in), another persona's page (403), an API
 * problem a page did not handle itself (its title and detail, with the API's status).
 */
public class PageErrors {

  private final Pages pages;

  PageErrors(Pages pages) {
    this.pages = pages;
  }

  @ServerExceptionMapper
  public Response signIn(CurrentRequest.SignInRequired e, jakarta.ws.rs.core.HttpHeaders headers) {
    if (headers.getHeaderString("HX-Request") != null) {
      // An htmx fragment (progress, suggestions): the whole page goes to the sign-in, not the
      // fragment.
      return Response.noContent().header("HX-Redirect", "/sign-in").build();
    }
    return Response.seeOther(URI.create("/sign-in")).build();
  }

  @ServerExceptionMapper
  public Response wrongPersona(CurrentRequest.WrongPersona e, UriInfo uri) {
    return Response.status(Response.Status.FORBIDDEN)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(pages.page("error", uri, Map.of("status", 403, "home", e.actual().home())))
        .build();
  }

  /** A tampered form or link (an id that is no id, a path that is no path): 400, not 500. */
  @ServerExceptionMapper
  public Response malformed(IllegalArgumentException e, UriInfo uri) {
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(pages.page("error", uri, Map.of("status", 400, "home", "/")))
        .build();
  }

  @ServerExceptionMapper
  public Response apiProblem(ApiProblem e, UriInfo uri) {
    int status = e.status() >= 400 && e.status() < 600 ? e.status() : 502;
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(pages.page("error", uri, Map.of("status", status, "home", "/"), e))
        .build();
  }
}
