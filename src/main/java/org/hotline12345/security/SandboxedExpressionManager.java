package org.hotline12345.security;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

/**
 * The engine's expression manager (processes, decisions, stored filters) as the Spring Boot starter
 * builds it, given only the allowed beans ({@link ExpressionRules#allowedBeanMap()}) instead of the
 * whole application context, and with every property read and method call checked first, so that no
 * object an expression reaches, an allowed bean included, leads to reflection or the engine's
 * internals.
 */
class SandboxedExpressionManager extends SpringExpressionManager {

  private final ExpressionRules rules;

  SandboxedExpressionManager(ApplicationContext context, ExpressionRules rules) {
    super(context, rules.allowedBeanMap());
    this.rules = rules;
  }

  @Override
  protected ELResolver createElResolver() {
    return new Guard(super.createElResolver(), rules);
  }

  /** Checks each step of an expression before the engine's own resolvers take it. */
  private static final class Guard extends ELResolver {
    private final ELResolver resolvers;
    private final ExpressionRules rules;

    Guard(ELResolver resolvers, ExpressionRules rules) {
      this.resolvers = resolvers;
      this.rules = rules;
    }

    private void check(Object base, Object member) {
      rules
          .refusal(base, member)
          .ifPresent(
              problem -> {
                throw new ELException(problem.zh() + " / " + problem.en());
              });
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      check(base, property);
      return resolvers.getValue(context, base, property);
    }

    @Override
    public Object invoke(
        ELContext context, Object base, Object method, Class<?>[] types, Object[] params) {
      check(base, method);
      return resolvers.invoke(context, base, method, types, params);
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      check(base, property);
      return resolvers.getType(context, base, property);
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      check(base, property);
      resolvers.setValue(context, base, property, value);
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
      check(base, property);
      return resolvers.isReadOnly(context, base, property);
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
      return resolvers.getFeatureDescriptors(context, base);
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
      return resolvers.getCommonPropertyType(context, base);
    }

    @Override
    public Object convertToType(ELContext context, Object object, Class<?> type) {
      return resolvers.convertToType(context, object, type);
    }
  }
}
