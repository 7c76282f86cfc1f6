package org.qiao.portal.session;

import jakarta.enterprise.context.RequestScoped;
import java.util.Locale;
import java.util.Optional;

/**
 * What one page request knows: the session (if signed in), the language, and how long the portal
 * waited for the services (reported in {@code Server-Timing}, so the portal's own time can be
 * measured apart from the APIs').
 */
@RequestScoped
public class CurrentRequest {

  private PortalSession session;
  private Locale locale = Locale.SIMPLIFIED_CHINESE;
  private long startNanos = System.nanoTime();
  private long apiNanos;
  private int apiCalls;
  private boolean get = true;

  /** Whether the page answers a GET (a form shown again after a POST does not). */
  public boolean get() {
    return get;
  }

  public Optional<PortalSession> session() {
    return Optional.ofNullable(session);
  }

  /** The session of a person acting as this persona; otherwise sign-in or 403 (see PageErrors). */
  public PortalSession require(Persona persona) {
    if (session == null) {
      throw new SignInRequired();
    }
    if (session.persona() != persona) {
      throw new WrongPersona(session.persona());
    }
    return session;
  }

  public String token() {
    return session == null ? null : session.token();
  }

  public Locale locale() {
    return locale;
  }

  public boolean english() {
    return "en".equals(locale.getLanguage());
  }

  void begin(PortalSession session, Locale locale, String method) {
    this.session = session;
    this.locale = locale;
    this.get = "GET".equals(method) || "HEAD".equals(method);
    this.startNanos = System.nanoTime();
  }

  void signedIn(PortalSession session) {
    this.session = session;
  }

  public void apiTook(long nanos) {
    apiNanos += nanos;
    apiCalls++;
  }

  public long apiNanos() {
    return apiNanos;
  }

  public int apiCalls() {
    return apiCalls;
  }

  public long elapsedNanos() {
    return System.nanoTime() - startNanos;
  }

  /** Thrown where a page needs a signed-in person. */
  public static final class SignInRequired extends RuntimeException {
    SignInRequired() {
      super(null, null, false, false);
    }
  }

  /** Thrown where the signed-in person acts in another role than the page is for. */
  public static final class WrongPersona extends RuntimeException {
    private final Persona actual;

    WrongPersona(Persona actual) {
      super(null, null, false, false);
      this.actual = actual;
    }

    public Persona actual() {
      return actual;
    }
  }
}
