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
    String path =
        uri == null
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
