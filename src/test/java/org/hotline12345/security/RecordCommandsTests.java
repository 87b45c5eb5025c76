package org.hotline12345.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessInstanceAttachmentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessInstanceCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskEventsCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd;
import org.camunda.bpm.engine.impl.migration.batch.MigrateProcessInstanceBatchCmd;
import org.junit.jupiter.api.Test;

/**
 * The record guard's decisions against the Camunda engine jar on the classpath: every command that
 * writes is decided on, so an engine upgrade that brings a new one fails here until someone
 * decides; and the command fields the checks read still exist.
 */
class RecordCommandsTests {

  /** How the engine names commands that write (create, change, delete, move, complete...). */
  private static final List<String> WRITING_PREFIXES =
      List.of(
          "Activate",
          "Add",
          "Assign",
          "Claim",
          "Close",
          "Complete",
          "Correlate",
          "Create",
          "Delegate",
          "Delete",
          "Deploy",
          "Disable",
          "Evaluate",
          "Execute",
          "Handle",
          "ManualStart",
          "Message",
          "Migrate",
          "Modify",
          "Patch",
          "ProcessInstanceModification",
          "Purge",
          "Recalculate",
          "Reenable",
          "Remove",
          "Resolve",
          "Restart",
          "Save",
          "Set",
          "Signal",
          "Start",
          "Submit",
          "Suspend",
          "Terminate",
          "Unlock",
          "Update");

  @Test
  void everyCommandOfTheEngineThatWritesIsRefusedCheckedOrReviewed() throws Exception {
    List<Class<?>> writing = writingCommandsOfTheEngine();
    Set<Class<?>> decided = new HashSet<>(RecordCommands.REFUSED.keySet());
    decided.addAll(RecordCommands.CHECKED.keySet());
    decided.addAll(RecordCommands.ALLOWED);

    assertThat(writing)
        .as("the engine jar has the commands we know (the scan works)")
        .contains(
            org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd.class,
            org.camunda.bpm.engine.impl.cmd.batch.removaltime
                .SetRemovalTimeToHistoricProcessInstancesCmd.class,
            MigrateProcessInstanceBatchCmd.class)
        .hasSizeGreaterThan(150);
    assertThat(
            new TreeSet<>(
                writing.stream().filter(c -> !decided.contains(c)).map(Class::getName).toList()))
        .as(
            "commands that write and are in none of RecordCommands' lists: decide each"
                + " (REFUSED, CHECKED or ALLOWED) and say why")
        .isEmpty();
  }

  @Test
  void aCommandHasOneDecision() {
    Set<Class<?>> refusedAndChecked = new HashSet<>(RecordCommands.REFUSED.keySet());
    refusedAndChecked.retainAll(RecordCommands.CHECKED.keySet());
    Set<Class<?>> refusedAndAllowed = new HashSet<>(RecordCommands.REFUSED.keySet());
    refusedAndAllowed.retainAll(RecordCommands.ALLOWED);
    Set<Class<?>> checkedAndAllowed = new HashSet<>(RecordCommands.CHECKED.keySet());
    checkedAndAllowed.retainAll(RecordCommands.ALLOWED);

    assertThat(refusedAndChecked).isEmpty();
    assertThat(refusedAndAllowed).isEmpty();
    assertThat(checkedAndAllowed).isEmpty();
  }

  @Test
  void theChecksReadWhatThePersonSubmitted() {
    Map<String, Object> submitted = Map.of("phone", "13000000000", "reviewDecision", "ACCEPTED");

    assertThat(RecordChecks.submittedTaskVariables(new CompleteTaskCmd("t", submitted)))
        .isEqualTo(submitted);
    assertThat(
            RecordChecks.submittedTaskVariables(
                new SubmitTaskFormCmd("t", submitted, false, false)))
        .isEqualTo(submitted);
    assertThat(RecordChecks.submittedTaskVariables(new ResolveTaskCmd("t", submitted)))
        .isEqualTo(submitted);
    assertThat(
            RecordChecks.submittedTaskVariables(
                new HandleTaskBpmnErrorCmd("t", "code", "message", submitted)))
        .isEqualTo(submitted);
    assertThat(
            RecordChecks.submittedTaskVariables(
                new HandleTaskEscalationCmd("t", "code", submitted)))
        .isEqualTo(submitted);
    assertThat(
            RecordChecks.submittedStartVariables(
                new SubmitStartFormCmd("definition", "key", submitted)))
        .isEqualTo(submitted);
    ProcessInstantiationBuilderImpl start =
        (ProcessInstantiationBuilderImpl)
            ProcessInstantiationBuilderImpl.createProcessInstanceByKey(null, "workOrder")
                .setVariables(submitted);
    assertThat(RecordChecks.submittedStartVariables(new StartProcessInstanceCmd(start)))
        .isEqualTo(submitted);
  }

  @Test
  void theFieldsTheChecksReadExistInTheEngine() {
    Map<Class<?>, List<String>> read =
        Map.ofEntries(
            Map.entry(CompleteTaskCmd.class, List.of("taskId", "variables")),
            Map.entry(SubmitTaskFormCmd.class, List.of("taskId", "properties")),
            Map.entry(ResolveTaskCmd.class, List.of("taskId", "variables")),
            Map.entry(HandleTaskBpmnErrorCmd.class, List.of("taskId", "variables")),
            Map.entry(HandleTaskEscalationCmd.class, List.of("taskId", "variables")),
            Map.entry(StartProcessInstanceCmd.class, List.of("instantiationBuilder")),
            Map.entry(SubmitStartFormCmd.class, List.of("processDefinitionId", "variables")),
            Map.entry(MigrateProcessInstanceCmd.class, List.of("executionBuilder")),
            Map.entry(MigrateProcessInstanceBatchCmd.class, List.of("executionBuilder")),
            Map.entry(SaveTaskCmd.class, List.of("task")),
            Map.entry(AddCommentCmd.class, List.of("taskId", "processInstanceId")),
            Map.entry(
                CreateAttachmentCmd.class,
                List.of(
                    "taskId",
                    "processInstanceId",
                    "attachmentType",
                    "attachmentName",
                    "content",
                    "url")),
            Map.entry(GetTaskCommentCmd.class, List.of("taskId")),
            Map.entry(GetTaskCommentsCmd.class, List.of("taskId")),
            Map.entry(GetTaskEventsCmd.class, List.of("taskId")),
            Map.entry(GetTaskAttachmentCmd.class, List.of("taskId")),
            Map.entry(GetTaskAttachmentsCmd.class, List.of("taskId")),
            Map.entry(GetTaskAttachmentContentCmd.class, List.of("taskId")),
            Map.entry(GetProcessInstanceCommentsCmd.class, List.of("processInstanceId")),
            Map.entry(GetProcessInstanceAttachmentsCmd.class, List.of("processInstanceId")),
            Map.entry(GetAttachmentCmd.class, List.of("attachmentId")),
            Map.entry(GetAttachmentContentCmd.class, List.of("attachmentId")),
            Map.entry(ExecuteJobsCmd.class, List.of("jobId")));

    assertThat(read.keySet())
        .as("every checked command")
        .containsExactlyInAnyOrderElementsOf(RecordCommands.CHECKED.keySet());
    read.forEach(
        (command, fields) ->
            fields.forEach(
                field -> assertThat(hasField(command, field)).as(command + "." + field).isTrue()));
    assertThat(hasField(FailedJobListener.class, "jobFailureCollector"))
        .as("a refused job execution is recognised, not counted as a failed try")
        .isTrue();
  }

  /** Every concrete command class of the engine jar whose name says it writes. */
  private static List<Class<?>> writingCommandsOfTheEngine() throws IOException {
    String jar = Command.class.getProtectionDomain().getCodeSource().getLocation().getPath();
    List<Class<?>> commands = new ArrayList<>();
    try (JarFile engine = new JarFile(jar)) {
      for (JarEntry entry : java.util.Collections.list(engine.entries())) {
        String name = entry.getName();
        if (!name.startsWith("org/camunda/bpm/engine/impl/")
            || !name.endsWith(".class")
            || name.contains("$")) {
          continue;
        }
        Class<?> type;
        try {
          type =
              Class.forName(
                  name.substring(0, name.length() - ".class".length()).replace('/', '.'),
                  false,
                  RecordCommandsTests.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError optionalDependencyMissing) {
          continue;
        }
        if (Command.class.isAssignableFrom(type)
            && !type.isInterface()
            && !Modifier.isAbstract(type.getModifiers())
            && WRITING_PREFIXES.stream().anyMatch(prefix -> isVerb(type.getSimpleName(), prefix))) {
          commands.add(type);
        }
      }
    }
    return commands;
  }

  /** {@code DeployCmd} starts with the verb Deploy, {@code DeploymentQueryImpl} does not. */
  private static boolean isVerb(String simpleName, String prefix) {
    return simpleName.startsWith(prefix)
        && simpleName.length() > prefix.length()
        && Character.isUpperCase(simpleName.charAt(prefix.length()));
  }

  private static boolean hasField(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        c.getDeclaredField(name);
        return true;
      } catch (NoSuchFieldException notHere) {
        // the superclass may declare it
      }
    }
    return false;
  }
}
