package org.hotline12345.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.migration.MigrationPlanExecutionBuilderImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.hotline12345.forms.FormSchema;
import org.hotline12345.forms.FormSchemas;

/**
 * The checks of {@link RecordCommands.Check}, run in the command's own transaction before it
 * executes, as the person who runs it. Camunda's commands keep their arguments in protected fields,
 * so they are read by name ({@code RecordCommandsTests} proves the names against the engine jar).
 */
final class RecordChecks {

  /** A task's attributes that are part of the record: only the follow-up date may change. */
  private static final Map<String, Function<TaskEntity, Object>> RECORDED_TASK_ATTRIBUTES =
      recordedTaskAttributes();

  private final FormSchemas schemas;

  RecordChecks(FormSchemas schemas) {
    this.schemas = schemas;
  }

  void check(
      RecordCommands.Check check,
      Command<?> command,
      CommandContext context,
      Authentication person) {
    switch (check) {
      case TASK_FORM_FIELDS -> taskFormFields(command, context);
      case START_FORM_FIELDS -> startFormFields(command, context);
      case MIGRATION_WITHOUT_VARIABLES -> migrationWithoutVariables(command);
      case FOLLOW_UP_DATE_ONLY -> followUpDateOnly(command, context);
      case NOTE_ON_OWN_OPEN_TASK -> noteOnOwnOpenTask(command, context, person);
      case READ_TASK -> mayReadTask(field(command, "taskId", String.class), context);
      case READ_PROCESS_INSTANCE ->
          mayReadProcessInstance(field(command, "processInstanceId", String.class), context);
      case READ_ATTACHMENT ->
          mayReadAttachment(field(command, "attachmentId", String.class), context);
      case DUE_JOBS_ONLY -> dueJobsOnly(command, context);
    }
  }

  /** The variables a person submits with a task: completing, submitting its form, resolving it. */
  static Map<String, ?> submittedTaskVariables(Command<?> command) {
    return field(
        command, command instanceof SubmitTaskFormCmd ? "properties" : "variables", Map.class);
  }

  /** The variables a person starts a process with. */
  static Map<String, ?> submittedStartVariables(Command<?> command) {
    if (command instanceof SubmitStartFormCmd) {
      return field(command, "variables", Map.class);
    }
    return startBuilder(command).getVariables();
  }

  private void taskFormFields(Command<?> command, CommandContext context) {
    Map<String, ?> submitted = submittedTaskVariables(command);
    if (submitted == null || submitted.isEmpty()) {
      return;
    }
    TaskEntity task = context.getTaskManager().findTaskById(field(command, "taskId", String.class));
    if (task == null) {
      return; // the command itself answers that there is no such task
    }
    TaskDefinition definition = task.getTaskDefinition();
    FormSchema form =
        definition != null && hasCamundaForm(definition.getFormDefinition())
            ? schemas.forTask(task)
            : null;
    onlyFormFields(
        submitted.keySet(),
        form,
        "任务「" + task.getName() + "」的表单",
        "the form of task " + task.getName());
  }

  private void startFormFields(Command<?> command, CommandContext context) {
    Map<String, ?> submitted = submittedStartVariables(command);
    if (submitted == null || submitted.isEmpty()) {
      return;
    }
    ProcessDefinitionEntity definition =
        command instanceof SubmitStartFormCmd
            ? context
                .getProcessEngineConfiguration()
                .getDeploymentCache()
                .findDeployedProcessDefinitionById(
                    field(command, "processDefinitionId", String.class))
            : new GetDeployedProcessDefinitionCmd(startBuilder(command), false).execute(context);
    FormSchema form =
        hasCamundaForm(definition.getStartFormDefinition())
            ? schemas.forStartForm(
                context.getProcessEngineConfiguration().getFormService(), definition.getId())
            : null;
    onlyFormFields(
        submitted.keySet(),
        form,
        "流程「" + definition.getKey() + "」的启动表单",
        "the start form of " + definition.getKey());
  }

  private static void onlyFormFields(
      Set<String> submitted, FormSchema form, String formChinese, String formEnglish) {
    Set<String> allowed =
        form == null
            ? Set.of()
            : form.fields().stream().map(FormSchema.Field::key).collect(Collectors.toSet());
    Set<String> outside = new TreeSet<>(submitted);
    outside.removeAll(allowed);
    if (outside.isEmpty()) {
      return;
    }
    String keys = String.join(", ", outside);
    throw refusal(
        formChinese + (form == null ? "不存在，不接受任何变量：" : "没有可填写的这些字段：") + keys,
        "only the fields a person may fill in on "
            + formEnglish
            + (form == null ? " (there is none)" : "")
            + " may be submitted, not: "
            + keys);
  }

  private static void migrationWithoutVariables(Command<?> command) {
    MigrationPlanExecutionBuilderImpl execution =
        field(command, "executionBuilder", MigrationPlanExecutionBuilderImpl.class);
    Map<String, ?> variables = execution.getMigrationPlan().getVariables();
    if (variables != null && !variables.isEmpty()) {
      throw refusal(
          "迁移不可写入变量：" + String.join(", ", new TreeSet<>(variables.keySet())),
          "a migration may not set variables: "
              + String.join(", ", new TreeSet<>(variables.keySet())));
    }
  }

  private static void followUpDateOnly(Command<?> command, CommandContext context) {
    TaskEntity changed = field(command, "task", TaskEntity.class);
    if (changed == null || changed.getRevision() == 0) {
      return; // a new task of its own, not part of any work order
    }
    TaskEntity stored = context.getTaskManager().findTaskById(changed.getId());
    if (stored == null) {
      return;
    }
    List<String> differences =
        RECORDED_TASK_ATTRIBUTES.entrySet().stream()
            .filter(a -> !Objects.equals(a.getValue().apply(changed), a.getValue().apply(stored)))
            .map(Map.Entry::getKey)
            .toList();
    if (!differences.isEmpty()) {
      throw refusal(
          "任务只可改跟进日期，不可改：" + String.join(", ", differences),
          "only a task's follow-up date may be changed, not: " + String.join(", ", differences));
    }
  }

  private static void noteOnOwnOpenTask(
      Command<?> command, CommandContext context, Authentication person) {
    String taskId = field(command, "taskId", String.class);
    if (taskId == null) {
      throw refusal(
          "备注和附件只能加在正在办理的任务上，不能直接加在流程实例上",
          "comments and attachments are added to a task being worked, never to a process instance");
    }
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    String processInstanceId = field(command, "processInstanceId", String.class);
    if (task == null
        || (processInstanceId != null && !processInstanceId.equals(task.getProcessInstanceId()))
        || !isWorking(task, person)) {
      throw refusal(
          "只有正在办理该任务的人（办理人，或无人认领时的候选人）才能添加备注或附件",
          "only the person working this open task (its assignee, or a candidate while nobody has"
              + " claimed it) may add a comment or an attachment to it");
    }
    if (command instanceof CreateAttachmentCmd) {
      acceptableFile(command);
    }
  }

  private static boolean isWorking(TaskEntity task, Authentication person) {
    if (task.getAssignee() != null) {
      return task.getAssignee().equals(person.getUserId());
    }
    List<String> groups = person.getGroupIds() == null ? List.of() : person.getGroupIds();
    for (IdentityLinkEntity link : task.getIdentityLinks()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())
          && ((link.getUserId() != null && link.getUserId().equals(person.getUserId()))
              || (link.getGroupId() != null && groups.contains(link.getGroupId())))) {
        return true;
      }
    }
    return false;
  }

  /** An attachment is a file (not a link) of an allowed type, whose name and bytes agree. */
  private static void acceptableFile(Command<?> command) {
    String refusedChinese = "附件只接受 " + AttachmentTypes.names() + " 文件（类型、扩展名与内容一致，不超过 10 MB），不接受链接";
    String refusedEnglish =
        "an attachment must be a file of "
            + AttachmentTypes.names()
            + " (declared type, name and content agreeing, at most 10 MB), never a link";
    InputStream content = field(command, "content", InputStream.class);
    String name = field(command, "attachmentName", String.class);
    AttachmentTypes.Type type =
        AttachmentTypes.of(field(command, "attachmentType", String.class)).orElse(null);
    if (field(command, "url", String.class) != null
        || content == null
        || name == null
        || type == null
        || !type.fitsName(name)) {
      throw refusal(refusedChinese, refusedEnglish);
    }
    byte[] bytes;
    try {
      bytes = content.readNBytes(AttachmentTypes.MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.length > AttachmentTypes.MAX_BYTES || !type.fitsContent(bytes)) {
      throw refusal(refusedChinese, refusedEnglish);
    }
    // The stream was read for the check: the command stores the same bytes.
    setField(command, "content", new ByteArrayInputStream(bytes));
  }

  private static void mayReadTask(String taskId, CommandContext context) {
    if (taskId == null) {
      return;
    }
    ProcessEngineConfigurationImpl engine = context.getProcessEngineConfiguration();
    if (engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0
        && engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).count()
            == 0) {
      throw refusal(
          "只有能查看该任务的人才能读取它的备注和附件",
          "only someone who may read the task may read its comments and attachments");
    }
  }

  private static void mayReadProcessInstance(String processInstanceId, CommandContext context) {
    if (processInstanceId == null) {
      return;
    }
    ProcessEngineConfigurationImpl engine = context.getProcessEngineConfiguration();
    if (engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .count()
            == 0
        && engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .count()
            == 0) {
      throw refusal(
          "只有能查看该工单的人才能读取它的备注和附件",
          "only someone who may read the work order may read its comments and attachments");
    }
  }

  private static void mayReadAttachment(String attachmentId, CommandContext context) {
    AttachmentEntity attachment =
        attachmentId == null
            ? null
            : context.getDbEntityManager().selectById(AttachmentEntity.class, attachmentId);
    if (attachment == null) {
      return;
    }
    if (attachment.getTaskId() != null) {
      mayReadTask(attachment.getTaskId(), context);
    } else {
      mayReadProcessInstance(attachment.getProcessInstanceId(), context);
    }
  }

  private static void dueJobsOnly(Command<?> command, CommandContext context) {
    JobEntity job = context.getJobManager().findJobById(field(command, "jobId", String.class));
    if (job instanceof TimerEntity
        && job.getDuedate() != null
        && job.getDuedate().after(ClockUtil.getCurrentTime())) {
      throw refusal(
          "定时器未到期，不能提前触发（期限及是否超时由到期时间决定）",
          "a timer is not fired before it is due: it decides a deadline and whether it was met");
    }
  }

  private static boolean hasCamundaForm(FormDefinition form) {
    return form != null && form.getCamundaFormDefinitionKey() != null;
  }

  private static ProcessInstantiationBuilderImpl startBuilder(Command<?> command) {
    return field(command, "instantiationBuilder", ProcessInstantiationBuilderImpl.class);
  }

  static AuthorizationException refusal(String chinese, String english) {
    return new AuthorizationException(chinese + "。 / Refused: " + english + ".");
  }

  private static Map<String, Function<TaskEntity, Object>> recordedTaskAttributes() {
    Map<String, Function<TaskEntity, Object>> attributes = new LinkedHashMap<>();
    attributes.put("name", TaskEntity::getName);
    attributes.put("description", TaskEntity::getDescription);
    attributes.put("priority", TaskEntity::getPriority);
    attributes.put("assignee", TaskEntity::getAssignee);
    attributes.put("owner", TaskEntity::getOwner);
    attributes.put("due", task -> millis(task.getDueDate()));
    attributes.put("parentTaskId", TaskEntity::getParentTaskId);
    attributes.put("caseInstanceId", TaskEntity::getCaseInstanceId);
    attributes.put("tenantId", TaskEntity::getTenantId);
    attributes.put("delegationState", TaskEntity::getDelegationState);
    return attributes;
  }

  private static Long millis(Date date) {
    return date == null ? null : date.getTime();
  }

  static <T> T field(Object target, String name, Class<T> type) {
    Field field = declared(target, name);
    try {
      return type.cast(field.get(target));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void setField(Object target, String name, Object value) {
    try {
      declared(target, name).set(target, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Field declared(Object target, String name) {
    for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException notHere) {
        // look in the superclass
      }
    }
    throw new IllegalStateException(
        target.getClass().getName()
            + " has no field '"
            + name
            + "': Camunda changed the command, review RecordGuard");
  }
}
