package org.qiao.portal.signin;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.qiao.portal.rest.Pages;
import org.qiao.portal.session.CurrentRequest;
import org.qiao.portal.session.Persona;
import org.qiao.portal.session.PortalSession;
import org.qiao.portal.session.SessionCookies;
import org.qiao.portal.session.SessionStore;

/**
 * Signing in and out. Production: the organisation's identity provider (OIDC authorization-code
 * flow, {@link OidcSignInResource}). The local platform: a clearly marked development sign-in that
 * mints a token with the platform's key for a role, organisation and person.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInResource {

  /** What an org claim may look like: a credit code, an institution code, a bureau's id. */
  private static final Pattern ORG = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{1,39}");

  private static final Pattern SUBJECT = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._:-]{0,99}");

  private final Pages pages;
  private final DevTokens tokens;
  private final SessionStore sessions;
  private final CurrentRequest current;
  private final SessionCookies cookies;

  SignInResource(
      Pages pages,
      DevTokens tokens,
      SessionStore sessions,
      CurrentRequest current,
      SessionCookies cookies) {
    this.pages = pages;
    this.tokens = tokens;
    this.sessions = sessions;
    this.current = current;
    this.cookies = cookies;
  }

  @GET
  public Object home(@Context UriInfo uri) {
    Optional<PortalSession> s = current.session();
    if (s.isPresent()) {
      return Response.seeOther(URI.create(s.get().persona().home())).build();
    }
    return pages.page("home", uri, Map.of("devSignIn", tokens.enabled()));
  }

  @GET
  @Path("sign-in")
  public Object signInForm(@Context UriInfo uri) {
    if (!tokens.enabled()) {
      return Response.seeOther(URI.create("/oidc/sign-in")).build();
    }
    return devForm(uri, Map.of(), null);
  }

  @POST
  @Path("sign-in")
  @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Object signIn(
      @Context UriInfo uri,
      @FormParam("role") String role,
      @FormParam("org") String org,
      @FormParam("subject") String subject) {
    if (!tokens.enabled()) {
      return Response.status(Response.Status.NOT_FOUND).build();
    }
    Map<String, String> typed = new LinkedHashMap<>();
    typed.put("role", role == null ? "" : role);
    typed.put("org", org == null ? "" : org.strip());
    typed.put("subject", subject == null ? "" : subject.strip());
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<Persona> persona = Persona.ofRole(typed.get("role"));
    if (persona.isEmpty()) {
      errors.put("role", "signIn_roleRequired");
    }
    if (!ORG.matcher(typed.get("org")).matches()) {
      errors.put("org", "signIn_orgInvalid");
    }
    boolean student = persona.isPresent() && persona.get() == Persona.STUDENT;
    if (student && !SUBJECT.matcher(typed.get("subject")).matches()) {
      errors.put("subject", "signIn_subjectRequired");
    }
    if (!errors.isEmpty()) {
      return Response.status(422).entity(devForm(uri, typed, errors)).build();
    }
    Optional<String> sub = student ? Optional.of(typed.get("subject")) : Optional.empty();
    DevTokens.Minted minted = tokens.mint(persona.get(), typed.get("org"), sub);
    PortalSession session =
        sessions.open(
            persona.get(), typed.get("org"), sub.orElse(null), minted.token(), minted.expires());
    return Response.seeOther(URI.create(persona.get().home()))
        .cookie(cookies.session(session.id(), -1))
        .build();
  }

  @POST
  @Path("sign-out")
  public Response signOut() {
    current.session().ifPresent(s -> sessions.close(s.id()));
    return Response.seeOther(URI.create("/")).cookie(cookies.session("", 0)).build();
  }

  /** The language switch: remembers the choice and goes back to the page (on this site only). */
  @GET
  @Path("language")
  public Response language(@QueryParam("to") String to, @QueryParam("back") String back) {
    String lang = "en".equals(to) ? "en" : "zh";
    String target =
        back != null && back.startsWith("/") && !back.startsWith("//") && !back.startsWith("/\\")
            ? back
            : "/";
    URI location;
    try {
      location = URI.create(target);
    } catch (IllegalArgumentException e) {
      location = URI.create("/");
    }
    return Response.seeOther(location).cookie(cookies.language(lang)).build();
  }

  private TemplateInstance devForm(
      UriInfo uri, Map<String, String> typed, Map<String, String> errors) {
    return pages.page(
        "sign-in",
        uri,
        Map.of(
            "typed",
            typed,
            "errors",
            errors == null ? Map.of() : errors,
            "personas",
            Persona.values()));
  }
}
