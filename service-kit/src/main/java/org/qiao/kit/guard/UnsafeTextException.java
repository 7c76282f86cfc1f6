package org.qiao.kit.guard;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A JSON string in a body that {@link SafeText} refuses; Jackson adds the field's path. */
public class UnsafeTextException extends JsonMappingException {

  private final String reason;

  UnsafeTextException(JsonParser parser, String reason) {
    super(parser, reason);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
