package org.hotline12345.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.SetAnnotationForOperationLog;
import org.camunda.bpm.engine.impl.SetJobsRetriesByProcessBatchCmd;
import org.camunda.bpm.engine.impl.batch.DeleteBatchCmd;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.batch.history.DeleteHistoricBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ActivateBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ActivateJobCmd;
import org.camunda.bpm.engine.impl.cmd.ActivateJobDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.ActivateProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.ActivateProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AddGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AddIdentityLinkForProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.AddUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAuthorizationCommand;
import org.camunda.bpm.engine.impl.cmd.CreateFilterCmd;
import org.camunda.bpm.engine.impl.cmd.CreateGroupCmd;
import org.camunda.bpm.engine.impl.cmd.CreateGroupQueryCmd;
import org.camunda.bpm.engine.impl.cmd.CreateIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateMigrationPlanCmd;
import org.camunda.bpm.engine.impl.cmd.CreateNativeUserQueryCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantGroupMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantQueryCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantUserMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateUserCmd;
import org.camunda.bpm.engine.impl.cmd.CreateUserQueryCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricCaseInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricCaseInstancesBulkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricTaskInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstancesByProcessInstanceIdCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkForProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteLicenseKeyCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMetricsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByKeyCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.DeletePropertyCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskMetricsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantGroupMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantUserMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserInfoCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserOperationLogEntryCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserPictureCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListPageCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterSingleResultCmd;
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
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskFailureCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.PatchExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.PurgeDatabaseAndCacheCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveGroupCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTenantCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SetAnnotationForIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetExternalTaskPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetExternalTaskRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SetExternalTasksRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.SetExternalTasksRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDefinitionPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.SetLicenseKeyCmd;
import org.camunda.bpm.engine.impl.cmd.SetProcessDefinitionVersionCmd;
import org.camunda.bpm.engine.impl.cmd.SetPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskDescriptionCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskDueDateCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskFollowUpDateCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskNameCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetUserInfoCmd;
import org.camunda.bpm.engine.impl.cmd.SetUserPictureCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.SuspendBatchCmd;
import org.camunda.bpm.engine.impl.cmd.SuspendJobCmd;
import org.camunda.bpm.engine.impl.cmd.SuspendJobDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.SuspendProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.SuspendProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockJobCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockUserCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateDecisionDefinitionHistoryTimeToLiveCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateProcessDefinitionHistoryTimeToLiveCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateProcessInstancesSuspendStateBatchCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateProcessInstancesSuspendStateCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteHistoricProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricBatchesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricDecisionInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.CaseExecutionVariableCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.CloseCaseInstanceCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.CompleteCaseExecutionCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.CreateCaseInstanceCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.DisableCaseExecutionCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.ManualStartCaseExecutionCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.ReenableCaseExecutionCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.TerminateCaseExecutionCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.UpdateCaseDefinitionHistoryTimeToLiveCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstanceByDefinitionIdCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstanceByInstanceIdCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstancesBatchCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstancesBulkCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.EvaluateDecisionCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.EvaluateDecisionTableCmd;
import org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd;
import org.camunda.bpm.engine.impl.migration.batch.MigrateProcessInstanceBatchCmd;

/**
 * What {@link RecordGuard} decides for each engine command a person runs, written down command by
 * command: refused outright (with the reason a refusal names), refused unless a check passes, or
 * reviewed and left to Camunda's own authorizations. A command in none of the three lists runs as
 * Camunda decides; {@code RecordCommandsTests} fails when a Camunda upgrade brings a command that
 * writes and is in none of them.
 */
final class RecordCommands {

  /** Why a whole kind of command is refused, in the users' language and in English. */
  enum Refusal {
    DELETES_RECORDS(
        "工单、流程及其历史不可删除，只在保存期满后由历史清理移除",
        "a work order, its process and its history are never deleted; only the history cleanup"
            + " removes them once their time to live has passed"),
    CHANGES_RETENTION("不可改动记录的保存期限", "how long the records are kept is not changed by hand"),
    WRITES_VARIABLES("变量只能通过提交表单步骤写入", "variables are written only by submitting a form step"),
    BYPASSES_STEPS(
        "工单只能按流程步骤推进，不可改道、重启、发消息或代替系统完成",
        "a work order moves only through its process steps: no modification, restart, message,"
            + " signal or completing the system's own tasks by hand"),
    NO_CASE_MODELS("热线不使用案例模型（CMMN）", "the hotline runs no case models (CMMN)"),
    CHANGES_DEADLINES(
        "不可改动已记录的期限和任务属性",
        "a recorded deadline and a task's recorded attributes are not changed by hand"),
    CHANGES_NOTES("备注和附件一经添加不可修改或删除", "comments and attachments are never changed or deleted");

    final String chinese;
    final String english;

    Refusal(String chinese, String english) {
      this.chinese = chinese;
      this.english = english;
    }
  }

  /** The rule a command must pass before it may run as a person. */
  enum Check {
    /** Every submitted variable is a field the task's form lets the user fill in. */
    TASK_FORM_FIELDS,
    /** Every submitted variable is a field of the process's start form. */
    START_FORM_FIELDS,
    /** The migration plan sets no variables. */
    MIGRATION_WITHOUT_VARIABLES,
    /** An existing task: nothing but its follow-up date changes. */
    FOLLOW_UP_DATE_ONLY,
    /** The author works the open task; an attachment is a file of an allowed type. */
    NOTE_ON_OWN_OPEN_TASK,
    /** The reader may read the task (runtime or history). */
    READ_TASK,
    /** The reader may read the process instance (runtime or history). */
    READ_PROCESS_INSTANCE,
    /** The reader may read the task or process instance the attachment belongs to. */
    READ_ATTACHMENT,
    /** A timer is not fired before it is due. */
    DUE_JOBS_ONLY
  }

  static final Map<Class<?>, Refusal> REFUSED;

  static {
    Map<Class<?>, Refusal> refused = new LinkedHashMap<>();
    refuse(
        refused,
        Refusal.DELETES_RECORDS,
        DeleteDeploymentCmd.class,
        DeleteProcessDefinitionsByIdsCmd.class,
        DeleteProcessDefinitionsByKeyCmd.class,
        DeleteProcessInstanceCmd.class,
        DeleteProcessInstancesCmd.class,
        DeleteProcessInstanceBatchCmd.class,
        DeleteHistoricProcessInstancesCmd.class,
        DeleteHistoricProcessInstancesBatchCmd.class,
        DeleteHistoricTaskInstanceCmd.class,
        DeleteHistoricVariableInstanceCmd.class,
        DeleteHistoricVariableInstancesByProcessInstanceIdCmd.class,
        DeleteHistoricDecisionInstanceByDefinitionIdCmd.class,
        DeleteHistoricDecisionInstanceByInstanceIdCmd.class,
        DeleteHistoricDecisionInstancesBatchCmd.class,
        DeleteHistoricDecisionInstancesBulkCmd.class,
        DeleteHistoricCaseInstanceCmd.class,
        DeleteHistoricCaseInstancesBulkCmd.class,
        DeleteBatchCmd.class,
        DeleteHistoricBatchCmd.class,
        DeleteUserOperationLogEntryCmd.class,
        DeleteTaskCmd.class,
        DeleteJobCmd.class,
        DeleteJobsCmd.class,
        PurgeDatabaseAndCacheCmd.class);
    refuse(
        refused,
        Refusal.CHANGES_RETENTION,
        SetRemovalTimeToHistoricProcessInstancesCmd.class,
        SetRemovalTimeToHistoricDecisionInstancesCmd.class,
        SetRemovalTimeToHistoricBatchesCmd.class,
        UpdateProcessDefinitionHistoryTimeToLiveCmd.class,
        UpdateDecisionDefinitionHistoryTimeToLiveCmd.class,
        UpdateCaseDefinitionHistoryTimeToLiveCmd.class);
    refuse(
        refused,
        Refusal.WRITES_VARIABLES,
        SetTaskVariablesCmd.class,
        PatchTaskVariablesCmd.class,
        RemoveTaskVariablesCmd.class,
        SetExecutionVariablesCmd.class,
        PatchExecutionVariablesCmd.class,
        RemoveExecutionVariablesCmd.class,
        SetVariablesToProcessInstancesBatchCmd.class);
    refuse(
        refused,
        Refusal.BYPASSES_STEPS,
        ModifyProcessInstanceCmd.class,
        ModifyProcessInstanceAsyncCmd.class,
        ProcessInstanceModificationCmd.class,
        ProcessInstanceModificationBatchCmd.class,
        RestartProcessInstancesCmd.class,
        RestartProcessInstancesBatchCmd.class,
        StartProcessInstanceAtActivitiesCmd.class,
        SetProcessDefinitionVersionCmd.class,
        CorrelateMessageCmd.class,
        CorrelateAllMessageCmd.class,
        CorrelateAllMessageBatchCmd.class,
        MessageEventReceivedCmd.class,
        SignalEventReceivedCmd.class,
        SignalCmd.class,
        EvaluateStartConditionCmd.class,
        CompleteExternalTaskCmd.class,
        HandleExternalTaskBpmnErrorCmd.class,
        HandleExternalTaskFailureCmd.class);
    refuse(
        refused,
        Refusal.NO_CASE_MODELS,
        CreateCaseInstanceCmd.class,
        CaseExecutionVariableCmd.class,
        ManualStartCaseExecutionCmd.class,
        CompleteCaseExecutionCmd.class,
        DisableCaseExecutionCmd.class,
        ReenableCaseExecutionCmd.class,
        TerminateCaseExecutionCmd.class,
        CloseCaseInstanceCmd.class);
    refuse(
        refused,
        Refusal.CHANGES_DEADLINES,
        SetTaskNameCmd.class,
        SetTaskDescriptionCmd.class,
        SetTaskDueDateCmd.class,
        SetTaskPriorityCmd.class,
        SetJobDuedateCmd.class,
        RecalculateJobDuedateCmd.class);
    refuse(
        refused,
        Refusal.CHANGES_NOTES,
        SaveAttachmentCmd.class,
        DeleteAttachmentCmd.class,
        UpdateCommentCmd.class,
        DeleteTaskCommentCmd.class,
        DeleteProcessInstanceCommentCmd.class);
    REFUSED = Map.copyOf(refused);
  }

  static final Map<Class<?>, Check> CHECKED =
      Map.ofEntries(
          Map.entry(CompleteTaskCmd.class, Check.TASK_FORM_FIELDS),
          Map.entry(SubmitTaskFormCmd.class, Check.TASK_FORM_FIELDS),
          Map.entry(ResolveTaskCmd.class, Check.TASK_FORM_FIELDS),
          Map.entry(HandleTaskBpmnErrorCmd.class, Check.TASK_FORM_FIELDS),
          Map.entry(HandleTaskEscalationCmd.class, Check.TASK_FORM_FIELDS),
          Map.entry(StartProcessInstanceCmd.class, Check.START_FORM_FIELDS),
          Map.entry(SubmitStartFormCmd.class, Check.START_FORM_FIELDS),
          Map.entry(MigrateProcessInstanceCmd.class, Check.MIGRATION_WITHOUT_VARIABLES),
          Map.entry(MigrateProcessInstanceBatchCmd.class, Check.MIGRATION_WITHOUT_VARIABLES),
          Map.entry(SaveTaskCmd.class, Check.FOLLOW_UP_DATE_ONLY),
          Map.entry(AddCommentCmd.class, Check.NOTE_ON_OWN_OPEN_TASK),
          Map.entry(CreateAttachmentCmd.class, Check.NOTE_ON_OWN_OPEN_TASK),
          Map.entry(GetTaskCommentCmd.class, Check.READ_TASK),
          Map.entry(GetTaskCommentsCmd.class, Check.READ_TASK),
          Map.entry(GetTaskEventsCmd.class, Check.READ_TASK),
          Map.entry(GetTaskAttachmentCmd.class, Check.READ_TASK),
          Map.entry(GetTaskAttachmentsCmd.class, Check.READ_TASK),
          Map.entry(GetTaskAttachmentContentCmd.class, Check.READ_TASK),
          Map.entry(GetProcessInstanceCommentsCmd.class, Check.READ_PROCESS_INSTANCE),
          Map.entry(GetProcessInstanceAttachmentsCmd.class, Check.READ_PROCESS_INSTANCE),
          Map.entry(GetAttachmentCmd.class, Check.READ_ATTACHMENT),
          Map.entry(GetAttachmentContentCmd.class, Check.READ_ATTACHMENT),
          Map.entry(ExecuteJobsCmd.class, Check.DUE_JOBS_ONLY));

  /**
   * Reviewed and left to Camunda's authorizations: they change no recorded fact of a work order.
   */
  static final Set<Class<?>> ALLOWED =
      Set.of(
          // Camunda Admin: users, groups, tenants, memberships, authorizations.
          CreateUserCmd.class,
          SaveUserCmd.class,
          DeleteUserCmd.class,
          UnlockUserCmd.class,
          SetUserInfoCmd.class,
          DeleteUserInfoCmd.class,
          SetUserPictureCmd.class,
          DeleteUserPictureCmd.class,
          CreateGroupCmd.class,
          SaveGroupCmd.class,
          DeleteGroupCmd.class,
          CreateMembershipCmd.class,
          DeleteMembershipCmd.class,
          CreateTenantCmd.class,
          SaveTenantCmd.class,
          DeleteTenantCmd.class,
          CreateTenantUserMembershipCmd.class,
          DeleteTenantUserMembershipCmd.class,
          CreateTenantGroupMembershipCmd.class,
          DeleteTenantGroupMembershipCmd.class,
          CreateAuthorizationCommand.class,
          SaveAuthorizationCmd.class,
          DeleteAuthorizationCmd.class,
          CreateUserQueryCmd.class,
          CreateNativeUserQueryCmd.class,
          CreateGroupQueryCmd.class,
          CreateTenantQueryCmd.class,
          // Tasklist filters (saved queries).
          CreateFilterCmd.class,
          SaveFilterCmd.class,
          DeleteFilterCmd.class,
          ExecuteFilterCountCmd.class,
          ExecuteFilterListCmd.class,
          ExecuteFilterListPageCmd.class,
          ExecuteFilterSingleResultCmd.class,
          // Process owners deploy; a deployment adds versions and never changes a running order.
          DeployCmd.class,
          // Who works a task: claiming needs TASK_WORK, assigning, delegating and candidates
          // TASK_ASSIGN (administrators only); a follow-up date is the worker's own reminder.
          ClaimTaskCmd.class,
          AssignTaskCmd.class,
          DelegateTaskCmd.class,
          SetTaskOwnerCmd.class,
          SetTaskFollowUpDateCmd.class,
          AddUserIdentityLinkCmd.class,
          AddGroupIdentityLinkCmd.class,
          DeleteUserIdentityLinkCmd.class,
          DeleteGroupIdentityLinkCmd.class,
          AddIdentityLinkForProcessDefinitionCmd.class,
          DeleteIdentityLinkForProcessDefinitionCmd.class,
          CreateTaskCmd.class,
          // Operations in Cockpit: retries, incidents, suspension, priorities, a migration plan.
          SetJobRetriesCmd.class,
          SetJobsRetriesBatchCmd.class,
          SetJobsRetriesByProcessBatchCmd.class,
          SetJobPriorityCmd.class,
          SetJobDefinitionPriorityCmd.class,
          UnlockJobCmd.class,
          ActivateJobCmd.class,
          SuspendJobCmd.class,
          ActivateJobDefinitionCmd.class,
          SuspendJobDefinitionCmd.class,
          ActivateProcessDefinitionCmd.class,
          SuspendProcessDefinitionCmd.class,
          ActivateProcessInstanceCmd.class,
          SuspendProcessInstanceCmd.class,
          UpdateProcessInstancesSuspendStateCmd.class,
          UpdateProcessInstancesSuspendStateBatchCmd.class,
          ActivateBatchCmd.class,
          SuspendBatchCmd.class,
          CreateIncidentCmd.class,
          ResolveIncidentCmd.class,
          SetAnnotationForIncidentCmd.class,
          SetAnnotationForOperationLog.class,
          SetExternalTaskRetriesCmd.class,
          SetExternalTasksRetriesCmd.class,
          SetExternalTasksRetriesBatchCmd.class,
          SetExternalTaskPriorityCmd.class,
          UnlockExternalTaskCmd.class,
          CreateMigrationPlanCmd.class,
          // Decisions evaluated on request are recorded as new history, never rewrite any.
          EvaluateDecisionCmd.class,
          EvaluateDecisionTableCmd.class,
          // The engine's own settings and counters, not a work order's facts.
          SetPropertyCmd.class,
          DeletePropertyCmd.class,
          SetLicenseKeyCmd.class,
          DeleteLicenseKeyCmd.class,
          DeleteMetricsCmd.class,
          DeleteTaskMetricsCmd.class);

  private RecordCommands() {}

  private static void refuse(Map<Class<?>, Refusal> into, Refusal why, Class<?>... commands) {
    for (Class<?> command : commands) {
      into.put(command, why);
    }
  }
}
