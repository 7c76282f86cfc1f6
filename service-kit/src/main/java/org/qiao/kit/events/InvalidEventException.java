package org.qiao.kit.events;

/** A record that can never be processed: not JSON, not a CloudEvent, unknown type, bad data. */
public class InvalidEventException extends RuntimeException {
  public InvalidEventException(String message) {
    super(message);
  }

  public InvalidEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
