package org.qiao.kit.guard;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.temporal.Temporal;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.qiao.kit.problem.UnsafeTextException;

/**
 * Bodies are read with bounded nesting (a deep document is refused before it can exhaust the stack)
 * and every string is checked by {@link SafeText}, so the 400 names the field.
 */
@Singleton
public class JsonGuards implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    // The mapper is built at static init, before config mappings exist: read the one value plainly.
    int nesting =
        ConfigProvider.getConfig()
            .getOptionalValue("qiao.http.max-json-nesting", Integer.class)
            .orElse(GuardConfig.DEFAULT_MAX_JSON_NESTING);
    mapper
        .getFactory()
        .setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(nesting).build());
    // Types as the contract states them: no "3" for 3, no 3 for "3", no 1.5 for 1.
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
    for (CoercionInputShape shape :
        List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
      mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
    }
    for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
      mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }
    // "{...} x" is not a JSON document.
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    SimpleModule safeText = new SimpleModule("qiao-safe-text");
    // Every string token is checked before the deserializer of its target sees it — strings,
    // and dates, enums, UUIDs (LocalDate's would trim "2027-06-30\u0000" to a valid date).
    safeText.setDeserializerModifier(
        new BeanDeserializerModifier() {
          @Override
          public JsonDeserializer<?> modifyDeserializer(
              DeserializationConfig config, BeanDescription desc, JsonDeserializer<?> deser) {
            return deser instanceof BeanDeserializerBase ? deser : new SafeScalar(deser);
          }

          @Override
          public JsonDeserializer<?> modifyEnumDeserializer(
              DeserializationConfig config,
              JavaType type,
              BeanDescription desc,
              JsonDeserializer<?> deser) {
            return new SafeScalar(deser);
          }
        });
    mapper.registerModule(safeText);
  }

  private static void check(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      String problem = SafeText.problem(p.getText());
      if (problem != null) {
        throw new UnsafeTextException(p, problem);
      }
    }
  }

  /** Checks a string token before the wrapped deserializer turns it into a value. */
  static final class SafeScalar extends DelegatingDeserializer {

    SafeScalar(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
      return new SafeScalar(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      check(p);
      // A date or time is a string in the contract (RFC 3339); Jackson alone would take a number
      // as epoch seconds and an array as [y, m, d].
      Class<?> type = handledType();
      if (type != null
          && Temporal.class.isAssignableFrom(type)
          && p.currentToken() != JsonToken.VALUE_STRING
          && p.currentToken() != JsonToken.VALUE_NULL) {
        return ctxt.handleUnexpectedToken(type, p);
      }
      return super.deserialize(p, ctxt);
    }
  }
}
