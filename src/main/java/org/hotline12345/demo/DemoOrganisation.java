package org.hotline12345.demo;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.hotline12345.escalation.HandlingEscalationProcess;
import org.hotline12345.escalation.OrderSupervisionProcess;
import org.hotline12345.knowledge.KnowledgeGapProcess;
import org.hotline12345.organisation.Roles;
import org.hotline12345.organisation.Units;
import org.hotline12345.security.Grants;
import org.hotline12345.system.StartupWork;
import org.hotline12345.workorder.WorkOrderProcess;
import org.hotline12345.workorder.WorkOrderProcess.Elements;
import org.hotline12345.workorder.WorkOrderProcess.Vars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the demo organisation (an admin, one user per role and per unit, the role and unit
 * groups, their application grants and the Tasklist filters) so that a local run can be tried in
 * Tasklist, Cockpit and Admin at once. Every step checks what is already there first, so a restart
 * neither duplicates nor fails, and nothing an administrator changed since is overwritten.
 */
@Component
@ConditionalOnProperty(prefix = "hotline.demo", name = "enabled", havingValue = "true")
@Order(0) // before the start-up work that grants what every unit needs (security's RoleGrants)
class DemoOrganisation implements StartupWork {

  static final String PASSWORD = "demo";
  static final String ADMIN_USER = "demo";

  static final String FILTER_MY_TASKS = "我的待办";
  static final String FILTER_TO_DISPATCH = "待派单";
  static final String FILTER_TO_SIGN = "待签收";
  static final String FILTER_IN_HANDLING = "办理中";
  static final String FILTER_DUE_SOON = "即将超时";
  static final String FILTER_TO_REVIEW = "待审核";
  static final String FILTER_TO_REVISIT = "待回访";
  static final String FILTER_TO_CHASE = "待催办";
  static final String FILTER_TO_INSTRUCT = "待批示";
  static final String FILTER_OFFICE_SUPERVISION = "升级督办";
  static final String FILTER_KNOWLEDGE_GAPS = "知识缺口";
  static final String FILTER_TO_ANSWER = "待答复咨询";

  static final String APP_TASKLIST = "tasklist";
  static final String APP_COCKPIT = "cockpit";

  /** The demo units and their names; in production the units are maintained in Camunda Admin. */
  static final Map<String, String> UNIT_NAMES = unitNames();

  /** The demo users besides the admin: one per role and one per unit. */
  static final List<DemoUser> USERS =
      List.of(
          new DemoUser("agent1", "王", "丽", Roles.HOTLINE_AGENTS),
          new DemoUser("dispatcher1", "李", "强", Roles.DISPATCHERS),
          new DemoUser("reviewer1", "张", "敏", Roles.REVIEWERS),
          new DemoUser("revisit1", "刘", "芳", Roles.REVISIT_AGENTS),
          new DemoUser("supervisor1", "陈", "刚", Roles.SUPERVISORS),
          new DemoUser("office1", "韩", "立新", Roles.SUPERVISION_OFFICE),
          new DemoUser("auditor1", "杨", "帆", Roles.AUDITORS),
          new DemoUser("owner1", "赵", "磊", Roles.PROCESS_OWNERS),
          new DemoUser("hrss1", "黄", "静", Units.HRSS),
          new DemoUser("medical1", "周", "涛", Units.MEDICAL_SECURITY),
          new DemoUser("fund1", "吴", "霞", Units.HOUSING_FUND),
          new DemoUser("water1", "徐", "军", Units.WATER),
          new DemoUser("heating1", "孙", "伟", Units.HEATING),
          new DemoUser("saertu1", "马", "丽娜", Units.DISTRICT_SAERTU),
          new DemoUser("ranghulu1", "朱", "建国", Units.DISTRICT_RANGHULU),
          new DemoUser("hrssLeader1", "郑", "国华", Units.leadersOf(Units.HRSS)),
          new DemoUser("medicalLeader1", "冯", "志强", Units.leadersOf(Units.MEDICAL_SECURITY)),
          new DemoUser("fundLeader1", "何", "建平", Units.leadersOf(Units.HOUSING_FUND)),
          new DemoUser("waterLeader1", "罗", "永红", Units.leadersOf(Units.WATER)),
          new DemoUser("heatingLeader1", "高", "振东", Units.leadersOf(Units.HEATING)),
          new DemoUser("saertuLeader1", "林", "海燕", Units.leadersOf(Units.DISTRICT_SAERTU)),
          new DemoUser("ranghuluLeader1", "谢", "文斌", Units.leadersOf(Units.DISTRICT_RANGHULU)));

  private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);
  private static final String EMAIL_DOMAIN = "@hotline.example";
  private static final String CURRENT_USER_GROUPS = "${currentUserGroups()}";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;

  DemoOrganisation(
      IdentityService identityService,
      AuthorizationService authorizationService,
      FilterService filterService,
      TaskService taskService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
  }

  // Start-up work, not PostDeployEvent: runs once the engine is up and the models are deployed,
  // even without @EnableProcessApplication, and before the port opens.
  @Override
  public void run() {
    create();
  }

  /** Creates whatever part of the demo organisation is missing and reports what it created. */
  Created create() {
    if (identityService.isReadOnly()) {
      log.info("Demo organisation skipped: the identity provider is read-only");
      return Created.NOTHING;
    }
    Tally tally = new Tally();
    createAdmin(tally);
    createGroups(tally);
    createUsers(tally);
    grantApplications(tally);
    grantWorkOrderStart(tally);
    createFilters(tally);
    Created created = tally.toCreated();
    if (created.isNothing()) {
      log.info("Demo organisation already present: nothing created");
    } else {
      log.info(
          "Demo organisation created: {} users, {} groups, {} memberships, {} authorizations, {} filters",
          created.users(),
          created.groups(),
          created.memberships(),
          created.authorizations(),
          created.filters());
    }
    return created;
  }

  /**
   * Like the starter's {@code camunda.bpm.admin-user}: a user in camunda-admin, which may do
   * anything.
   */
  private void createAdmin(Tally tally) {
    if (createGroup(Groups.CAMUNDA_ADMIN, "camunda BPM Administrators", Groups.GROUP_TYPE_SYSTEM)) {
      tally.groups++;
    }
    for (Resource resource : Resources.values()) {
      if (grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL)) {
        tally.authorizations++;
      }
    }
    createUser(new DemoUser(ADMIN_USER, "演示", "管理员", Groups.CAMUNDA_ADMIN), tally);
  }

  private void createGroups(Tally tally) {
    for (String role : Roles.all()) {
      if (createGroup(role, Roles.nameOf(role).orElseThrow(), Roles.GROUP_TYPE)) {
        tally.groups++;
      }
    }
    UNIT_NAMES.forEach(
        (unit, name) -> {
          if (createGroup(unit, name, Units.GROUP_TYPE)) {
            tally.groups++;
          }
          if (createGroup(Units.leadersOf(unit), name + "领导", Units.LEADERS_GROUP_TYPE)) {
            tally.groups++;
          }
        });
  }

  private void createUsers(Tally tally) {
    USERS.forEach(user -> createUser(user, tally));
  }

  private void grantApplications(Tally tally) {
    Stream.concat(
            Stream.of(
                Roles.HOTLINE_AGENTS,
                Roles.DISPATCHERS,
                Roles.REVIEWERS,
                Roles.REVISIT_AGENTS,
                Roles.SUPERVISORS),
            UNIT_NAMES.keySet().stream().flatMap(unit -> Stream.of(unit, Units.leadersOf(unit))))
        .forEach(
            group -> {
              if (grant(group, Resources.APPLICATION, APP_TASKLIST, Permissions.ACCESS)) {
                tally.authorizations++;
              }
            });
    Stream.of(Roles.AUDITORS, Roles.SUPERVISORS, Roles.PROCESS_OWNERS)
        .forEach(
            group -> {
              if (grant(group, Resources.APPLICATION, APP_COCKPIT, Permissions.ACCESS)) {
                tally.authorizations++;
              }
            });
  }

  private void grantWorkOrderStart(Tally tally) {
    if (grant(
        Roles.HOTLINE_AGENTS,
        Resources.PROCESS_DEFINITION,
        WorkOrderProcess.KEY,
        ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.CREATE_INSTANCE)) {
      tally.authorizations++;
    }
    if (grant(
        Roles.HOTLINE_AGENTS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE)) {
      tally.authorizations++;
    }
  }

  private void createFilters(Tally tally) {
    for (FilterSpec spec : filters()) {
      Filter filter =
          filterService.createFilterQuery().filterName(spec.name()).list().stream()
              .findFirst()
              .orElse(null);
      if (filter == null) {
        filter =
            filterService.saveFilter(
                filterService
                    .newTaskFilter(spec.name())
                    .setQuery(spec.query())
                    .setProperties(spec.properties()));
        tally.filters++;
      } else {
        // A newer release may change what a demo filter shows; keep the existing one in step.
        filterService.saveFilter(filter.setQuery(spec.query()).setProperties(spec.properties()));
      }
      for (String group : spec.readers()) {
        if (grant(group, Resources.FILTER, filter.getId(), Permissions.READ)) {
          tally.authorizations++;
        }
      }
    }
  }

  /**
   * The Tasklist filters, in the order Tasklist lists them, each with the groups that may read it.
   */
  private List<FilterSpec> filters() {
    List<String> units = List.copyOf(UNIT_NAMES.keySet());
    List<String> leaders = units.stream().map(Units::leadersOf).toList();
    return List.of(
        new FilterSpec(
            FILTER_MY_TASKS,
            "分配给我的任务",
            -10,
            "#1565c0",
            taskService
                .createTaskQuery()
                .taskAssigneeExpression("${currentUser()}")
                .orderByDueDate()
                .asc(),
            concat(Roles.all(), concat(units, leaders))),
        new FilterSpec(
            FILTER_DUE_SOON,
            "本组24小时内到期或已超时的任务",
            -5,
            "#c62828",
            taskService
                .createTaskQuery()
                .taskCandidateGroupInExpression(CURRENT_USER_GROUPS)
                .includeAssignedTasks()
                .dueBeforeExpression("${dateTime().plusDays(1).toDate()}")
                .orderByDueDate()
                .asc(),
            concat(units, List.of(Roles.SUPERVISORS))),
        new FilterSpec(
            FILTER_TO_DISPATCH,
            "路由不确定或被退单、等待人工派单的工单（退单达上限的由督办员裁定）",
            10,
            "#6a1b9a",
            groupTasks(Elements.TASK_CHOOSE_UNIT),
            List.of(Roles.DISPATCHERS, Roles.SUPERVISORS)),
        new FilterSpec(
            FILTER_TO_SIGN,
            "派给本单位、等待签收的工单（主办或协办）",
            20,
            "#ef6c00",
            groupTasks(Elements.TASK_SIGN_WORK_ORDER, Elements.TASK_SIGN_CO_HANDLING),
            units),
        new FilterSpec(
            FILTER_IN_HANDLING,
            "本单位已签收、正在办理的工单（主办或协办），以及须在次日10点前联系诉求人的工单",
            30,
            "#2e7d32",
            groupTasks(
                Elements.TASK_HANDLE_WORK_ORDER,
                Elements.TASK_CONTRIBUTE_CO_HANDLING,
                Elements.TASK_CONTACT_CITIZEN),
            units),
        new FilterSpec(
            FILTER_TO_REVIEW,
            "等待审核的答复、延期申请，以及市民不满意时的责任判定",
            40,
            "#00838f",
            groupTasks(
                Elements.TASK_REVIEW_REPLY,
                Elements.TASK_REVIEW_EXTENSION,
                Elements.TASK_JUDGE_RESPONSIBILITY),
            List.of(Roles.REVIEWERS)),
        new FilterSpec(
            FILTER_TO_REVISIT,
            "审核通过、等待回访市民的工单",
            50,
            "#558b2f",
            groupTasks(Elements.TASK_REVISIT_CITIZEN),
            List.of(Roles.REVISIT_AGENTS)),
        new FilterSpec(
            FILTER_TO_CHASE,
            "超时未签收需催办、超时未答复需督办的工单",
            60,
            "#ad1457",
            groupTasks(
                Elements.TASK_CHASE_SIGNING,
                HandlingEscalationProcess.Elements.TASK_SUPERVISE_OVERDUE_ORDER,
                OrderSupervisionProcess.Elements.TASK_SUPERVISE_HOT_ORDER),
            List.of(Roles.SUPERVISORS)),
        new FilterSpec(
            FILTER_TO_INSTRUCT,
            "紧急工单，等待单位领导批示后办理",
            15,
            "#6a1b9a",
            groupTasks(Elements.TASK_LEADER_INSTRUCTION),
            leaders),
        new FilterSpec(
            FILTER_OFFICE_SUPERVISION,
            "督办后仍逾期未答复、升级到政府督查室的工单",
            70,
            "#4e342e",
            groupTasks(HandlingEscalationProcess.Elements.TASK_OFFICE_SUPERVISION),
            List.of(Roles.SUPERVISION_OFFICE)),
        new FilterSpec(
            FILTER_KNOWLEDGE_GAPS,
            "知识库未能解答、等待本单位补充答复口径或等待审核发布的问题（逾期的在「待催办」督办）",
            80,
            "#00695c",
            groupTasks(
                KnowledgeGapProcess.Elements.TASK_WRITE_ANSWER,
                KnowledgeGapProcess.Elements.TASK_REVIEW_ANSWER),
            concat(units, List.of(Roles.REVIEWERS, Roles.SUPERVISORS))),
        new FilterSpec(
            FILTER_TO_ANSWER,
            "咨询类诉求：查看知识库匹配的答案，按知识库答复或转为工单（外部渠道的咨询也在此等待话务员）",
            5,
            "#1565c0",
            groupTasks(Elements.TASK_ANSWER_FROM_KNOWLEDGE),
            List.of(Roles.HOTLINE_AGENTS)));
  }

  /**
   * Tasks of one kind offered to any group of the current user, also once someone has claimed them.
   */
  private TaskQuery groupTasks(String... taskDefinitionKeys) {
    return taskService
        .createTaskQuery()
        .taskDefinitionKeyIn(taskDefinitionKeys)
        .taskCandidateGroupInExpression(CURRENT_USER_GROUPS)
        .includeAssignedTasks()
        .orderByDueDate()
        .asc();
  }

  private boolean createGroup(String id, String name, String type) {
    if (identityService.createGroupQuery().groupId(id).count() > 0) {
      return false;
    }
    Group group = identityService.newGroup(id);
    group.setName(name);
    group.setType(type);
    identityService.saveGroup(group);
    return true;
  }

  private void createUser(DemoUser demoUser, Tally tally) {
    if (identityService.createUserQuery().userId(demoUser.id()).count() == 0) {
      User user = identityService.newUser(demoUser.id());
      user.setLastName(demoUser.lastName());
      user.setFirstName(demoUser.firstName());
      user.setEmail(demoUser.id() + EMAIL_DOMAIN);
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      tally.users++;
    }
    if (identityService
            .createUserQuery()
            .userId(demoUser.id())
            .memberOfGroup(demoUser.groupId())
            .count()
        == 0) {
      identityService.createMembership(demoUser.id(), demoUser.groupId());
      tally.memberships++;
    }
  }

  /**
   * Grants the permissions to the group on the resource, adding them to the group's existing grant
   * if there is one (Camunda allows one grant per group and resource id).
   *
   * @return whether anything had to be saved
   */
  private boolean grant(
      String groupId, Resource resource, String resourceId, Permission... permissions) {
    return Grants.grant(authorizationService, groupId, resource, resourceId, permissions);
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }

  private static Map<String, String> unitNames() {
    Map<String, String> names = new LinkedHashMap<>();
    names.put(Units.HRSS, "市人力资源和社会保障局");
    names.put(Units.MEDICAL_SECURITY, "市医疗保障局");
    names.put(Units.HOUSING_FUND, "市住房公积金管理中心");
    names.put(Units.WATER, "市供水公司");
    names.put(Units.HEATING, "市热力公司");
    names.put(Units.DISTRICT_SAERTU, "萨尔图区人民政府");
    names.put(Units.DISTRICT_RANGHULU, "让胡路区人民政府");
    return Collections.unmodifiableMap(names);
  }

  /** A demo user: id, Chinese family and given name, and the one group they work in. */
  record DemoUser(String id, String lastName, String firstName, String groupId) {}

  /** What one run created; all zero when everything was already there. */
  record Created(int users, int groups, int memberships, int authorizations, int filters) {
    static final Created NOTHING = new Created(0, 0, 0, 0, 0);

    boolean isNothing() {
      return equals(NOTHING);
    }
  }

  /**
   * A Tasklist filter: its query, the properties Tasklist shows it with, and the groups that may
   * read it.
   */
  private record FilterSpec(
      String name,
      String description,
      int priority,
      String color,
      TaskQuery query,
      List<String> readers) {

    Map<String, Object> properties() {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", description);
      properties.put("priority", priority);
      properties.put("color", color);
      properties.put("refresh", true);
      properties.put(
          "variables",
          List.of(
              Map.of("name", Vars.WORK_ORDER_NUMBER, "label", "工单编号"),
              Map.of("name", Vars.CATEGORY_NAME, "label", "诉求分类")));
      return properties;
    }
  }

  private static final class Tally {
    int users;
    int groups;
    int memberships;
    int authorizations;
    int filters;

    Created toCreated() {
      return new Created(users, groups, memberships, authorizations, filters);
    }
  }
}
