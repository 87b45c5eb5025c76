package org.hotline12345.knowledge;

import static org.hotline12345.knowledge.KnowledgeGapProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task "记录缺口超时": the unit did not write the answer by the deadline; the gap is marked overdue (it
 * counts in the unit's assessment). Whether supervisors already chase it is left in {@code
 * alreadySupervised} for the next gateway: a gap sent back after its deadline is not chased twice.
 */
@Component
public class RecordGapOverdueDelegate implements JavaDelegate {

  static final String ALREADY_SUPERVISED = "alreadySupervised";

  private static final Logger LOG = LoggerFactory.getLogger(RecordGapOverdueDelegate.class);

  @Override
  public void execute(DelegateExecution execution) {
    boolean already = Boolean.TRUE.equals(execution.getVariable(Vars.GAP_OVERDUE));
    execution.setVariable(Vars.GAP_OVERDUE, true);
    execution.setVariableLocal(ALREADY_SUPERVISED, already);
    LOG.warn(
        "Knowledge gap {}: {} did not answer by {}",
        execution.getProcessBusinessKey(),
        execution.getVariable(Vars.UNIT),
        execution.getVariable(Vars.DEADLINE));
  }
}
