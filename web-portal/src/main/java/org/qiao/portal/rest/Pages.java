package org.qiao.portal.rest;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.qiao.portal.api.ApiProblem;
import org.qiao.portal.session.CurrentRequest;

/**
 * Renders a page template with what every page shows: the language, the signed-in persona and
 * organisation, the current path (for the language switch), and a problem from the last API call.
 */
@ApplicationScoped
public class Pages {

  private final Engine engine;
  private final CurrentRequest current;

  Pages(Engine engine, CurrentRequest current) {
    this.engine = engine;
    this.current = current;
  }

  /**
   * A form's API call: on success, on to the page it names; a 4xx problem shows the form again, as
   * typed, with the API's messages beside the inputs. A 5xx is not the form's to show.
   */
  public jakarta.ws.rs.core.Response submit(
      java.util.function.Supplier<String> call,
      java.util.function.Function<ApiProblem, TemplateInstance> formAgain) {
    String next;
    try {
      next = call.get();
    } catch (ApiProblem p) {
      if (p.status() >= 500) {
        throw p;
      }
      return jakarta.ws.rs.core.Response.status(p.status()).entity(formAgain.apply(p)).build();
    }
    return jakarta.ws.rs.core.Response.seeOther(java.net.URI.create(next)).build();
  }

  public TemplateInstance page(String template, UriInfo uri, Map<String, ?> data) {
    return page(template, uri, data, null);
  }

  public TemplateInstance page(
      String template, UriInfo uri, Map<String, ?> data, ApiProblem problem) {
    TemplateInstance page = engine.getTemplate(template).instance();
    page.setLocale(current.locale());
    data.forEach(page::data);
    page.data("session", current.session().orElse(null));
    page.data("english", current.english());
    page.data("lang", current.english() ? "en" : "zh-CN");
    // A form shown again after a POST has no address of its own: the switch goes to the home page.
    String path =
        uri == null || !current.get()
            ? "/"
            : uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null
                    ? ""
                    : "?" + uri.getRequestUri().getRawQuery());
    page.data("back", java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8));
    page.data("problem", problem);
    return page;
  }
}
