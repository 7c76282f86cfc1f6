package org.qiao.kit.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A JSON string in a body that the kit's text guard refuses (U+0000, a lone surrogate); Jackson
 * adds the field's path, so the 400 names it.
 */
public class UnsafeTextException extends JsonMappingException {

  private final String reason;

  public UnsafeTextException(JsonParser parser, String reason) {
    super(parser, reason);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
