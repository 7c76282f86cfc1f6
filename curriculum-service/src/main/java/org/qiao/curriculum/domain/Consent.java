package org.qiao.curriculum.domain;

import java.time.Instant;
import org.qiao.kit.problem.Rules;

/** Consent to matching: given or withdrawn, when, and which text the student agreed to. */
public record Consent(boolean given, String textVersion, Instant at) {

  public Consent {
    if (given) {
      textVersion = Rules.required("consentTextVersion", textVersion);
      if (textVersion.length() > 50) {
        throw Rules.invalid("consentTextVersion", "must be at most 50 characters");
      }
    }
  }

  public static Consent none() {
    return new Consent(false, null, null);
  }
}
