package org.hotline12345;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * Every Camunda Form is bound to what its process knows: each user task's and start event's {@code
 * camunda:formRef} names a form of {@code forms/} by the form's {@code id}, and each field {@code
 * key} of that form is a variable something uses. A field nothing reads is data the user types in
 * vain; a misspelt key is a value the process never sees.
 *
 * <p>"Something uses it", approximated from the sources: the variable is named in an expression of
 * the process's BPMN (conditions, candidate groups, due dates, input/output mappings, the
 * initiator), in a DMN table (inputs or outputs), in the Java sources under {@code src/main/java}
 * as a string constant (this covers {@code WorkOrderProcess.Vars}, which listeners and delegates
 * read), or it is shown by another form (a later step reads it).
 */
class FormBindingTests {

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern JAVA_STRING = Pattern.compile("\"([A-Za-z_][A-Za-z0-9_]*)\"");
  private static final Pattern DMN_INPUT =
      Pattern.compile("<inputExpression[^>]*>\\s*<text>([^<]*)</text>");
  private static final Pattern DMN_OUTPUT_NAME =
      Pattern.compile("<output [^>]*\\bname=\"([^\"]+)\"");
  private static final Pattern BPMN_NAMED_VARIABLE =
      Pattern.compile(
          "camunda:(?:initiator|collection|elementVariable|resultVariable|decisionRefBinding)=\"([^\"]+)\""
              + "|camunda:(?:inputParameter|outputParameter) name=\"([^\"]+)\""
              + "|camunda:(?:in|out) [^>]*?(?:source|target|variables)=\"([^\"]+)\"");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void everyFormRefNamesAFormByItsIdAndEveryFieldIsAVariableTheProcessUses() throws IOException {
    assertThat(problems(formsById())).as("form bindings").isEmpty();
  }

  @Test
  void aMissingFormAndAMisspeltFieldAreNamedWithTheirTask() throws IOException {
    Map<String, JsonNode> forms = formsById();
    forms.remove("reviewReply");
    String misspelt =
        json.writeValueAsString(forms.get("handleWorkOrder"))
            .replace("\"key\":\"replyContent\"", "\"key\":\"replyContnet\"");
    forms.put("handleWorkOrder", json.readTree(misspelt));

    assertThat(problems(forms))
        .containsExactlyInAnyOrder(
            "workOrder.bpmn user task Task_ReviewReply (审核答复) names form 'reviewReply', but no"
                + " forms/*.form has that id",
            "workOrder.bpmn user task Task_HandleWorkOrder (办理工单), form 'handleWorkOrder',"
                + " field 'replyContnet': no process expression, decision table, Java constant or"
                + " other form uses it");
  }

  private List<String> problems(Map<String, JsonNode> formsById) throws IOException {
    Set<String> javaConstants = javaStringConstants();
    Set<String> dmnVariables = dmnVariables();
    List<String> problems = new ArrayList<>();

    for (Path file : files("processes", ".bpmn")) {
      String xml = Files.readString(file);
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      Set<String> processVariables = bpmnVariables(xml);
      List<FlowElement> humanSteps = new ArrayList<>(model.getModelElementsByType(UserTask.class));
      humanSteps.addAll(model.getModelElementsByType(StartEvent.class));
      for (FlowElement step : humanSteps) {
        String formRef =
            step instanceof UserTask task
                ? task.getCamundaFormRef()
                : ((StartEvent) step).getCamundaFormRef();
        if (formRef == null) {
          if (step instanceof UserTask) {
            problems.add(where(file, step) + " has no camunda:formRef");
          }
          continue; // a start event without a form is started by the system
        }
        JsonNode form = formsById.get(formRef);
        if (form == null) {
          problems.add(
              where(file, step) + " names form '" + formRef + "', but no forms/*.form has that id");
          continue;
        }
        for (String key : fieldKeys(form)) {
          boolean used =
              processVariables.contains(key)
                  || dmnVariables.contains(key)
                  || javaConstants.contains(key)
                  || shownByAnotherForm(formsById, formRef, key);
          if (!used) {
            problems.add(
                where(file, step)
                    + ", form '"
                    + formRef
                    + "', field '"
                    + key
                    + "': no process expression, decision table, Java constant or other form uses it");
          }
        }
      }
    }

    return problems;
  }

  private static String where(Path file, FlowElement step) {
    String kind = step instanceof UserTask ? "user task" : "start event";
    return file.getFileName() + " " + kind + " " + step.getId() + " (" + step.getName() + ")";
  }

  private Map<String, JsonNode> formsById() throws IOException {
    Map<String, JsonNode> forms = new HashMap<>();
    for (Path file : files("forms", ".form")) {
      JsonNode form = json.readTree(file.toFile());
      forms.put(form.path("id").asText(), form);
    }
    return forms;
  }

  /**
   * The keys of every input field of a form, nested groups included (text and groups have none).
   */
  static Set<String> fieldKeys(JsonNode form) {
    Set<String> keys = new LinkedHashSet<>();
    collectKeys(form.path("components"), keys);
    return keys;
  }

  private static void collectKeys(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      collectKeys(component.path("components"), keys);
    }
  }

  private static boolean shownByAnotherForm(
      Map<String, JsonNode> formsById, String formId, String key) {
    return formsById.entrySet().stream()
        .filter(e -> !e.getKey().equals(formId))
        .anyMatch(e -> fieldKeys(e.getValue()).contains(key));
  }

  /** Identifiers in the process's expressions and the variables its XML names explicitly. */
  private static Set<String> bpmnVariables(String xml) {
    Set<String> names = new HashSet<>();
    String text = xml.replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&");
    Matcher expressions = EXPRESSION.matcher(text);
    while (expressions.find()) {
      identifiers(expressions.group(1), names);
    }
    Matcher named = BPMN_NAMED_VARIABLE.matcher(xml);
    while (named.find()) {
      for (int g = 1; g <= named.groupCount(); g++) {
        if (named.group(g) != null) {
          names.add(named.group(g));
        }
      }
    }
    return names;
  }

  /** The variables the decision tables read (input expressions) and write (output names). */
  private static Set<String> dmnVariables() throws IOException {
    Set<String> names = new HashSet<>();
    for (Path file : files("dmn", ".dmn")) {
      String xml = Files.readString(file);
      Matcher inputs = DMN_INPUT.matcher(xml);
      while (inputs.find()) {
        identifiers(inputs.group(1), names);
      }
      Matcher outputs = DMN_OUTPUT_NAME.matcher(xml);
      while (outputs.find()) {
        names.add(outputs.group(1));
      }
    }
    return names;
  }

  /** Every identifier-like string literal of the Java sources, e.g. the WorkOrderProcess.Vars. */
  private static Set<String> javaStringConstants() throws IOException {
    Set<String> names = new HashSet<>();
    try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher strings = JAVA_STRING.matcher(Files.readString(source));
        while (strings.find()) {
          names.add(strings.group(1));
        }
      }
    }
    return names;
  }

  private static void identifiers(String expression, Set<String> names) {
    Matcher identifiers = IDENTIFIER.matcher(expression.replaceAll("\"[^\"]*\"|'[^']*'", " "));
    while (identifiers.find()) {
      names.add(identifiers.group());
    }
  }

  private static List<Path> files(String folder, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(Path.of(folder))) {
      List<Path> found = files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
      assertThat(found).as("%s/*%s", folder, suffix).isNotEmpty();
      return found;
    }
  }
}
