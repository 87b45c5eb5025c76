package org.hotline12345.intake;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON of the hotline's own API takes values only in their own type: a number or a boolean sent for
 * a text field is refused (400) instead of being turned into text. (Unknown fields are refused by
 * {@code spring.jackson.deserialization.fail-on-unknown-properties}.)
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer noScalarCoercion() {
    return builder ->
        builder.postConfigurer(
            mapper -> {
              for (CoercionInputShape shape :
                  new CoercionInputShape[] {
                    CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean
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
}
