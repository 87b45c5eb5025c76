package org.hotline12345.security;

import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.FilterManager;

/**
 * Refuses a Tasklist filter that a person saves (Tasklist, the REST API) when an expression in its
 * query ({@code ${currentUser()}}, {@code ${now()}} ...) names an application component or uses
 * reflection ({@link ExpressionRules}): a 400 naming the filter and the query criterion. The engine
 * evaluates these expressions each time anyone opens the filter. Filters the application creates
 * itself (the demo organisation) are its own code and are not checked; what any stored expression
 * runs is still limited by the expression manager.
 */
final class FilterQueryCheck implements SessionFactory {

  private final ExpressionRules rules;

  FilterQueryCheck(ExpressionRules rules) {
    this.rules = rules;
  }

  /** Replaces the engine's filter manager, which every save of a filter goes through. */
  @Override
  public Class<?> getSessionType() {
    return FilterManager.class;
  }

  @Override
  public Session openSession() {
    return new CheckedFilterManager(rules);
  }

  private static final class CheckedFilterManager extends FilterManager {
    private final ExpressionRules rules;

    CheckedFilterManager(ExpressionRules rules) {
      this.rules = rules;
    }

    @Override
    public Filter insertOrUpdateFilter(Filter filter) {
      CommandContext command = Context.getCommandContext();
      if (command != null && command.getAuthenticatedUserId() != null) {
        // Whoever may not save the filter at all hears that first.
        if (filter.getId() == null) {
          checkAuthorization(CREATE, FILTER, Authorization.ANY);
        } else {
          checkAuthorization(UPDATE, FILTER, filter.getId());
        }
        List<String> refusals = refusals(filter);
        if (!refusals.isEmpty()) {
          throw new BadUserRequestException(
              "过滤器「"
                  + filter.getName()
                  + "」被拒绝，未保存。 / Filter '"
                  + filter.getName()
                  + "' refused; it was not saved.\n- "
                  + String.join("\n- ", refusals));
        }
      }
      return super.insertOrUpdateFilter(filter);
    }

    private List<String> refusals(Filter filter) {
      AbstractQuery<?, ?> query = filter.getQuery();
      Set<AbstractQuery<?, ?>> queries = Collections.newSetFromMap(new IdentityHashMap<>());
      queries.add(query);
      if (query instanceof TaskQueryImpl tasks) {
        queries.addAll(tasks.getQueries());
      }
      List<String> refusals = new ArrayList<>();
      for (AbstractQuery<?, ?> part : queries) {
        for (Map.Entry<String, String> criterion : part.getExpressions().entrySet()) {
          for (ExpressionRules.Problem problem : rules.problemsIn(criterion.getValue())) {
            refusals.add(
                "查询条件 "
                    + criterion.getKey()
                    + "："
                    + problem.zh()
                    + " / query criterion "
                    + criterion.getKey()
                    + ": "
                    + problem.en());
          }
        }
      }
      return refusals;
    }
  }
}
