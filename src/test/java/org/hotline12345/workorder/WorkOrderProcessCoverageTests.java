package org.hotline12345.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The process tests exercise every flow node and sequence flow of every process in processes/. Runs
 * after every other test class (junit-platform.properties orders classes) and reads the reports
 * that the process-test-coverage listener wrote in this same run for the process test classes
 * (those named {@code *ProcessTests}, such as {@link WorkOrderProcessTests}).
 */
@Order(Integer.MAX_VALUE)
class WorkOrderProcessCoverageTests {

  private static final Path REPORTS = Path.of("target", "process-test-coverage");

  @Test
  void processTestsCoverEveryFlowNodeAndSequenceFlow() throws IOException {
    Path workOrderReport = report(WorkOrderProcessTests.class.getName());
    Assumptions.assumeTrue(
        isFromThisRun(workOrderReport), "WorkOrderProcessTests did not run in this test run");

    Set<String> covered = new HashSet<>();
    try (Stream<Path> classes = Files.list(REPORTS)) {
      for (Path report :
          classes
              .filter(c -> c.getFileName().toString().endsWith("ProcessTests"))
              .map(c -> report(c.getFileName().toString()))
              .filter(WorkOrderProcessCoverageTests::isFromThisRun)
              .toList()) {
        for (JsonNode suite : new ObjectMapper().readTree(report.toFile()).path("suites")) {
          for (JsonNode run : suite.path("runs")) {
            run.path("events").forEach(e -> covered.add(e.path("definitionKey").asText()));
          }
        }
      }
    }
    Set<String> elements = new TreeSet<>();
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        for (FlowElement e :
            Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(FlowElement.class)) {
          if (e instanceof FlowNode || e instanceof SequenceFlow) {
            elements.add(model.getFileName() + ": " + e.getId());
          }
        }
      }
    }
    elements.removeIf(e -> covered.contains(e.substring(e.indexOf(": ") + 2)));

    assertThat(elements).as("elements of the processes no process test passes").isEmpty();
  }

  private static Path report(String testClass) {
    return REPORTS.resolve(testClass).resolve("report.json");
  }

  private static boolean isFromThisRun(Path report) {
    try {
      return Files.exists(report)
          && Files.getLastModifiedTime(report).toMillis()
              >= ManagementFactory.getRuntimeMXBean().getStartTime();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
