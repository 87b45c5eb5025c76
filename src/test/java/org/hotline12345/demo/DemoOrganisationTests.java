package org.hotline12345.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.hotline12345.demo.DemoOrganisation.Created;
import org.hotline12345.demo.DemoOrganisation.DemoUser;
import org.hotline12345.organisation.Roles;
import org.hotline12345.organisation.Units;
import org.hotline12345.workorder.WorkOrderProcess;
import org.hotline12345.workorder.WorkOrderProcess.Elements;
import org.hotline12345.workorder.WorkOrderProcess.Vars;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The demo organisation, created twice on a standalone in-memory engine as two start-ups would:
 * people can log in, see their own queues in Tasklist and nobody else's, and the second start-up
 * changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoOrganisationTests {

  private static final List<String> FILTERS =
      List.of(
          DemoOrganisation.FILTER_MY_TASKS,
          DemoOrganisation.FILTER_TO_DISPATCH,
          DemoOrganisation.FILTER_TO_SIGN,
          DemoOrganisation.FILTER_IN_HANDLING,
          DemoOrganisation.FILTER_DUE_SOON,
          DemoOrganisation.FILTER_TO_REVIEW,
          DemoOrganisation.FILTER_TO_REVISIT,
          DemoOrganisation.FILTER_TO_CHASE,
          DemoOrganisation.FILTER_TO_INSTRUCT,
          DemoOrganisation.FILTER_OFFICE_SUPERVISION,
          DemoOrganisation.FILTER_KNOWLEDGE_GAPS,
          DemoOrganisation.FILTER_TO_ANSWER);

  private ProcessEngine engine;
  private IdentityService identityService;
  private AuthorizationService authorizationService;
  private FilterService filterService;
  private TaskService taskService;
  private Units units;
  private Created firstRun;
  private Created secondRun;

  @BeforeAll
  void startEngineAndCreateTheDemoOrganisationTwice() {
    engine =
        ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
            // Its own name: an engine called "default" would replace, then unregister, the
            // application's engine that the engine REST API looks up by name in the same JVM.
            .setProcessEngineName("demo-organisation-tests")
            .setJdbcUrl("jdbc:h2:mem:organisation-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
            .setJobExecutorActivate(false)
            .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
            // as in production once authorization is switched on: otherwise every check says yes
            .setAuthorizationEnabled(true)
            .buildProcessEngine();
    identityService = engine.getIdentityService();
    authorizationService = engine.getAuthorizationService();
    filterService = engine.getFilterService();
    taskService = engine.getTaskService();
    units = new Units(identityService);

    DemoOrganisation demoOrganisation =
        new DemoOrganisation(identityService, authorizationService, filterService, taskService);
    firstRun = demoOrganisation.create();
    secondRun = demoOrganisation.create();
  }

  @AfterEach
  void clearAuthentication() {
    identityService.clearAuthentication();
  }

  @AfterAll
  void closeEngine() {
    engine.close();
  }

  @Test
  void secondStartUpCreatesNothingAndFailsNothing() {
    assertThat(firstRun.users()).isEqualTo(DemoOrganisation.USERS.size() + 1);
    assertThat(firstRun.filters()).isEqualTo(FILTERS.size());
    assertThat(secondRun.isNothing()).as("second run created %s", secondRun).isTrue();
  }

  @Test
  void everyDemoUserLogsInWithPasswordDemo() {
    assertThat(allUsers())
        .allSatisfy(
            user ->
                assertThat(identityService.checkPassword(user.id(), "demo"))
                    .as(user.id())
                    .isTrue());
  }

  @Test
  void everyDemoUserBelongsToTheGroupOfTheirJob() {
    assertThat(allUsers())
        .allSatisfy(
            user ->
                assertThat(identityService.createGroupQuery().groupMember(user.id()).list())
                    .as(user.id())
                    .extracting(group -> group.getId())
                    .containsExactly(user.groupId()));
  }

  @Test
  void demoUsersHaveChineseNamesAndAnEmailAddress() {
    var water = identityService.createUserQuery().userId("water1").singleResult();
    assertThat(water.getLastName()).isEqualTo("徐");
    assertThat(water.getFirstName()).isEqualTo("军");
    assertThat(water.getEmail()).isEqualTo("water1@hotline.example");
  }

  @Test
  void demoAdminMayDoAnythingOnEveryResourceThroughCamundaAdmin() {
    assertThat(
            identityService
                .createUserQuery()
                .userId("demo")
                .memberOfGroup(Groups.CAMUNDA_ADMIN)
                .count())
        .isEqualTo(1);
    assertThat(Resources.values())
        .allSatisfy(
            resource ->
                assertThat(
                        authorizationService
                            .createAuthorizationQuery()
                            .groupIdIn(Groups.CAMUNDA_ADMIN)
                            .resourceType(resource)
                            .resourceId("*")
                            .count())
                    .as(resource.resourceName())
                    .isEqualTo(1));
    assertThat(
            Stream.of(
                Resources.APPLICATION,
                Resources.USER,
                Resources.GROUP,
                Resources.AUTHORIZATION,
                Resources.DEPLOYMENT,
                Resources.PROCESS_DEFINITION,
                Resources.TASK,
                Resources.FILTER))
        .allSatisfy(
            resource ->
                assertThat(
                        authorizationService.isUserAuthorized(
                            "demo",
                            List.of(Groups.CAMUNDA_ADMIN),
                            Permissions.ALL,
                            resource,
                            "anything"))
                    .as(resource.resourceName())
                    .isTrue());
  }

  @Test
  void unitGroupsAreUnitsAndRoleGroupsAreNot() {
    assertThat(DemoOrganisation.UNIT_NAMES)
        .allSatisfy(
            (unit, name) -> {
              assertThat(identityService.createGroupQuery().groupId(unit).singleResult().getType())
                  .isEqualTo("UNIT");
              assertThat(units.isUnit(unit)).as(unit).isTrue();
              assertThat(units.nameOf(unit)).contains(name);
            });
    assertThat(Roles.all())
        .allSatisfy(
            role -> {
              assertThat(identityService.createGroupQuery().groupId(role).singleResult().getType())
                  .isEqualTo("ROLE");
              assertThat(units.isUnit(role)).as(role).isFalse();
              assertThat(units.nameOf(role)).isEmpty();
            });
    assertThat(units.isUnit(Groups.CAMUNDA_ADMIN)).isFalse();
    assertThat(units.isUnit("noSuchGroup")).isFalse();
    assertThat(units.isUnit(null)).isFalse();
  }

  @Test
  void unitDirectoryListsEveryUnitWithItsChineseName() {
    assertThat(units.all())
        .containsExactlyInAnyOrder(
            new Units.Unit(Units.HRSS, "市人力资源和社会保障局"),
            new Units.Unit(Units.MEDICAL_SECURITY, "市医疗保障局"),
            new Units.Unit(Units.HOUSING_FUND, "市住房公积金管理中心"),
            new Units.Unit(Units.WATER, "市供水公司"),
            new Units.Unit(Units.HEATING, "市热力公司"),
            new Units.Unit(Units.DISTRICT_SAERTU, "萨尔图区人民政府"),
            new Units.Unit(Units.DISTRICT_RANGHULU, "让胡路区人民政府"));
  }

  @Test
  void eachFilterExistsOnceWithWhatTasklistNeedsToShowIt() {
    assertThat(FILTERS)
        .allSatisfy(
            name -> {
              List<Filter> filters = filterService.createFilterQuery().filterName(name).list();
              assertThat(filters).as(name).hasSize(1);
              Map<String, Object> properties = filters.get(0).getProperties();
              assertThat(properties)
                  .containsKeys("description", "priority", "color")
                  .containsEntry("refresh", true);
              assertThat(properties.get("variables"))
                  .asList()
                  .containsExactly(
                      Map.of("name", Vars.WORK_ORDER_NUMBER, "label", "工单编号"),
                      Map.of("name", Vars.CATEGORY_NAME, "label", "诉求分类"));
            });
    assertThat(filterService.createFilterQuery().count()).isEqualTo(FILTERS.size());
  }

  @Test
  void eachFilterIsReadableByTheGroupsThatWorkIt() {
    assertThat(mayRead("water1", Units.WATER, DemoOrganisation.FILTER_TO_SIGN)).isTrue();
    assertThat(mayRead("water1", Units.WATER, DemoOrganisation.FILTER_DUE_SOON)).isTrue();
    assertThat(mayRead("water1", Units.WATER, DemoOrganisation.FILTER_MY_TASKS)).isTrue();
    assertThat(mayRead("water1", Units.WATER, DemoOrganisation.FILTER_TO_DISPATCH)).isFalse();
    assertThat(mayRead("dispatcher1", Roles.DISPATCHERS, DemoOrganisation.FILTER_TO_DISPATCH))
        .isTrue();
    assertThat(mayRead("dispatcher1", Roles.DISPATCHERS, DemoOrganisation.FILTER_TO_SIGN))
        .isFalse();
    assertThat(mayRead("reviewer1", Roles.REVIEWERS, DemoOrganisation.FILTER_TO_REVIEW)).isTrue();
    assertThat(mayRead("revisit1", Roles.REVISIT_AGENTS, DemoOrganisation.FILTER_TO_REVISIT))
        .isTrue();
    assertThat(mayRead("supervisor1", Roles.SUPERVISORS, DemoOrganisation.FILTER_TO_CHASE))
        .isTrue();
    assertThat(mayRead("supervisor1", Roles.SUPERVISORS, DemoOrganisation.FILTER_DUE_SOON))
        .isTrue();
    assertThat(mayRead("agent1", Roles.HOTLINE_AGENTS, DemoOrganisation.FILTER_TO_ANSWER)).isTrue();
    assertThat(mayRead("agent1", Roles.HOTLINE_AGENTS, DemoOrganisation.FILTER_TO_REVIEW))
        .isFalse();
  }

  @Test
  void unitStaffUseTasklistAndAuditorsUseCockpit() {
    assertThat(mayAccess("water1", Units.WATER, "tasklist")).isTrue();
    assertThat(mayAccess("agent1", Roles.HOTLINE_AGENTS, "tasklist")).isTrue();
    assertThat(mayAccess("agent1", Roles.HOTLINE_AGENTS, "cockpit")).isFalse();
    assertThat(mayAccess("supervisor1", Roles.SUPERVISORS, "tasklist")).isTrue();
    assertThat(mayAccess("supervisor1", Roles.SUPERVISORS, "cockpit")).isTrue();
    assertThat(mayAccess("auditor1", Roles.AUDITORS, "cockpit")).isTrue();
    assertThat(mayAccess("auditor1", Roles.AUDITORS, "tasklist")).isFalse();
    assertThat(mayAccess("owner1", Roles.PROCESS_OWNERS, "cockpit")).isTrue();
    assertThat(mayAccess("owner1", Roles.PROCESS_OWNERS, "tasklist")).isFalse();
  }

  @Test
  void hotlineAgentsMayStartWorkOrdersAndOthersMayNot() {
    assertThat(
            authorizationService.isUserAuthorized(
                "agent1",
                List.of(Roles.HOTLINE_AGENTS),
                ProcessDefinitionPermissions.CREATE_INSTANCE,
                Resources.PROCESS_DEFINITION,
                WorkOrderProcess.KEY))
        .isTrue();
    assertThat(
            authorizationService.isUserAuthorized(
                "agent1",
                List.of(Roles.HOTLINE_AGENTS),
                ProcessDefinitionPermissions.READ,
                Resources.PROCESS_DEFINITION,
                WorkOrderProcess.KEY))
        .isTrue();
    assertThat(
            authorizationService.isUserAuthorized(
                "agent1",
                List.of(Roles.HOTLINE_AGENTS),
                ProcessInstancePermissions.CREATE,
                Resources.PROCESS_INSTANCE))
        .isTrue();
    assertThat(
            authorizationService.isUserAuthorized(
                "reviewer1",
                List.of(Roles.REVIEWERS),
                ProcessDefinitionPermissions.CREATE_INSTANCE,
                Resources.PROCESS_DEFINITION,
                WorkOrderProcess.KEY))
        .isFalse();
  }

  @Test
  void unitSeesOrdersWaitingForItsSignatureAndNotThoseOfAnotherUnit() {
    // given an order waiting for the water company and one waiting for the heating company
    RepositoryService repositoryService = engine.getRepositoryService();
    RuntimeService runtimeService = engine.getRuntimeService();
    BpmnModelInstance signing =
        Bpmn.createExecutableProcess("signingOnly")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask(Elements.TASK_SIGN_WORK_ORDER)
            .camundaCandidateGroups("${" + Vars.UNIT + "}")
            .endEvent()
            .done();
    String deploymentId =
        repositoryService
            .createDeployment()
            .addModelInstance("signingOnly.bpmn", signing)
            .deploy()
            .getId();
    try {
      String forWater =
          runtimeService
              .startProcessInstanceByKey(
                  "signingOnly",
                  "12345-W",
                  Map.of(Vars.UNIT, Units.WATER, Vars.WORK_ORDER_NUMBER, "12345-W"))
              .getId();
      String forHeating =
          runtimeService
              .startProcessInstanceByKey(
                  "signingOnly",
                  "12345-H",
                  Map.of(Vars.UNIT, Units.HEATING, Vars.WORK_ORDER_NUMBER, "12345-H"))
              .getId();
      String toSign = filterId(DemoOrganisation.FILTER_TO_SIGN);

      // when the water company's staff open "待签收"
      identityService.setAuthentication("water1", List.of(Units.WATER));
      List<Task> waterTasks = filterService.list(toSign);

      // then they see their order only, also once one of them has claimed it
      assertThat(waterTasks).extracting(Task::getProcessInstanceId).containsExactly(forWater);
      taskService.claim(waterTasks.get(0).getId(), "water1");
      assertThat(filterService.<Task>list(toSign))
          .extracting(Task::getProcessInstanceId)
          .containsExactly(forWater);

      identityService.setAuthentication("heating1", List.of(Units.HEATING));
      assertThat(filterService.<Task>list(toSign))
          .extracting(Task::getProcessInstanceId)
          .containsExactly(forHeating);
      identityService.setAuthentication("dispatcher1", List.of(Roles.DISPATCHERS));
      assertThatThrownBy(() -> filterService.list(toSign))
          .isInstanceOf(AuthorizationException.class);
    } finally {
      identityService.clearAuthentication();
      repositoryService.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void dueSoonShowsTheGroupsTasksDueWithinADayOrOverdue() {
    long hour = 60 * 60 * 1000L;
    long now = System.currentTimeMillis();
    List<String> tasks =
        Stream.of(now - hour, now + 2 * hour, now + 72 * hour)
            .map(
                due -> {
                  Task task = taskService.newTask();
                  task.setName("due " + new Date(due));
                  task.setDueDate(new Date(due));
                  taskService.saveTask(task);
                  taskService.addCandidateGroup(task.getId(), Units.HEATING);
                  return task.getId();
                })
            .toList();
    try {
      identityService.setAuthentication("heating1", List.of(Units.HEATING));
      assertThat(filterService.<Task>list(filterId(DemoOrganisation.FILTER_DUE_SOON)))
          .extracting(Task::getId)
          .containsExactly(tasks.get(0), tasks.get(1));

      identityService.setAuthentication("water1", List.of(Units.WATER));
      assertThat(filterService.count(filterId(DemoOrganisation.FILTER_DUE_SOON))).isZero();
    } finally {
      identityService.clearAuthentication();
      tasks.forEach(id -> taskService.deleteTask(id, true));
    }
  }

  @Test
  void myTasksShowsWhatIsAssignedToMe() {
    Task task = taskService.newTask();
    task.setAssignee("reviewer1");
    taskService.saveTask(task);
    try {
      identityService.setAuthentication("reviewer1", List.of(Roles.REVIEWERS));
      assertThat(filterService.<Task>list(filterId(DemoOrganisation.FILTER_MY_TASKS)))
          .extracting(Task::getId)
          .containsExactly(task.getId());
      identityService.setAuthentication("revisit1", List.of(Roles.REVISIT_AGENTS));
      assertThat(filterService.count(filterId(DemoOrganisation.FILTER_MY_TASKS))).isZero();
    } finally {
      identityService.clearAuthentication();
      taskService.deleteTask(task.getId(), true);
    }
  }

  private List<DemoUser> allUsers() {
    return Stream.concat(
            Stream.of(new DemoUser(DemoOrganisation.ADMIN_USER, "演示", "管理员", Groups.CAMUNDA_ADMIN)),
            DemoOrganisation.USERS.stream())
        .toList();
  }

  private String filterId(String name) {
    return filterService.createFilterQuery().filterName(name).singleResult().getId();
  }

  private boolean mayRead(String userId, String groupId, String filterName) {
    return authorizationService.isUserAuthorized(
        userId, List.of(groupId), Permissions.READ, Resources.FILTER, filterId(filterName));
  }

  private boolean mayAccess(String userId, String groupId, String application) {
    return authorizationService.isUserAuthorized(
        userId, List.of(groupId), Permissions.ACCESS, Resources.APPLICATION, application);
  }
}
