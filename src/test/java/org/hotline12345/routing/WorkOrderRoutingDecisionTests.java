package org.hotline12345.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.hotline12345.classification.ModelFiles;
import org.hotline12345.organisation.Units;
import org.hotline12345.workorder.WorkOrderProcess.Decisions;
import org.hotline12345.workorder.WorkOrderProcess.Forms;
import org.hotline12345.workorder.WorkOrderProcess.Vars;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code dmn/workOrderRouting.dmn}, evaluated by the DMN engine: city-wide matters go to their
 * department or utility wherever the caller lives, local matters to the district, property
 * management only as a suggestion, and anything else to a dispatcher.
 */
class WorkOrderRoutingDecisionTests {

  private static DmnEngine engine;
  private static DmnDecision routing;
  private static DmnModelInstance model;

  @BeforeAll
  static void parseTheTable() {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    routing = ModelFiles.parseDecision(engine, Decisions.ROUTING, Decisions.ROUTING);
    model = ModelFiles.readDecisionModel(Decisions.ROUTING);
  }

  @ParameterizedTest(name = "{0} goes to the human resources and social security bureau")
  @ValueSource(
      strings = {
        "PENSION_RESIDENT_CONSULT", "PENSION_RESIDENT_PAYMENT", "SOCIAL_INSURANCE_QUERY",
            "SOCIAL_INSURANCE_CERT",
        "SOCIAL_SECURITY_CARD", "WAGE_ARREARS", "PENSION_EMPLOYEE_PAYMENT",
            "PENSION_EMPLOYEE_QUERY",
        "UNEMPLOYMENT_INSURANCE", "WORK_INJURY_INSURANCE"
      })
  void socialInsurancePensionsAndWagesGoToHumanResourcesInEveryDistrict(String category) {
    assertRoutedInEveryDistrict(category, Units.HRSS);
  }

  @ParameterizedTest(name = "{0} goes to the medical security bureau")
  @ValueSource(
      strings = {
        "MEDICAL_RESIDENT_CONSULT",
        "MEDICAL_RESIDENT_ENROL",
        "MEDICAL_RESIDENT_CLAIM",
        "MEDICAL_FILING",
        "MEDICAL_OUT_OF_AREA"
      })
  void medicalInsuranceGoesToMedicalSecurityInEveryDistrict(String category) {
    assertRoutedInEveryDistrict(category, Units.MEDICAL_SECURITY);
  }

  @ParameterizedTest(name = "{0} goes to the housing fund centre")
  @ValueSource(
      strings = {
        "HOUSING_FUND_LOAN",
        "HOUSING_FUND_WITHDRAWAL",
        "HOUSING_FUND_DEPOSIT",
        "HOUSING_FUND_TRANSFER",
        "HOUSING_FUND_BALANCE"
      })
  void housingFundGoesToTheHousingFundCentreInEveryDistrict(String category) {
    assertRoutedInEveryDistrict(category, Units.HOUSING_FUND);
  }

  @Test
  void waterSupplyGoesToTheWaterCompanyInEveryDistrict() {
    assertRoutedInEveryDistrict("WATER_SUPPLY", Units.WATER);
  }

  @Test
  void heatingGoesToTheHeatingCompanyInEveryDistrict() {
    assertRoutedInEveryDistrict("HEATING", Units.HEATING);
  }

  @ParameterizedTest(name = "{0} goes to the district where it happens")
  @ValueSource(strings = {"ROAD_FACILITIES", "SANITATION", "NOISE"})
  void roadsSanitationAndNoiseGoToTheDistrictWhereTheyHappen(String category) {
    assertThat(route(category, "SAERTU")).contains(new Route(Units.DISTRICT_SAERTU, true));
    assertThat(route(category, "RANGHULU")).contains(new Route(Units.DISTRICT_RANGHULU, true));
  }

  @Test
  void propertyManagementOnlySuggestsTheDistrictAndLeavesTheChoiceToADispatcher() {
    assertThat(route("PROPERTY_MANAGEMENT", "SAERTU"))
        .contains(new Route(Units.DISTRICT_SAERTU, false));
    assertThat(route("PROPERTY_MANAGEMENT", "RANGHULU"))
        .contains(new Route(Units.DISTRICT_RANGHULU, false));
  }

  @Test
  void otherRequestsGetNoUnitSoADispatcherChooses() {
    assertThat(districts())
        .allSatisfy(
            district -> assertThat(route("OTHER", district)).as("OTHER in %s", district).isEmpty());
  }

  @Test
  void everyUnitTheTableCanNameIsOneTheDispatcherCanChoose() {
    Set<String> named =
        new LinkedHashSet<>(ModelFiles.ruleOutputCodes(model, Decisions.ROUTING, Vars.ROUTED_UNIT));
    named.addAll(ModelFiles.declaredOutputValues(model, Decisions.ROUTING, Vars.ROUTED_UNIT));

    assertThat(named).as("units the routing table names").isNotEmpty();
    assertThat(ModelFiles.formOptions(Forms.CHOOSE_UNIT, Vars.UNIT))
        .as("units the dispatcher form %s offers", Forms.CHOOSE_UNIT)
        .containsAll(named);
  }

  @ParameterizedTest(name = "{0}: livelihood request {1}")
  @org.junit.jupiter.params.provider.CsvSource({
    "SOCIAL_INSURANCE_QUERY, true",
    "WAGE_ARREARS, true",
    "MEDICAL_OUT_OF_AREA, true",
    "HOUSING_FUND_WITHDRAWAL, true",
    "WATER_SUPPLY, false",
    "NOISE, false",
    "PROPERTY_MANAGEMENT, false"
  })
  void socialInsuranceMedicalAndHousingFundAreLivelihoodRequestsCalledBackNextWorkingDay(
      String category, boolean livelihood) {
    for (String district : districts()) {
      assertThat(
              engine
                  .evaluateDecision(
                      routing, Map.of(Vars.CATEGORY, category, Vars.DISTRICT, district))
                  .getSingleResult()
                  .<Boolean>getEntry(Vars.CONTACT_NEXT_WORKING_DAY))
          .as("%s in %s", category, district)
          .isEqualTo(livelihood);
    }
  }

  private void assertRoutedInEveryDistrict(String category, String unit) {
    assertThat(districts())
        .allSatisfy(
            district ->
                assertThat(route(category, district))
                    .as("%s in %s", category, district)
                    .contains(new Route(unit, true)));
  }

  private static List<String> districts() {
    return ModelFiles.declaredInputValues(model, Decisions.ROUTING, Vars.DISTRICT);
  }

  private static Optional<Route> route(String category, String district) {
    DmnDecisionResult result =
        engine.evaluateDecision(routing, Map.of(Vars.CATEGORY, category, Vars.DISTRICT, district));
    assertThat(result).as("results for %s in %s", category, district).hasSizeLessThanOrEqualTo(1);
    return result.isEmpty()
        ? Optional.empty()
        : Optional.of(
            new Route(
                result.getSingleResult().getEntry(Vars.ROUTED_UNIT),
                result.getSingleResult().getEntry(Vars.ROUTING_CERTAIN)));
  }

  /** The unit the table names and whether it is sure of it. */
  record Route(String unit, Boolean certain) {}
}
