package org.hotline12345.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.hotline12345.workorder.WorkOrderProcess.Decisions;
import org.hotline12345.workorder.WorkOrderProcess.Vars;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code dmn/workOrderPriority.dmn}, evaluated by the DMN engine as the process does: the required
 * decision {@code workOrderUrgency} decides whether an order is urgent, then {@code
 * workOrderPriority} gives its priority, signing limit and handling limit. One test per rule that
 * matters, then two properties over every combination of the inputs the table declares.
 */
class WorkOrderPriorityDecisionTests {

  private static final String SIGN_WITHIN_30_MINUTES = "PT30M";
  private static final String SIGN_WITHIN_4_HOURS = "PT4H";

  private static DmnEngine engine;
  private static DmnDecision priority;
  private static DmnModelInstance model;

  @BeforeAll
  static void parseTheTable() {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    priority = ModelFiles.parseDecision(engine, Decisions.PRIORITY, Decisions.PRIORITY);
    model = ModelFiles.readDecisionModel(Decisions.PRIORITY);
  }

  // ---- workOrderUrgency: what makes an order urgent

  @Test
  void agentsUrgentMarkMakesEvenAnOrdinarySuggestionUrgent() {
    assertThat(decide(request("SUGGESTION", "OTHER").markedUrgent()))
        .isEqualTo(new Priority(true, "FIRST", SIGN_WITHIN_30_MINUTES, 3));
  }

  @Test
  void specialServiceCallerIsUrgentEvenWhenTheAgentDidNotMarkIt() {
    assertThat(decide(request("CONSULTATION", "HOUSING_FUND_LOAN").fromSpecialServiceCaller()))
        .isEqualTo(new Priority(true, "FIRST", SIGN_WITHIN_30_MINUTES, 3));
  }

  @Test
  void wageArrearsIsUrgentEvenWhenTheAgentDidNotMarkIt() {
    assertThat(requestTypes())
        .allSatisfy(
            type ->
                assertThat(decide(request(type, "WAGE_ARREARS")))
                    .as("%s about wage arrears", type)
                    .isEqualTo(new Priority(true, "FIRST", SIGN_WITHIN_30_MINUTES, 3)));
  }

  @ParameterizedTest(name = "a call for help about {0} is urgent")
  @ValueSource(strings = {"WATER_SUPPLY", "HEATING"})
  void waterOrHeatingOutageHelpIsUrgent(String category) {
    assertThat(decide(request("HELP", category)))
        .isEqualTo(new Priority(true, "FIRST", SIGN_WITHIN_30_MINUTES, 3));
  }

  @ParameterizedTest(name = "a complaint about {0} is not urgent unless the agent marks it")
  @ValueSource(strings = {"WATER_SUPPLY", "HEATING"})
  void waterOrHeatingComplaintIsNotUrgentUnlessTheAgentMarksIt(String category) {
    assertThat(decide(request("COMPLAINT", category)).urgent()).isFalse();
    assertThat(decide(request("COMPLAINT", category).markedUrgent()).urgent()).isTrue();
  }

  // ---- workOrderPriority: priority, signing limit, handling limit

  @Test
  void urgentEnterpriseRequestIsSignedWithin30MinutesAndHandledTheSameDay() {
    assertThat(decide(request("COMPLAINT", "ROAD_FACILITIES").fromEnterprise().markedUrgent()))
        .isEqualTo(new Priority(true, "FIRST", SIGN_WITHIN_30_MINUTES, 0));
  }

  @Test
  void urgentRequestIsSignedWithin30MinutesAndHandledWithin3Days() {
    assertThat(decide(request("COMPLAINT", "ROAD_FACILITIES").markedUrgent()))
        .isEqualTo(new Priority(true, "FIRST", SIGN_WITHIN_30_MINUTES, 3));
  }

  @ParameterizedTest(name = "an enterprise''s {0} takes the green channel")
  @ValueSource(strings = {"CONSULTATION", "COMPLAINT", "SUGGESTION"})
  void enterpriseRequestTakesTheGreenChannelFirstPriorityHandledTheSameDay(String requestType) {
    assertThat(decide(request(requestType, "ROAD_FACILITIES").fromEnterprise()))
        .isEqualTo(new Priority(false, "FIRST", SIGN_WITHIN_4_HOURS, 0));
  }

  @Test
  void callForHelpIsFirstPriorityHandledWithin5Days() {
    assertThat(decide(request("HELP", "ROAD_FACILITIES")))
        .isEqualTo(new Priority(false, "FIRST", SIGN_WITHIN_4_HOURS, 5));
  }

  @ParameterizedTest(name = "a consultation about {0} is a hot-policy consultation")
  @ValueSource(
      strings = {
        "PENSION_RESIDENT_CONSULT", "SOCIAL_INSURANCE_QUERY", "SOCIAL_SECURITY_CARD",
            "UNEMPLOYMENT_INSURANCE",
        "WORK_INJURY_INSURANCE", "MEDICAL_RESIDENT_CLAIM", "MEDICAL_OUT_OF_AREA",
            "HOUSING_FUND_LOAN",
        "HOUSING_FUND_WITHDRAWAL", "HOUSING_FUND_BALANCE"
      })
  void hotPolicyConsultationIsFirstPriority(String category) {
    assertThat(decide(request("CONSULTATION", category)))
        .isEqualTo(new Priority(false, "FIRST", SIGN_WITHIN_4_HOURS, 3));
  }

  @ParameterizedTest(name = "a consultation about {0} is second priority")
  @ValueSource(
      strings = {
        "WATER_SUPPLY",
        "HEATING",
        "ROAD_FACILITIES",
        "NOISE",
        "PROPERTY_MANAGEMENT",
        "OTHER"
      })
  void otherConsultationIsSecondPriority(String category) {
    assertThat(decide(request("CONSULTATION", category)))
        .isEqualTo(new Priority(false, "SECOND", SIGN_WITHIN_4_HOURS, 3));
  }

  @ParameterizedTest(name = "a {0} is handled within 10 days")
  @ValueSource(strings = {"COMPLAINT", "REPORT"})
  void complaintOrReportIsHandledWithin10Days(String requestType) {
    assertThat(decide(request(requestType, "NOISE")))
        .isEqualTo(new Priority(false, "SECOND", SIGN_WITHIN_4_HOURS, 10));
  }

  @ParameterizedTest(name = "a {0} is handled within 15 days")
  @ValueSource(strings = {"SUGGESTION", "PRAISE"})
  void suggestionOrPraiseIsHandledWithin15Days(String requestType) {
    assertThat(decide(request(requestType, "SANITATION")))
        .isEqualTo(new Priority(false, "SECOND", SIGN_WITHIN_4_HOURS, 15));
  }

  // ---- properties over every combination the table declares

  @Test
  void tableMayRaiseTheAgentsUrgentMarkButNeverLowerIt() {
    List<String> lowered = new ArrayList<>();
    for (Request request : everyRequest()) {
      if (!request.urgentMarked()) {
        continue;
      }
      DmnDecisionResult result = evaluate(request);
      if (result.size() != 1
          || !Boolean.TRUE.equals(result.getSingleResult().getEntry(Vars.URGENT))
          || !SIGN_WITHIN_30_MINUTES.equals(result.getSingleResult().getEntry(Vars.SIGN_LIMIT))) {
        lowered.add(request + " -> " + result.getResultList());
      }
    }

    assertThat(lowered)
        .as(
            "requests the agent marked urgent that the table does not treat as urgent (signed within %s)",
            SIGN_WITHIN_30_MINUTES)
        .isEmpty();
  }

  @Test
  void everyValidRequestGetsExactlyOnePriorityAndUsableLimits() {
    List<String> unusable = new ArrayList<>();
    for (Request request : everyRequest()) {
      DmnDecisionResult result = evaluate(request);
      if (result.size() != 1) {
        unusable.add(request + " -> " + result.size() + " results");
        continue;
      }
      DmnDecisionResultEntries entries = result.getSingleResult();
      Integer handleLimitDays = entries.getEntry(Vars.HANDLE_LIMIT_DAYS);
      if (entries.getEntry(Vars.URGENT) == null
          || entries.getEntry(Vars.PRIORITY) == null
          || !List.of(SIGN_WITHIN_30_MINUTES, SIGN_WITHIN_4_HOURS)
              .contains(entries.<String>getEntry(Vars.SIGN_LIMIT))
          || handleLimitDays == null
          || handleLimitDays < 0) {
        unusable.add(request + " -> " + entries.getEntryMap());
      }
    }

    assertThat(unusable)
        .as(
            "requests without exactly one result with %s, %s in {%s, %s} and %s >= 0",
            Vars.PRIORITY,
            Vars.SIGN_LIMIT,
            SIGN_WITHIN_30_MINUTES,
            SIGN_WITHIN_4_HOURS,
            Vars.HANDLE_LIMIT_DAYS)
        .isEmpty();
  }

  /**
   * Every request type × category the tables declare × enterprise × special service × urgent mark.
   */
  private static List<Request> everyRequest() {
    List<String> categories =
        ModelFiles.declaredInputValues(model, Decisions.PRIORITY, Vars.CATEGORY);
    List<Request> all = new ArrayList<>();
    for (String type : requestTypes()) {
      for (String category : categories) {
        for (boolean enterprise : new boolean[] {false, true}) {
          for (boolean special : new boolean[] {false, true}) {
            for (boolean marked : new boolean[] {false, true}) {
              all.add(new Request(type, category, marked, special, enterprise));
            }
          }
        }
      }
    }
    return all;
  }

  private static List<String> requestTypes() {
    return ModelFiles.declaredInputValues(model, Decisions.PRIORITY, Vars.REQUEST_TYPE);
  }

  private static Request request(String requestType, String category) {
    return new Request(requestType, category, false, false, false);
  }

  private static DmnDecisionResult evaluate(Request request) {
    return engine.evaluateDecision(priority, request.variables());
  }

  private static Priority decide(Request request) {
    DmnDecisionResult result = evaluate(request);
    assertThat(result).as("results for %s", request).hasSize(1);
    DmnDecisionResultEntries entries = result.getSingleResult();
    return new Priority(
        entries.getEntry(Vars.URGENT),
        entries.getEntry(Vars.PRIORITY),
        entries.getEntry(Vars.SIGN_LIMIT),
        entries.getEntry(Vars.HANDLE_LIMIT_DAYS));
  }

  /** What the agent registers; the flags default to "no". */
  record Request(
      String requestType,
      String category,
      boolean urgentMarked,
      boolean specialService,
      boolean enterprise) {

    Request markedUrgent() {
      return new Request(requestType, category, true, specialService, enterprise);
    }

    Request fromSpecialServiceCaller() {
      return new Request(requestType, category, urgentMarked, true, enterprise);
    }

    Request fromEnterprise() {
      return new Request(requestType, category, urgentMarked, specialService, true);
    }

    Map<String, Object> variables() {
      Map<String, Object> variables = new HashMap<>();
      variables.put(Vars.REQUEST_TYPE, requestType);
      variables.put(Vars.CATEGORY, category);
      variables.put(Vars.URGENT_MARKED, urgentMarked);
      variables.put(Vars.SPECIAL_SERVICE, specialService);
      variables.put(Vars.ENTERPRISE, enterprise);
      return variables;
    }
  }

  /** What the table decides. */
  record Priority(Boolean urgent, String priority, String signLimit, Integer handleLimitDays) {}
}
