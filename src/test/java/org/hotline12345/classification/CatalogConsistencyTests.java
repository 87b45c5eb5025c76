package org.hotline12345.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.hotline12345.workorder.WorkOrderProcess.Decisions;
import org.hotline12345.workorder.WorkOrderProcess.Forms;
import org.hotline12345.workorder.WorkOrderProcess.Vars;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The request types, categories and districts are kept in two places a process owner edits: the
 * choices of the start form and the declared input values of the decision tables. A code added to
 * one and not the other fails the build, naming the code and the place it is missing from; so does
 * a rule that tests a code its column does not declare (a typo would silently never match).
 */
class CatalogConsistencyTests {

  static Stream<Arguments> tableInputsTheStartFormFeeds() {
    return Stream.of(
        arguments(Decisions.PRIORITY, Decisions.URGENCY, Vars.REQUEST_TYPE),
        arguments(Decisions.PRIORITY, Decisions.URGENCY, Vars.CATEGORY),
        arguments(Decisions.PRIORITY, Decisions.PRIORITY, Vars.REQUEST_TYPE),
        arguments(Decisions.PRIORITY, Decisions.PRIORITY, Vars.CATEGORY),
        arguments(Decisions.ROUTING, Decisions.ROUTING, Vars.CATEGORY),
        arguments(Decisions.ROUTING, Decisions.ROUTING, Vars.DISTRICT));
  }

  @ParameterizedTest(name = "decision {1} declares exactly the {2} codes the start form offers")
  @MethodSource("tableInputsTheStartFormFeeds")
  void tableDeclaresExactlyTheCodesTheStartFormOffers(
      String file, String decision, String variable) {
    List<String> offered = ModelFiles.formOptions(Forms.REGISTER_REQUEST, variable);
    List<String> declared =
        ModelFiles.declaredInputValues(ModelFiles.readDecisionModel(file), decision, variable);

    SoftAssertions.assertSoftly(
        softly -> {
          softly
              .assertThat(missingFrom(declared, offered))
              .as(
                  "%s codes the start form %s offers but decision %s (%s) does not declare as input values",
                  variable, Forms.REGISTER_REQUEST, decision, ModelFiles.decisionResource(file))
              .isEmpty();
          softly
              .assertThat(missingFrom(offered, declared))
              .as(
                  "%s codes decision %s (%s) declares but the start form %s does not offer",
                  variable, decision, ModelFiles.decisionResource(file), Forms.REGISTER_REQUEST)
              .isEmpty();
        });
  }

  static Stream<Arguments> decisions() {
    return Stream.of(
        arguments(Decisions.PRIORITY, Decisions.URGENCY),
        arguments(Decisions.PRIORITY, Decisions.PRIORITY),
        arguments(Decisions.ROUTING, Decisions.ROUTING));
  }

  @ParameterizedTest(name = "every code a rule of {1} tests is one its column declares")
  @MethodSource("decisions")
  void everyCodeARuleTestsIsOneItsColumnDeclares(String file, String decision) {
    DmnModelInstance model = ModelFiles.readDecisionModel(file);
    DecisionTable table = ModelFiles.decisionTable(model, decision);
    List<Input> inputs = List.copyOf(table.getInputs());
    List<String> undeclared = new ArrayList<>();

    for (int column = 0; column < inputs.size(); column++) {
      Input input = inputs.get(column);
      if (input.getInputValues() == null) {
        continue;
      }
      String variable = input.getInputExpression().getText().getTextContent().trim();
      List<String> declared = ModelFiles.declaredInputValues(model, decision, variable);
      for (Rule rule : table.getRules()) {
        String entry = List.copyOf(rule.getInputEntries()).get(column).getText().getTextContent();
        for (String code : ModelFiles.quotedCodes(entry)) {
          if (!declared.contains(code)) {
            undeclared.add(rule.getId() + " tests " + variable + " = " + code);
          }
        }
      }
    }

    assertThat(undeclared)
        .as("rules of decision %s that test a code their column does not declare", decision)
        .isEmpty();
  }

  private static Set<String> missingFrom(List<String> place, List<String> codes) {
    Set<String> missing = new LinkedHashSet<>(codes);
    missing.removeAll(place);
    return missing;
  }
}
