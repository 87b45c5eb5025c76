package org.hotline12345.classification;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.hotline12345.forms.FormSchema;
import org.hotline12345.forms.FormSchema.Option;

/**
 * Test support: the decision tables and forms as the process owner edits them, read from the
 * classpath the way the engine deploys them ({@code dmn/<decision file>.dmn}, {@code forms/<form
 * id>.form}), so tests compare the files themselves rather than copies of them.
 */
public final class ModelFiles {

  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

  private ModelFiles() {}

  /** The classpath resource of a decision file, named after its (top) decision key. */
  public static String decisionResource(String decisionKey) {
    return "dmn/" + decisionKey + ".dmn";
  }

  /**
   * The decision {@code decisionKey} of the file {@code dmn/<fileKey>.dmn}, parsed by the engine.
   */
  public static DmnDecision parseDecision(DmnEngine engine, String fileKey, String decisionKey) {
    try (InputStream in = open(decisionResource(fileKey))) {
      return engine.parseDecision(decisionKey, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The model of the file {@code dmn/<fileKey>.dmn}, as the Modeler shows it. */
  public static DmnModelInstance readDecisionModel(String fileKey) {
    try (InputStream in = open(decisionResource(fileKey))) {
      return Dmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The decision table of a decision in a model, failing clearly if there is none. */
  public static DecisionTable decisionTable(DmnModelInstance model, String decisionKey) {
    if (!(model.getModelElementById(decisionKey) instanceof Decision decision)) {
      return fail("the decision file holds no decision %s", decisionKey);
    }
    if (!(decision.getExpression() instanceof DecisionTable table)) {
      return fail("decision %s is not a decision table", decisionKey);
    }
    return table;
  }

  /** The input column of a table whose expression is the variable {@code variable}. */
  public static Input input(DmnModelInstance model, String decisionKey, String variable) {
    return decisionTable(model, decisionKey).getInputs().stream()
        .filter(
            i ->
                i.getInputExpression() != null
                    && i.getInputExpression().getText() != null
                    && variable.equals(i.getInputExpression().getText().getTextContent().trim()))
        .findFirst()
        .orElseGet(
            () -> fail("decision %s has no input column for variable %s", decisionKey, variable));
  }

  /** The codes an input column declares as its allowed values, in table order. */
  public static List<String> declaredInputValues(
      DmnModelInstance model, String decisionKey, String variable) {
    Input input = input(model, decisionKey, variable);
    if (input.getInputValues() == null || input.getInputValues().getText() == null) {
      return fail("the %s input of decision %s declares no input values", variable, decisionKey);
    }
    List<String> codes = quotedCodes(input.getInputValues().getText().getTextContent());
    if (codes.isEmpty()) {
      return fail(
          "the %s input of decision %s declares an empty list of input values",
          variable, decisionKey);
    }
    return codes;
  }

  /** The output column of a table named {@code name}. */
  public static Output output(DmnModelInstance model, String decisionKey, String name) {
    return decisionTable(model, decisionKey).getOutputs().stream()
        .filter(o -> name.equals(o.getName()))
        .findFirst()
        .orElseGet(() -> fail("decision %s has no output %s", decisionKey, name));
  }

  /** The codes an output column declares as its allowed values; empty if it declares none. */
  public static List<String> declaredOutputValues(
      DmnModelInstance model, String decisionKey, String name) {
    Output output = output(model, decisionKey, name);
    if (output.getOutputValues() == null || output.getOutputValues().getText() == null) {
      return List.of();
    }
    return quotedCodes(output.getOutputValues().getText().getTextContent());
  }

  /** Every code any rule of the table writes into the output column {@code name}. */
  public static Set<String> ruleOutputCodes(
      DmnModelInstance model, String decisionKey, String name) {
    DecisionTable table = decisionTable(model, decisionKey);
    int column = List.copyOf(table.getOutputs()).indexOf(output(model, decisionKey, name));
    Set<String> codes = new LinkedHashSet<>();
    for (Rule rule : table.getRules()) {
      codes.addAll(
          quotedCodes(List.copyOf(rule.getOutputEntries()).get(column).getText().getTextContent()));
    }
    return codes;
  }

  /** The string literals of a FEEL text such as {@code "A","B"} or {@code not("A")}. */
  public static List<String> quotedCodes(String feel) {
    List<String> codes = new ArrayList<>();
    Matcher m = QUOTED.matcher(feel == null ? "" : feel);
    while (m.find()) {
      codes.add(m.group(1));
    }
    return codes;
  }

  /**
   * The codes a select of the form {@code forms/<formId>.form} offers for the field {@code key}.
   */
  public static List<String> formOptions(String formId, String key) {
    FormSchema form;
    try (InputStream in = open("forms/" + formId + ".form")) {
      form = FormSchema.parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    FormSchema.Field field =
        form.field(key).orElseGet(() -> fail("form %s has no editable field %s", formId, key));
    if (!field.hasFixedOptions()) {
      return fail("field %s of form %s offers no fixed options", key, formId);
    }
    return field.options().stream().map(Option::value).toList();
  }

  private static InputStream open(String resource) {
    InputStream in = ModelFiles.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      return fail("%s is not on the classpath", resource);
    }
    return in;
  }
}
