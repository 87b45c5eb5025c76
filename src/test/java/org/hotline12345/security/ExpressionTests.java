package org.hotline12345.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline12345.security.ModelDeploymentTests.probe;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.IdentifierNode;
import org.hotline12345.ApiClient;
import org.hotline12345.ApiClient.Answer;
import org.hotline12345.HotlineSpringTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * What an expression can reach when it runs, however its model or filter got in: only the process
 * delegates and listeners, no reflection, no engine internals, no scripts. Stored Tasklist filters
 * (saved by administrators) are held to the same rules.
 */
@HotlineSpringTest
class ExpressionTests {

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final String JAVA_VERSION = System.getProperty("java.version");

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;
  @Autowired FilterService filters;
  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired ModelSandbox sandbox;
  @Autowired ApplicationContext context;

  @Test
  void everyComponentTheModelsNameIsADelegateOrListenerAndResolvesInTheEngine() throws IOException {
    Set<String> named = new TreeSet<>();
    for (Path model : modelFiles()) {
      Matcher expressions = EXPRESSION.matcher(unescape(Files.readString(model)));
      while (expressions.find()) {
        for (IdentifierNode identifier :
            new Builder(Builder.Feature.METHOD_INVOCATIONS)
                .build("${" + expressions.group(1) + "}")
                .getIdentifierNodes()) {
          if (context.containsBean(identifier.getName())) {
            named.add(identifier.getName());
          }
        }
      }
    }

    assertThat(named).contains("coHandling", "notifyListener", "registerWorkOrderDelegate");
    assertThat(sandbox.rules().allowedBeans()).containsAll(named);
    for (String bean : named) {
      Object resolved = evaluate("${" + bean + "}");
      assertThat(resolved).as(bean).isInstanceOf(context.getType(bean));
      if (context.isSingleton(bean)) {
        assertThat(resolved).as(bean).isSameAs(context.getBean(bean));
      }
    }
  }

  @Test
  void theEngineSeesNoOtherComponent() {
    assertThat(sandbox.rules().allowedBeans())
        .doesNotContain("environment", "dataSource", "processEngine", "modelSandbox")
        .allSatisfy(
            bean ->
                assertThat(context.getType(bean).getPackageName()).startsWith("org.hotline12345"));
  }

  static Stream<Arguments> expressionsThatMustNotRun() {
    return Stream.of(
        Arguments.of(
            "${execution.setVariable('leak', environment.getProperty('java.version'))}",
            "Cannot resolve identifier 'environment'"),
        Arguments.of(
            "${execution.setVariable('leak', dataSource.connection)}",
            "Cannot resolve identifier 'dataSource'"),
        Arguments.of(
            "${execution.setVariable('leak', ''.getClass().forName('java.lang.Runtime'))}",
            "may not use 'getClass'"),
        Arguments.of(
            "${execution.setVariable('leak', coHandling['class'].classLoader)}",
            "may not use 'class'"),
        Arguments.of(
            "${execution.setVariable('leak', execution.processEngine.name)}",
            "may not use 'processEngine'"),
        Arguments.of(
            "${execution.setVariable('leak', execution.getProcessEngineServices()"
                + ".getRepositoryService().createDeploymentQuery().count())}",
            "may not use 'getProcessEngineServices'"),
        Arguments.of(
            "${execution.setVariable('leak', S('{}').mapTo('java.util.HashMap'))}",
            "may not use 'mapTo'"));
  }

  @Test
  void theProbeRunsAnExpressionThatStaysWithinItsVariablesAndDelegates() {
    String deployment =
        deployAsSystem("${execution.setVariable('leak', coHandling.units(execution).size())}");
    try {
      Answer started =
          ApiClient.as(port, "demo")
              .post("/engine-rest/process-definition/key/probeRuntime/start", Map.of());

      assertThat(started.status()).as(started.json().toString()).isEqualTo(200);
      assertThat(history.createHistoricVariableInstanceQuery().variableName("leak").count())
          .isOne();
    } finally {
      repository.deleteDeployment(deployment, true);
    }
  }

  /**
   * The deployment check sees people's deployments; a model that got in another way (here: deployed
   * by the application itself) is still limited when it runs.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("expressionsThatMustNotRun")
  void aModelDeployedAsTheSystemCannotReachBeyondItsDelegatesWhenItRuns(
      String expression, String refused) {
    String key = "probeRuntime";
    String deployment = deployAsSystem(expression);
    try {
      Answer started =
          ApiClient.as(port, "demo")
              .post("/engine-rest/process-definition/key/" + key + "/start", Map.of());

      assertThat(started.status()).isEqualTo(500);
      assertThat(started.json().path("message").asText()).contains(refused);
      assertThat(started.json().toString()).doesNotContain(JAVA_VERSION);
      assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(key).count()).isZero();
      assertThat(history.createHistoricVariableInstanceQuery().variableName("leak").count())
          .isZero();
    } finally {
      repository.deleteDeployment(deployment, true);
    }
  }

  /** As a decision evaluates its JUEL expressions: against the variables alone. */
  @Test
  void anObjectOfAForbiddenKindIsRefusedWhateverIsCalledOnIt() {
    JuelExpressionManager expressions = (JuelExpressionManager) engine.getExpressionManager();
    var variables =
        expressions.createElContext(
            Variables.createVariables()
                .putValue("handed", Runtime.getRuntime())
                .putValue("text", "12345")
                .asVariableContext());

    assertThatThrownBy(
            () ->
                expressions
                    .createValueExpression("${handed.availableProcessors()}")
                    .getValue(variables))
        .hasMessageContaining("may not use reflection")
        .hasMessageContaining("java.lang.Runtime");
    assertThat(expressions.createValueExpression("${text.length()}").getValue(variables))
        .isEqualTo(5);
  }

  @Test
  void noScriptRunsEvenInAModelDeployedAsTheSystem() {
    String key = "probeJuelScript";
    String deployment =
        repository
            .createDeployment()
            .addString(
                key + ".bpmn",
                probe(
                    key,
                    "<bpmn:scriptTask id=\"Task_Probe\" scriptFormat=\"juel\"><bpmn:script>"
                        + "${execution.setVariable('leak', ''.getClass().getName())}"
                        + "</bpmn:script></bpmn:scriptTask>"))
            .deploy()
            .getId();
    try {
      Answer started =
          ApiClient.as(port, "demo")
              .post("/engine-rest/process-definition/key/" + key + "/start", Map.of());

      assertThat(started.status()).isGreaterThanOrEqualTo(400);
      assertThat(started.json().path("message").asText())
          .contains("Can't find scripting engine for 'juel'");
      assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(key).count()).isZero();
      assertThat(history.createHistoricVariableInstanceQuery().variableName("leak").count())
          .isZero();
    } finally {
      repository.deleteDeployment(deployment, true);
    }
  }

  static Stream<Arguments> filterExpressions() {
    return Stream.of(
        Arguments.of("${environment.getProperty('java.version')}", "'environment'"),
        Arguments.of("${''.getClass().forName('java.lang.Runtime').getName()}", "'getClass'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filterExpressions")
  void anAdministratorCannotSaveAFilterWhoseQueryReachesBeyondTheFunctions(
      String expression, String refused) {
    ApiClient admin = ApiClient.as(port, "demo");
    long filtersBefore = filters.createFilterQuery().count();

    Answer created =
        admin.post(
            "/engine-rest/filter/create",
            Map.of(
                "resourceType", "Task",
                "name", "探测过滤器",
                "query", Map.of("assigneeExpression", expression)));

    assertThat(created.status()).isEqualTo(400);
    assertThat(created.json().path("message").asText())
        .contains("探测过滤器", "taskAssignee", refused, "被拒绝", "refused");
    assertThat(filters.createFilterQuery().count()).isEqualTo(filtersBefore);

    // nor change a filter it saved before into one
    Answer clean =
        admin.post(
            "/engine-rest/filter/create",
            Map.of(
                "resourceType", "Task",
                "name", "探测过滤器",
                "query", Map.of("assigneeExpression", "${currentUser()}")));
    assertThat(clean.status()).isEqualTo(200);
    String id = clean.json().path("id").asText();
    try {
      Answer updated =
          admin.put(
              "/engine-rest/filter/" + id,
              "{\"resourceType\": \"Task\", \"name\": \"探测过滤器\", \"query\": {\"assigneeExpression\": \""
                  + expression
                  + "\"}}");
      assertThat(updated.status()).isEqualTo(400);
      assertThat(admin.get("/engine-rest/filter/" + id).json().path("query").toString())
          .contains("${currentUser()}")
          .doesNotContain(refused);
    } finally {
      filters.deleteFilter(id);
    }
  }

  /**
   * A filter stored another way (by the application, or before this check existed) fails when it is
   * opened, and nothing of what it reached is shown.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "${environment.getProperty('java.version')}",
        "${''.getClass().forName('java.lang.Runtime').getName()}"
      })
  void aStoredFilterWhoseQueryReachesBeyondTheFunctionsFailsHarmlesslyWhenOpened(
      String expression) {
    Filter stored =
        filters.saveFilter(
            filters
                .newTaskFilter("探测过滤器")
                .setQuery(tasks.createTaskQuery().taskAssigneeExpression(expression)));
    try {
      Answer listed =
          ApiClient.as(port, "demo").get("/engine-rest/filter/" + stored.getId() + "/list");

      assertThat(listed.status()).isEqualTo(500);
      assertThat(listed.json().path("message").asText()).contains("Unable to resolve expression");
      assertThat(listed.json().toString()).doesNotContain(JAVA_VERSION, "java.lang.Runtime@");
    } finally {
      filters.deleteFilter(stored.getId());
    }
  }

  @Test
  void theDemoFiltersStillWorkWithTheirFunctions() {
    ApiClient water = ApiClient.as(port, "water1");
    JsonNode readable = water.get("/engine-rest/filter?resourceType=Task").json();
    List<String> names = new ArrayList<>();
    for (JsonNode filter : readable) {
      names.add(filter.path("name").asText());
      Answer count = water.get("/engine-rest/filter/" + filter.path("id").asText() + "/count");
      assertThat(count.status()).as(filter.path("name").asText()).isEqualTo(200);
      assertThat(count.json().path("count").isNumber()).isTrue();
    }
    // ${currentUser()}, and ${currentUserGroups()} with ${dateTime().plusDays(1).toDate()}
    assertThat(names).contains("我的待办", "即将超时");
  }

  private String deployAsSystem(String expression) {
    return repository
        .createDeployment()
        .addString(
            "probeRuntime.bpmn",
            probe(
                "probeRuntime",
                "<bpmn:serviceTask id=\"Task_Probe\" camunda:expression=\""
                    + expression.replace("'", "&apos;")
                    + "\" />"))
        .deploy()
        .getId();
  }

  private Object evaluate(String expression) {
    return engine
        .getCommandExecutorTxRequired()
        .execute(
            command -> engine.getExpressionManager().createExpression(expression).getValue(null));
  }

  private static List<Path> modelFiles() throws IOException {
    List<Path> models = new ArrayList<>();
    for (String folder : List.of("processes", "dmn", "forms")) {
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        files.sorted().forEach(models::add);
      }
    }
    return models;
  }

  private static String unescape(String xml) {
    return xml.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
  }
}
