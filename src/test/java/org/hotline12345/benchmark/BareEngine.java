package org.hotline12345.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.hotline12345.security.Grants;

/**
 * The yardstick: a bare Camunda 7 engine (camunda-engine, standalone configuration, no Spring, no
 * REST) on a database of its own, with the engine's defaults except authorization checks on, the
 * job executor on (its default settings, as the app's), and, as in the app, full history, UUID ids
 * and Spin's JSON for object variables. It runs a lifecycle like the app's: start, a decision
 * table, a delegate, two user tasks with timers, an asynchronous end, driven in-process, each call
 * as an authenticated user, as Tasklist would on that engine. Candidate groups get the engine's
 * default grant on each task, which goes with the task.
 */
final class BareEngine implements AutoCloseable {

  static final String PROCESS_KEY = "bareWorkOrder";
  static final String TASK_SIGN = "Task_SignWorkOrder";
  static final String TASK_HANDLE = "Task_HandleWorkOrder";
  static final String TIMER_SIGN_OVERDUE = "Timer_SignOverdue";
  static final String FILTER_TO_SIGN = "待签收";

  private static final String AGENT = "agent1";
  private static final String AGENTS = "hotlineAgents";
  private static final String CURRENT_USER_GROUPS = "${currentUserGroups()}";

  private final HikariDataSource dataSource;
  private final ProcessEngine engine;

  private BareEngine(HikariDataSource dataSource, ProcessEngine engine) {
    this.dataSource = dataSource;
    this.engine = engine;
  }

  /**
   * Builds the engine on {@code jdbcUrl} (its schema created on first use), deploys its models and
   * creates its users, groups, grants and filters.
   */
  static BareEngine start(String jdbcUrl, String user, int poolSize) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(jdbcUrl);
    dataSource.setUsername(user);
    dataSource.setMaximumPoolSize(poolSize);
    dataSource.setPoolName("bare-engine");
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl)
            ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
    configuration
        .setProcessEngineName("bare")
        .setDataSource(dataSource)
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setJobExecutorActivate(true)
        .setAuthorizationEnabled(true);
    configuration.setDefaultSerializationFormat("application/json");
    configuration.setIdGenerator(new StrongUuidGenerator());
    Map<Object, Object> beans = new HashMap<>();
    beans.put("bareRegisterWorkOrderDelegate", new RegisterWorkOrderDelegate());
    beans.put("bareRecordOverdueDelegate", new RecordOverdueDelegate());
    configuration.setBeans(beans);
    configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
    BareEngine bare = new BareEngine(dataSource, configuration.buildProcessEngine());
    bare.deployAndOrganise();
    return bare;
  }

  private void deployAndOrganise() {
    engine
        .getRepositoryService()
        .createDeployment()
        .name("bare engine benchmark")
        .addClasspathResource("benchmark/bareWorkOrder.bpmn")
        .addClasspathResource("benchmark/bareWorkOrderLimits.dmn")
        .deploy();
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    group(AGENTS);
    user(AGENT, AGENTS);
    Grants.grant(
        authorizations,
        AGENTS,
        Resources.PROCESS_DEFINITION,
        PROCESS_KEY,
        Permissions.READ,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    Grants.grant(
        authorizations, AGENTS, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE);
    TaskService tasks = engine.getTaskService();
    List<Filter> unitFilters =
        List.of(
            filter(
                "我的待办",
                -10,
                tasks
                    .createTaskQuery()
                    .taskAssigneeExpression("${currentUser()}")
                    .orderByDueDate()
                    .asc()),
            filter(
                "即将超时",
                -5,
                tasks
                    .createTaskQuery()
                    .taskCandidateGroupInExpression(CURRENT_USER_GROUPS)
                    .includeAssignedTasks()
                    .dueBeforeExpression("${dateTime().plusDays(1).toDate()}")
                    .orderByDueDate()
                    .asc()),
            filter(FILTER_TO_SIGN, 20, groupTasks(TASK_SIGN)),
            filter("办理中", 30, groupTasks(TASK_HANDLE)));
    for (Desk desk : Desk.ALL) {
      group(desk.unit());
      user(desk.user(), desk.unit());
      for (Filter filter : unitFilters) {
        Grants.grant(
            authorizations, desk.unit(), Resources.FILTER, filter.getId(), Permissions.READ);
      }
    }
    identity.clearAuthentication();
  }

  private Filter filter(String name, int priority, TaskQuery query) {
    FilterService filters = engine.getFilterService();
    return filters.saveFilter(
        filters
            .newTaskFilter(name)
            .setQuery(query)
            .setProperties(
                Map.of(
                    "priority",
                    priority,
                    "variables",
                    List.of(Map.of("name", "workOrderNumber", "label", "工单编号")))));
  }

  private TaskQuery groupTasks(String taskKey) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .taskDefinitionKeyIn(taskKey)
        .taskCandidateGroupInExpression(CURRENT_USER_GROUPS)
        .includeAssignedTasks()
        .orderByDueDate()
        .asc();
  }

  private void group(String id) {
    Group group = engine.getIdentityService().newGroup(id);
    group.setName(id);
    engine.getIdentityService().saveGroup(group);
  }

  private void user(String id, String groupId) {
    engine.getIdentityService().saveUser(engine.getIdentityService().newUser(id));
    engine.getIdentityService().createMembership(id, groupId);
  }

  /** Starts an order for the desk as the agent; its id. */
  String start(Desk desk) {
    return as(
        AGENT,
        AGENTS,
        () ->
            engine
                .getRuntimeService()
                .startProcessInstanceByKey(
                    PROCESS_KEY,
                    UUID.randomUUID().toString(),
                    Map.of(
                        "channel",
                        "PHONE",
                        "phone",
                        "138****8000",
                        "district",
                        desk.district(),
                        "requestType",
                        "COMPLAINT",
                        "category",
                        desk.category(),
                        "content",
                        desk.content()))
                .getId());
  }

  /** Takes the order from where it waits on until it waits at {@code to} (or has ended). */
  void advance(String processInstanceId, Desk desk, Progress from, Progress to) {
    if (from.compareTo(Progress.TO_SIGN) <= 0 && to.compareTo(Progress.TO_SIGN) > 0) {
      work(processInstanceId, TASK_SIGN, desk, Map.of("signNote", "已签收，马上安排处理。"));
    }
    if (from.compareTo(Progress.IN_HANDLING) <= 0 && to.compareTo(Progress.IN_HANDLING) > 0) {
      work(
          processInstanceId,
          TASK_HANDLE,
          desk,
          Map.of("handlingResult", "RESOLVED", "replyContent", "已派人到现场处理完毕，并电话告知市民。"));
    }
  }

  /** One order's whole life: started, signed, handled; its asynchronous end follows. */
  String lifecycle(Desk desk) {
    String id = start(desk);
    advance(id, desk, Progress.TO_SIGN, Progress.CLOSED);
    return id;
  }

  private void work(String processInstanceId, String taskKey, Desk desk, Map<String, Object> form) {
    as(
        desk.user(),
        desk.unit(),
        () -> {
          TaskService tasks = engine.getTaskService();
          Task task =
              tasks
                  .createTaskQuery()
                  .processInstanceId(processInstanceId)
                  .taskDefinitionKey(taskKey)
                  .taskCandidateGroup(desk.unit())
                  .includeAssignedTasks()
                  .singleResult();
          if (task == null) {
            throw new IllegalStateException(desk.user() + " finds no " + taskKey);
          }
          if (!desk.user().equals(task.getAssignee())) {
            tasks.claim(task.getId(), desk.user());
          }
          tasks.complete(task.getId(), form);
          return null;
        });
  }

  /** The filters the user may read, as Tasklist lists them. */
  List<Filter> filters(Desk desk) {
    return as(
        desk.user(),
        desk.unit(),
        () -> {
          FilterService filters = engine.getFilterService();
          filters.createTaskFilterQuery().count();
          return filters.createTaskFilterQuery().listPage(0, 2000);
        });
  }

  String filterId(Desk desk, String name) {
    return filters(desk).stream()
        .filter(f -> name.equals(f.getName()))
        .findFirst()
        .orElseThrow()
        .getId();
  }

  /** The first 15 tasks of the filter, newest first, and its count, as Tasklist's page has. */
  List<Task> page(Desk desk, String filterId) {
    return as(
        desk.user(),
        desk.unit(),
        () -> {
          FilterService filters = engine.getFilterService();
          TaskQuery newestFirst =
              engine.getTaskService().createTaskQuery().active().orderByTaskCreateTime().desc();
          List<Task> page = filters.listPage(filterId, newestFirst, 0, 15);
          filters.count(filterId, newestFirst);
          return page;
        });
  }

  long count(Desk desk, String filterId) {
    return as(desk.user(), desk.unit(), () -> engine.getFilterService().count(filterId));
  }

  private <T> T as(String user, String group, Supplier<T> call) {
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(user, List.of(group));
    try {
      return call.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  @Override
  public void close() {
    engine.close();
    dataSource.close();
  }

  /** Numbers the order and sets its deadlines from the decided limits. */
  static final class RegisterWorkOrderDelegate implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      Instant now = ClockUtil.getCurrentTime().toInstant();
      execution.setVariable("workOrderNumber", execution.getBusinessKey());
      execution.setVariable("registeredAt", Date.from(now));
      execution.setVariable(
          "signDeadline",
          Date.from(now.plus(Duration.parse((String) execution.getVariable("signLimit")))));
      execution.setVariable(
          "handleDeadline",
          Date.from(now.plus(Duration.parse((String) execution.getVariable("handleLimit")))));
    }
  }

  /** Marks the order late. */
  static final class RecordOverdueDelegate implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      execution.setVariable("overdue", true);
    }
  }
}
