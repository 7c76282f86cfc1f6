package org.qiao.kit.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.qiao.kit.events.CloudEvent;
import org.qiao.kit.events.EventCodec;

/**
 * The example {@code data} of each event type, from {@code contracts/examples/<type>.json}. A
 * consumer test feeds the contract's own example, so producer and consumer agree on one text.
 */
public final class ContractExamples {

  private ContractExamples() {}

  /** A fresh copy of the example data, free to change in a test. */
  public static ObjectNode data(String type) {
    String path = "contracts/examples/" + type + ".json";
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no contract example " + path);
      }
      return (ObjectNode) EventCodec.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An event of the type carrying the given data, as its producing service would emit it. */
  public static CloudEvent event(String source, String type, String subject, ObjectNode data) {
    return CloudEvent.create(source, type, subject, data);
  }

  public static String newId() {
    return UUID.randomUUID().toString();
  }
}
