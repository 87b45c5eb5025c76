package org.hotline12345;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.hotline12345.workorder.WorkOrderProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The model files as process owners keep them: every file deployed together, each named after its
 * key, readable ids (never Modeler's generated ones), a form for every human step, and a bean
 * behind every delegate expression.
 */
@HotlineSpringTest
class ModelFilesTests {

  /**
   * Ids Camunda Modeler and form-js generate: a type, "_", then 7 random characters (Flow_1abc2de).
   */
  private static final Pattern GENERATED_ID =
      Pattern.compile("(^|_)[0-9][0-9a-z]{6}(_di)?$|^sid-|^id_[0-9]");

  private static final Pattern ID_ATTRIBUTE =
      Pattern.compile("\\bid=\"([^\"]+)\"|\"id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern DELEGATE_EXPRESSION =
      Pattern.compile("delegateExpression=\"\\$\\{([A-Za-z]+)}\"");

  @Autowired RepositoryService repository;
  @Autowired ApplicationContext context;

  @Test
  void everyModelFileIsDeployedTogetherWithTheWorkOrderProcess() throws IOException {
    ProcessDefinition latest =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(WorkOrderProcess.KEY)
            .latestVersion()
            .singleResult();
    List<String> deployed =
        repository.getDeploymentResources(latest.getDeploymentId()).stream()
            .map(Resource::getName)
            .map(name -> name.substring(name.lastIndexOf('/') + 1))
            .toList();

    assertThat(deployed)
        .containsAll(modelFiles().stream().map(p -> p.getFileName().toString()).toList());
  }

  @Test
  void eachFileIsNamedAfterTheKeyItHolds() throws IOException {
    for (Path file : modelFiles()) {
      String name = file.getFileName().toString();
      String key = name.substring(0, name.lastIndexOf('.'));
      String text = Files.readString(file);
      String expected =
          switch (name.substring(name.lastIndexOf('.') + 1)) {
            case "bpmn" -> "<bpmn:process id=\"" + key + "\"";
            case "dmn" -> "<decision id=\"" + key + "\"";
            default -> "\"id\": \"" + key + "\"";
          };
      assertThat(text).as("%s holds the key %s", file, key).contains(expected);
    }
  }

  @Test
  void noModelHasAGeneratedId() throws IOException {
    List<String> generated = new ArrayList<>();
    for (Path file : modelFiles()) {
      Matcher ids = ID_ATTRIBUTE.matcher(Files.readString(file));
      while (ids.find()) {
        String id = ids.group(1) != null ? ids.group(1) : ids.group(2);
        if (GENERATED_ID.matcher(id).find()) {
          generated.add(file + ": " + id);
        }
      }
    }
    assertThat(generated).as("give these ids names that say what they are").isEmpty();
  }

  @Test
  void theIdCheckRecognisesModelersGeneratedIds() {
    assertThat(
            Stream.of(
                "Activity_0x1y2z3",
                "Flow_1abc2de",
                "Gateway_0k3j2h1",
                "Field_0ab12cd",
                "Flow_1abc2de_di"))
        .allMatch(id -> GENERATED_ID.matcher(id).find());
    assertThat(
            Stream.of(
                "Task_SignWorkOrder", "Flow_UnitCertainNo", "Field_content", "Rule_WageArrears"))
        .noneMatch(id -> GENERATED_ID.matcher(id).find());
  }

  @Test
  void everyHumanStepHasItsFormFromTheSameDeployment() throws IOException {
    for (Path file : files("processes", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        assertFormOf(task.getId(), task.getCamundaFormRef(), task.getCamundaFormRefBinding());
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        // Processes the engine starts itself are not offered in Tasklist and need no start form.
        if (start.getParentElement() instanceof Process process
            && process.isCamundaStartableInTasklist()) {
          assertFormOf(start.getId(), start.getCamundaFormRef(), start.getCamundaFormRefBinding());
        }
      }
    }
  }

  @Test
  void everyDelegateExpressionNamesADelegateOrListenerBean() throws IOException {
    for (Path file : files("processes", ".bpmn")) {
      Matcher beans = DELEGATE_EXPRESSION.matcher(Files.readString(file));
      while (beans.find()) {
        Object bean = context.getBean(beans.group(1));
        assertThat(bean)
            .as("bean %s in %s", beans.group(1), file)
            .isInstanceOfAny(JavaDelegate.class, TaskListener.class);
      }
    }
  }

  private static void assertFormOf(String element, String formRef, String binding) {
    assertThat(formRef).as("%s has a Camunda Form", element).isNotBlank();
    assertThat(binding).as("%s binds its form to the deployment", element).isEqualTo("deployment");
    assertThat(Path.of("forms", formRef + ".form")).as("form of %s", element).exists();
  }

  private static List<Path> modelFiles() throws IOException {
    List<Path> all = new ArrayList<>(files("processes", ".bpmn"));
    all.addAll(files("dmn", ".dmn"));
    all.addAll(files("forms", ".form"));
    assertThat(all).as("model files found from the project folder").isNotEmpty();
    return all;
  }

  private static List<Path> files(String folder, String ending) throws IOException {
    try (Stream<Path> paths = Files.list(Path.of(folder))) {
      return paths.filter(p -> p.toString().endsWith(ending)).sorted().toList();
    }
  }
}
