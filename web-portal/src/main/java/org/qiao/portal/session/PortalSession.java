package org.qiao.portal.session;

import java.time.Instant;

/**
 * One signed-in person, held on the server: the browser has only the session id (an HttpOnly
 * cookie). The bearer token the services accept never leaves the portal.
 *
 * @param id random session id (the cookie's value)
 * @param persona the role the person acts in
 * @param org the organisation ({@code org} claim): a credit code, an institution code, a bureau
 * @param subject the person ({@code sub}): a student's pseudonymous id, or null for an organisation
 * @param token the bearer token sent to the services
 * @param tokenExpires when the token stops being accepted; the session ends with it
 */
public record PortalSession(
    String id, Persona persona, String org, String subject, String token, Instant tokenExpires) {

  public boolean expired(Instant now) {
    return !now.isBefore(tokenExpires);
  }
}
