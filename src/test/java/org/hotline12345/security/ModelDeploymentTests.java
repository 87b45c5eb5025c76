package org.hotline12345.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.hotline12345.ApiClient;
import org.hotline12345.ApiClient.Answer;
import org.hotline12345.HotlineSpringTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process owner deploys from Camunda Modeler ({@code POST /engine-rest/deployment/create},
 * multipart, with the refusal's {@code message} shown in Modeler's log): models that would run code
 * of their own are refused with the file, element and attribute named, and nothing is deployed.
 */
@HotlineSpringTest
class ModelDeploymentTests {

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired ModelSandbox sandbox;

  static Stream<Arguments> refusedModels() {
    return Stream.of(
        Arguments.of(
            "an expression reading the application's environment",
            probe(
                "probeEnvironment",
                "<bpmn:serviceTask id=\"Task_Probe\" camunda:expression=\"${execution.setVariable('x',"
                    + " environment.getProperty('java.version'))}\" />"),
            List.of("Task_Probe", "camunda:expression", "environment", "应用组件", "component")),
        Arguments.of(
            "a delegate expression naming the environment",
            probe(
                "probeEnvironmentDelegate",
                "<bpmn:serviceTask id=\"Task_Probe\" camunda:delegateExpression=\"${environment}\" />"),
            List.of("Task_Probe", "camunda:delegateExpression", "environment")),
        Arguments.of(
            "a delegate expression naming the data source",
            probe(
                "probeDataSource",
                "<bpmn:serviceTask id=\"Task_Probe\" camunda:delegateExpression=\"${dataSource}\" />"),
            List.of("Task_Probe", "camunda:delegateExpression", "dataSource")),
        Arguments.of(
            "a script task",
            probe(
                "probeScriptTask",
                "<bpmn:scriptTask id=\"Task_Probe\" scriptFormat=\"javascript\">"
                    + "<bpmn:script>java.lang.Runtime.getRuntime()</bpmn:script>"
                    + "</bpmn:scriptTask>"),
            List.of("Task_Probe", "bpmn:scriptTask", "脚本", "scripts are not allowed")),
        Arguments.of(
            "a Java class name",
            probe(
                "probeClass",
                "<bpmn:serviceTask id=\"Task_Probe\" camunda:class=\"java.lang.Runtime\" />"),
            List.of("Task_Probe", "camunda:class", "Java class names")),
        Arguments.of(
            "a listener given by class name",
            probe(
                "probeListenerClass",
                "<bpmn:userTask id=\"Task_Probe\"><bpmn:extensionElements>"
                    + "<camunda:executionListener class=\"java.lang.Runtime\" event=\"start\" />"
                    + "</bpmn:extensionElements></bpmn:userTask>"),
            List.of("Task_Probe", "class", "camunda:executionListener", "Java class names")),
        Arguments.of(
            "a script in an input mapping",
            probe(
                "probeInputScript",
                "<bpmn:userTask id=\"Task_Probe\"><bpmn:extensionElements><camunda:inputOutput>"
                    + "<camunda:inputParameter name=\"x\">"
                    + "<camunda:script scriptFormat=\"juel\">${true}</camunda:script>"
                    + "</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>"
                    + "</bpmn:userTask>"),
            List.of("Task_Probe", "camunda:script", "scripts are not allowed")),
        Arguments.of(
            "a script condition",
            probe(
                "probeScriptCondition",
                "<bpmn:userTask id=\"Task_Probe\" />",
                "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\""
                    + " language=\"javascript\">true</bpmn:conditionExpression>"),
            List.of("Flow_ProbeToWait", "language", "javascript", "scripts are not allowed")),
        Arguments.of(
            "an external script resource",
            probe(
                "probeScriptResource",
                "<bpmn:scriptTask id=\"Task_Probe\" scriptFormat=\"juel\""
                    + " camunda:resource=\"classpath://application.yaml\" />"),
            List.of("Task_Probe", "camunda:resource", "external resources")),
        Arguments.of(
            "getClass on a delegate",
            probe(
                "probeDelegateGetClass",
                "<bpmn:serviceTask id=\"Task_Probe\" camunda:expression=\"${execution.setVariable('x',"
                    + " coHandling.getClass().getClassLoader())}\" />"),
            List.of("Task_Probe", "camunda:expression", "getClass", "reflection")),
        Arguments.of(
            "Class.forName on a string",
            probe(
                "probeForName",
                "<bpmn:serviceTask id=\"Task_Probe\""
                    + " camunda:expression=\"${''.getClass().forName('java.lang.Runtime')}\" />"),
            List.of("Task_Probe", "camunda:expression", "getClass", "forName")),
        Arguments.of(
            "the engine behind an execution",
            probe(
                "probeEngine",
                "<bpmn:serviceTask id=\"Task_Probe\" camunda:expression=\"${execution.processEngine"
                    + ".repositoryService.createDeploymentQuery().count()}\" />"),
            List.of("Task_Probe", "camunda:expression", "processEngine")),
        Arguments.of(
            "a process that would keep its orders' history for 30 days",
            probe("probeShortHistory", "<bpmn:userTask id=\"Task_Probe\" />")
                .replace("P1825D", "P30D"),
            List.of("probeShortHistory", "camunda:historyTimeToLive", "P1825D", "P30D")),
        Arguments.of(
            "a DOCTYPE with an external entity",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<!DOCTYPE definitions [<!ENTITY host SYSTEM \"file:///etc/hostname\">]>"
                + probe("probeEntity", "<bpmn:userTask id=\"Task_Probe\" name=\"&host;\" />")
                    .substring(PROLOGUE.length()),
            List.of("DOCTYPE")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedModels")
  void aModelThatWouldRunCodeOfItsOwnIsRefusedAndNothingIsDeployed(
      String what, String model, List<String> named) {
    long deploymentsBefore = repository.createDeploymentQuery().count();

    Answer answer = deployAsModeler("probe.bpmn", Map.of("probe.bpmn", model));

    assertThat(answer.status()).as(what).isEqualTo(400);
    assertThat(answer.json().path("message").asText())
        .as(what)
        .contains("模型被拒绝", "Model refused", "probe.bpmn")
        .contains(named);
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKeyLike("probe%").count())
        .isZero();
  }

  @Test
  void aDecisionWithAScriptLanguageIsRefused() {
    long deploymentsBefore = repository.createDeploymentQuery().count();
    String decision =
        PROLOGUE
            + "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\""
            + " xmlns:camunda=\"http://camunda.org/schema/1.0/dmn\" id=\"Definitions_probeDecision\""
            + " name=\"probe\" namespace=\"http://hotline12345.org/test\">"
            + "<decision id=\"probeDecision\" name=\"probe\" camunda:historyTimeToLive=\"P1825D\">"
            + "<decisionTable id=\"DecisionTable_Probe\"><input id=\"Input_Probe\">"
            + "<inputExpression id=\"InputExpression_Probe\" typeRef=\"string\""
            + " expressionLanguage=\"javascript\"><text>java.lang.System.exit(1)</text>"
            + "</inputExpression></input><output id=\"Output_Probe\" name=\"result\""
            + " typeRef=\"string\" /></decisionTable></decision></definitions>";

    Answer answer = deployAsModeler("probeDecision.dmn", Map.of("probeDecision.dmn", decision));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("message").asText())
        .contains("probeDecision.dmn", "InputExpression_Probe", "expressionLanguage", "javascript");
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
    assertThat(
            repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey("probeDecision")
                .count())
        .isZero();
  }

  @Test
  void aFileOfAKindTheApplicationDoesNotDeployIsRefusedWithTheCleanModelBesideIt() {
    long deploymentsBefore = repository.createDeploymentQuery().count();
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        "probeAttachment.bpmn", probe("probeAttachment", "<bpmn:userTask id=\"Task_Probe\" />"));
    files.put("payload.groovy", "'touch /tmp/pwned'.execute()");

    Answer answer = deployAsModeler("probeAttachment.bpmn", files);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("message").asText())
        .contains("payload.groovy", ".bpmn", ".dmn", ".form")
        .doesNotContain("probeAttachment.bpmn");
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
    assertThat(
            repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("probeAttachment")
                .count())
        .isZero();
  }

  @Test
  void aCleanModelDeploysFromModeler() {
    long deploymentsBefore = repository.createDeploymentQuery().count();
    String model =
        probe(
            "probeClean",
            "<bpmn:serviceTask id=\"Task_Probe\" camunda:expression=\"${execution.setVariable("
                + "'dueBy', dateTime().plusDays(1).toDate())}\">"
                + "<bpmn:extensionElements>"
                + "<camunda:executionListener delegateExpression=\"${notifyListener}\" event=\"end\">"
                + "<camunda:field name=\"message\"><camunda:string>${literal}</camunda:string>"
                + "</camunda:field></camunda:executionListener></bpmn:extensionElements>"
                + "</bpmn:serviceTask>");

    Answer answer = deployAsModeler("probeClean.bpmn", Map.of("probeClean.bpmn", model));

    try {
      assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
      assertThat(repository.createDeploymentQuery().count()).isEqualTo(deploymentsBefore + 1);
      assertThat(
              repository.createProcessDefinitionQuery().processDefinitionKey("probeClean").count())
          .isOne();
    } finally {
      if (answer.status() == 200) {
        repository.deleteDeployment(answer.json().path("id").asText(), true);
      }
    }
  }

  @Test
  void everyModelOfTheProjectPassesTheCheckModelerWouldMeet() throws IOException {
    List<Path> models = new ArrayList<>();
    for (String folder : List.of("processes", "dmn", "forms")) {
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        files.sorted().forEach(models::add);
      }
    }
    assertThat(models).hasSizeGreaterThan(20);
    for (Path model : models) {
      assertThat(
              sandbox
                  .deploymentCheck()
                  .refusalsOf(model.getFileName().toString(), Files.readAllBytes(model)))
          .as("%s as a process owner would deploy it", model)
          .isEmpty();
    }
  }

  private Answer deployAsModeler(String diagram, Map<String, String> files) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("deployment-name", diagram.substring(0, diagram.indexOf('.')));
    fields.put("deployment-source", "Camunda Modeler");
    fields.put("enable-duplicate-filtering", "true");
    return ApiClient.as(port, "owner1")
        .postMultipart("/engine-rest/deployment/create", fields, files);
  }

  static final String PROLOGUE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

  /** A process: start, the element {@code Task_Probe}, a user task, end. */
  static String probe(String key, String element) {
    return probe(key, element, "");
  }

  /** The same, with a condition on the flow from {@code Task_Probe} to the user task. */
  static String probe(String key, String element, String condition) {
    return PROLOGUE
        + """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="Definitions_%1$s" targetNamespace="http://hotline12345.org/test">
          <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1825D">
            <bpmn:startEvent id="StartEvent_Probe" />
            <bpmn:sequenceFlow id="Flow_StartToProbe" sourceRef="StartEvent_Probe"
                targetRef="Task_Probe" />
            %2$s
            <bpmn:sequenceFlow id="Flow_ProbeToWait" sourceRef="Task_Probe" targetRef="Task_Wait">%3$s</bpmn:sequenceFlow>
            <bpmn:userTask id="Task_Wait" />
            <bpmn:sequenceFlow id="Flow_WaitToEnd" sourceRef="Task_Wait" targetRef="EndEvent_Probe" />
            <bpmn:endEvent id="EndEvent_Probe" />
          </bpmn:process>
        </bpmn:definitions>
        """
            .formatted(key, element, condition);
  }
}
