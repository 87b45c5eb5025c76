package org.hotline12345.forms;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.ByteSourceJsonBootstrapper;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one place where the hotline reads JSON bodies ({@code /api/**}): a value only in its own type
 * (a number or a boolean sent for a text field is refused instead of turned into text), a field
 * only once, nothing after the JSON, bytes only as strict UTF-8, and text only as {@link
 * Characters} accepts it. Each refusal names its field through {@link FieldProblems}. (Unknown
 * fields are refused by {@code spring.jackson.deserialization.fail-on-unknown-properties}.)
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJsonBodies() {
    return builder ->
        builder
            .factory(new StrictUtf8JsonFactory())
            .featuresToEnable(
                JsonParser.Feature.STRICT_DUPLICATE_DETECTION,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .deserializerByType(String.class, new AcceptedText())
            .postConfigurer(
                mapper -> {
                  for (CoercionInputShape shape :
                      new CoercionInputShape[] {
                        CoercionInputShape.Integer,
                        CoercionInputShape.Float,
                        CoercionInputShape.Boolean
                      }) {
                    mapper
                        .coercionConfigFor(LogicalType.Textual)
                        .setCoercion(shape, CoercionAction.Fail);
                  }
                  mapper
                      .coercionConfigFor(LogicalType.Boolean)
                      .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
                  mapper
                      .coercionConfigFor(LogicalType.Boolean)
                      .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                });
  }

  /**
   * Jackson's own UTF-8 decoder takes overlong forms ({@code C0 AF} becomes "/") and encoded
   * surrogates. This factory decodes bytes with Java's decoder instead, which puts U+FFFD where the
   * bytes are not UTF-8, so that {@link AcceptedText} refuses the field that held them. (Encoding
   * detection and byte order marks stay Jackson's.)
   */
  static final class StrictUtf8JsonFactory extends JsonFactory {

    StrictUtf8JsonFactory() {}

    private StrictUtf8JsonFactory(StrictUtf8JsonFactory source, ObjectCodec codec) {
      super(source, codec);
    }

    @Override
    public JsonFactory copy() {
      return new StrictUtf8JsonFactory(this, null);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
      return asText(new ByteSourceJsonBootstrapper(context, in), context);
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context)
        throws IOException {
      return asText(new ByteSourceJsonBootstrapper(context, data, offset, length), context);
    }

    private JsonParser asText(ByteSourceJsonBootstrapper bytes, IOContext context)
        throws IOException {
      bytes.detectEncoding();
      return _createParser(bytes.constructReader(), context);
    }
  }

  /** Text as Jackson reads it, refused if {@link Characters#problemOf} finds a problem. */
  static final class AcceptedText extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String text = super.deserialize(parser, context);
      if (text != null) {
        var problem = Characters.problemOf(text);
        if (problem.isPresent()) {
          throw new UnacceptableText(parser, problem.get());
        }
      }
      return text;
    }
  }

  /** A text value the hotline does not accept; Jackson adds the path of the field that held it. */
  static final class UnacceptableText extends MismatchedInputException {

    private final String reason;

    UnacceptableText(JsonParser parser, String reason) {
      super(parser, reason, String.class);
      this.reason = reason;
    }

    String reason() {
      return reason;
    }
  }
}
