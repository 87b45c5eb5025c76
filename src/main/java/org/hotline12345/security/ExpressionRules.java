package org.hotline12345.security;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.CaseService;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.IdentifierNode;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.Tree;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * What an expression in a model or a stored Tasklist filter may reach. Of the application's
 * components only its process delegates and listeners: every bean in the application's packages
 * that implements {@link JavaDelegate}, {@link ExecutionListener} or {@link TaskListener}, so a new
 * delegate needs no list to be edited. No reflection, class loading or engine internals, whatever
 * the object: {@code getClass}, {@code Class}, {@code ClassLoader}, {@code Runtime}, {@code
 * ProcessBuilder}, reflection types, the engine's services and configuration, Spring's context.
 *
 * <p>The same rules are applied before a model or filter is accepted ({@link #problemsIn}, on the
 * expression's text) and while an expression runs ({@link #refusal}, on the actual objects).
 */
final class ExpressionRules {

  /** What a refused expression does wrong, for the people who wrote it, in Chinese and English. */
  record Problem(String zh, String en) {}

  private static final List<Class<?>> DELEGATE_TYPES =
      List.of(JavaDelegate.class, ExecutionListener.class, TaskListener.class);

  /** Members that only serve reflection, class loading or reaching the engine behind the model. */
  private static final Set<String> BLOCKED_MEMBERS =
      Set.of(
          "class",
          "getClass",
          "classLoader",
          "getClassLoader",
          "contextClassLoader",
          "getContextClassLoader",
          "loadClass",
          "forName",
          "newInstance",
          "processEngine",
          "getProcessEngine",
          "processEngineServices",
          "getProcessEngineServices",
          "processEngineConfiguration",
          "getProcessEngineConfiguration",
          // Spin's mapTo(type) deserialises JSON into any class named in the expression.
          "mapTo");

  /** Objects an expression may not read from or call, however it reached them. */
  private static final List<Class<?>> BLOCKED_TYPES =
      List.of(
          Class.class,
          ClassLoader.class,
          Runtime.class,
          ProcessBuilder.class,
          Process.class,
          Thread.class,
          ThreadGroup.class,
          Module.class,
          ModuleLayer.class,
          ProcessEngineServices.class,
          ProcessEngineConfiguration.class,
          RepositoryService.class,
          RuntimeService.class,
          TaskService.class,
          IdentityService.class,
          AuthorizationService.class,
          ManagementService.class,
          FormService.class,
          HistoryService.class,
          FilterService.class,
          ExternalTaskService.class,
          CaseService.class,
          DecisionService.class,
          BeanFactory.class,
          Environment.class,
          javax.sql.DataSource.class,
          java.sql.Connection.class);

  private static final List<String> BLOCKED_PACKAGES =
      List.of(
          "java.lang.reflect.",
          "java.lang.invoke.",
          "javax.script.",
          "javax.naming.",
          "java.rmi.",
          "sun.",
          "com.sun.",
          "jdk.internal.");

  private final ListableBeanFactory beans;
  private final Set<String> allowedBeans;

  private ExpressionRules(ListableBeanFactory beans, Set<String> allowedBeans) {
    this.beans = beans;
    this.allowedBeans = allowedBeans;
  }

  /**
   * The delegates and listeners of the application's packages, prototypes included (a listener with
   * fields is one), read without creating any bean.
   */
  static ExpressionRules of(ListableBeanFactory beans) {
    List<String> packages = AutoConfigurationPackages.get(beans);
    Set<String> allowed = new LinkedHashSet<>();
    for (Class<?> type : DELEGATE_TYPES) {
      for (String name : beans.getBeanNamesForType(type, true, false)) {
        Class<?> beanType = beans.getType(name, false);
        if (beanType != null && inPackages(ClassUtils.getUserClass(beanType), packages)) {
          allowed.add(name);
        }
      }
    }
    return new ExpressionRules(beans, Set.copyOf(allowed));
  }

  private static boolean inPackages(Class<?> type, List<String> packages) {
    String name = type.getPackageName();
    return packages.stream().anyMatch(p -> name.equals(p) || name.startsWith(p + "."));
  }

  Set<String> allowedBeans() {
    return allowedBeans;
  }

  /**
   * The beans expressions may name, for the engine's expression manager: each is looked up when an
   * expression needs it (the delegates depend on the engine, which is being built; a prototype
   * gives a new instance each time, as the engine expects).
   */
  Map<Object, Object> allowedBeanMap() {
    return new AbstractMap<>() {
      @Override
      public boolean containsKey(Object key) {
        return key instanceof String name && allowedBeans.contains(name);
      }

      @Override
      public Object get(Object key) {
        return containsKey(key) ? beans.getBean((String) key) : null;
      }

      @Override
      public Set<Entry<Object, Object>> entrySet() {
        return new AbstractSet<>() {
          @Override
          public Iterator<Entry<Object, Object>> iterator() {
            return allowedBeans.stream()
                .map(name -> Map.entry((Object) name, beans.getBean(name)))
                .iterator();
          }

          @Override
          public int size() {
            return allowedBeans.size();
          }
        };
      }
    };
  }

  /** Whether a text holds an expression the engine evaluates ({@code ${...}} or {@code #{...}}). */
  static boolean holdsExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /**
   * What is wrong with an expression as written: a component that is not a delegate or listener, a
   * reflective member, or text the engine could not parse. Empty when it may be deployed or saved.
   */
  List<Problem> problemsIn(String expression) {
    Tree tree;
    try {
      // The engine parses with method invocations and varargs on (Camunda's JUEL profile).
      tree =
          new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS)
              .build(expression);
    } catch (TreeBuilderException e) {
      return List.of(
          new Problem(
              "表达式无法解析（" + e.getMessage() + "）",
              "the expression cannot be parsed (" + e.getMessage() + ")"));
    }
    List<Problem> problems = new ArrayList<>();
    for (IdentifierNode identifier : tree.getIdentifierNodes()) {
      String name = identifier.getName();
      if (beans.containsBean(name) && !allowedBeans.contains(name)) {
        problems.add(
            new Problem(
                "表达式引用了应用组件「" + name + "」，模型只能引用流程的委托和监听器",
                "the expression names the application component '"
                    + name
                    + "'; models may name only the process delegates and listeners"));
      }
    }
    members(tree.getRoot())
        .filter(BLOCKED_MEMBERS::contains)
        .distinct()
        .forEach(member -> problems.add(blockedMember(member)));
    return problems;
  }

  /**
   * Why the running expression may not read or call {@code member} on {@code base}, if it may not.
   * Names at the root (no base) are the variables and the allowed beans, and need no check.
   */
  Optional<Problem> refusal(Object base, Object member) {
    if (base == null) {
      return Optional.empty();
    }
    if (member instanceof String name && BLOCKED_MEMBERS.contains(name)) {
      return Optional.of(blockedMember(name));
    }
    Class<?> type = base.getClass();
    String typeName = type.getName();
    if (BLOCKED_TYPES.stream().anyMatch(blocked -> blocked.isInstance(base))
        || BLOCKED_PACKAGES.stream().anyMatch(typeName::startsWith)) {
      return Optional.of(
          new Problem(
              "表达式不得使用反射、类加载、系统进程或引擎内部对象（" + typeName + "）",
              "expressions may not use reflection, class loading, system processes or the engine's"
                  + " internals ("
                  + typeName
                  + ")"));
    }
    return Optional.empty();
  }

  private static Problem blockedMember(String member) {
    return new Problem(
        "表达式不得使用「" + member + "」（反射、类加载或引擎内部）",
        "expressions may not use '" + member + "' (reflection, class loading or engine internals)");
  }

  /** The names of the properties and methods an expression reads or calls, where written out. */
  private static Stream<String> members(Node node) {
    if (node == null) {
      return Stream.empty();
    }
    Stream<String> own = Stream.empty();
    if (node instanceof AstDot dot) {
      // JUEL prints a dot node as ". name"; the name is not otherwise public.
      own = Stream.of(dot.toString().substring(2));
    } else if (node instanceof AstBracket && node.getChild(1) instanceof AstString key) {
      own = Stream.of(String.valueOf(key.eval(null, null)));
    }
    Stream<String> children = Stream.empty();
    for (int i = 0; i < node.getCardinality(); i++) {
      children = Stream.concat(children, members(node.getChild(i)));
    }
    return Stream.concat(own, children);
  }
}
