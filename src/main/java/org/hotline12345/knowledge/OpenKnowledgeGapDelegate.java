package org.hotline12345.knowledge;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hotline12345.workorder.WorkOrderProcess;
import org.springframework.stereotype.Component;

/**
 * Bean {@code openKnowledgeGapDelegate}: the work order's question could not be answered from the
 * knowledge base, so the responsible unit must add the answer within 5 working days: opens a {@code
 * knowledgeGap} process (see {@link KnowledgeGaps#open}).
 *
 * <p>Reads {@code content} (the question), {@code category}, the unit from {@code routedUnit} or,
 * if that is empty, {@code unit}, and the work-order number from the business key (or {@code
 * workOrderNumber}). Writes {@code knowledgeGapKey}, the gap's business key {@code KG-<number>}.
 * Running it twice for one order opens one gap. Fails (an incident, with {@code asyncBefore}) if
 * the category or unit is missing or unknown.
 */
@Component
public class OpenKnowledgeGapDelegate implements JavaDelegate {

  public static final String GAP_KEY = "knowledgeGapKey";

  private final KnowledgeGaps gaps;

  public OpenKnowledgeGapDelegate(KnowledgeGaps gaps) {
    this.gaps = gaps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String unit = (String) execution.getVariable(WorkOrderProcess.Vars.ROUTED_UNIT);
    if (unit == null || unit.isBlank()) {
      unit = (String) execution.getVariable(WorkOrderProcess.Vars.UNIT);
    }
    String number = execution.getProcessBusinessKey();
    if (number == null) {
      number = (String) execution.getVariable(WorkOrderProcess.Vars.WORK_ORDER_NUMBER);
    }
    execution.setVariable(
        GAP_KEY,
        gaps.open(
            (String) execution.getVariable(WorkOrderProcess.Vars.CONTENT),
            (String) execution.getVariable(WorkOrderProcess.Vars.CATEGORY),
            unit,
            number));
  }
}
