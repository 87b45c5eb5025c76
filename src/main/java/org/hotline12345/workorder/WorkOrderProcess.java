package org.hotline12345.workorder;

/**
 * The descriptor of the {@code workOrder} process: its key, element ids, variable names and codes,
 * used by delegates, controllers, tests and forms so that no id is typed twice.
 */
public final class WorkOrderProcess {

  public static final String KEY = "workOrder";
  public static final String RESOURCE = "processes/workOrder.bpmn";

  private WorkOrderProcess() {}

  /** Element ids of processes/workOrder.bpmn. */
  public static final class Elements {
    public static final String START_REQUEST_RECEIVED = "StartEvent_RequestReceived";
    public static final String TASK_REGISTER_WORK_ORDER = "Task_RegisterWorkOrder";
    public static final String GATEWAY_INTAKE_OUTCOME = "Gateway_IntakeOutcome";
    public static final String TASK_CLOSE_AT_INTAKE = "Task_CloseAtIntake";
    public static final String END_CLOSED_AT_INTAKE = "EndEvent_ClosedAtIntake";
    public static final String TASK_DECIDE_PRIORITY = "Task_DecidePriority";
    public static final String TASK_DECIDE_ROUTING = "Task_DecideRouting";
    public static final String GATEWAY_KNOWLEDGE_NEEDED = "Gateway_KnowledgeNeeded";
    public static final String TASK_SEARCH_KNOWLEDGE = "Task_SearchKnowledge";
    public static final String TASK_ANSWER_FROM_KNOWLEDGE = "Task_AnswerFromKnowledge";
    public static final String GATEWAY_ANSWERED_FROM_KNOWLEDGE = "Gateway_AnsweredFromKnowledge";
    public static final String TASK_CLOSE_ANSWERED_FROM_KNOWLEDGE =
        "Task_CloseAnsweredFromKnowledge";
    public static final String END_ANSWERED_FROM_KNOWLEDGE = "EndEvent_AnsweredFromKnowledge";
    public static final String GATEWAY_KNOWLEDGE_GAP_NEEDED = "Gateway_KnowledgeGapNeeded";
    public static final String TASK_OPEN_KNOWLEDGE_GAP = "Task_OpenKnowledgeGap";
    public static final String END_KNOWLEDGE_GAP_OPENED = "EndEvent_KnowledgeGapOpened";
    public static final String GATEWAY_KNOWLEDGE_MERGED = "Gateway_KnowledgeMerged";
    public static final String GATEWAY_UNIT_CERTAIN = "Gateway_UnitCertain";
    public static final String GATEWAY_DISPATCHER_NEEDED = "Gateway_DispatcherNeeded";
    public static final String TASK_CHOOSE_UNIT = "Task_ChooseUnit";
    public static final String GATEWAY_UNIT_CHOSEN = "Gateway_UnitChosen";
    public static final String TASK_DISPATCH_WORK_ORDER = "Task_DispatchWorkOrder";
    public static final String BOUNDARY_UNKNOWN_UNIT = "BoundaryEvent_UnknownUnit";
    public static final String GATEWAY_CONTACT_NEEDED = "Gateway_ContactNeeded";
    public static final String GATEWAY_CONTACT_SPLIT = "Gateway_ContactSplit";
    public static final String GATEWAY_SIGNING_STARTS = "Gateway_SigningStarts";
    public static final String TASK_CONTACT_CITIZEN = "Task_ContactCitizen";
    public static final String TIMER_CONTACT_OVERDUE = "Timer_ContactOverdue";
    public static final String TASK_RECORD_LATE_CONTACT = "Task_RecordLateContact";
    public static final String END_CITIZEN_CONTACTED = "EndEvent_CitizenContacted";
    public static final String END_CONTACT_LATE = "EndEvent_ContactLate";
    public static final String SUBPROCESS_SIGNING = "SubProcess_Signing";
    public static final String TASK_SIGN_WORK_ORDER = "Task_SignWorkOrder";
    public static final String TIMER_SIGN_OVERDUE = "Timer_SignOverdue";
    public static final String TASK_RECORD_LATE_SIGNING = "Task_RecordLateSigning";
    public static final String TASK_CHASE_SIGNING = "Task_ChaseSigning";
    public static final String END_WORK_ORDER_SIGNED = "EndEvent_WorkOrderSigned";
    public static final String END_SIGNING_CHASED = "EndEvent_SigningChased";
    public static final String GATEWAY_SIGNING_OUTCOME = "Gateway_SigningOutcome";
    public static final String TASK_RECORD_RETURN = "Task_RecordReturn";
    public static final String TASK_HANDLE_WORK_ORDER = "Task_HandleWorkOrder";
    public static final String GATEWAY_CO_HANDLING_SPLIT = "Gateway_CoHandlingSplit";
    public static final String GATEWAY_CO_HANDLING_NEEDED = "Gateway_CoHandlingNeeded";
    public static final String END_NO_CO_HANDLING = "EndEvent_NoCoHandling";
    public static final String SUBPROCESS_CO_HANDLING = "SubProcess_CoHandling";
    public static final String TASK_DISPATCH_CO_HANDLING = "Task_DispatchCoHandling";
    public static final String TASK_SIGN_CO_HANDLING = "Task_SignCoHandling";
    public static final String TASK_CONTRIBUTE_CO_HANDLING = "Task_ContributeCoHandling";
    public static final String END_CO_UNIT_CONTRIBUTED = "EndEvent_CoUnitContributed";
    public static final String END_CO_HANDLING_DONE = "EndEvent_CoHandlingDone";
    public static final String GATEWAY_INSTRUCTION_NEEDED = "Gateway_InstructionNeeded";
    public static final String TASK_LEADER_INSTRUCTION = "Task_LeaderInstruction";
    public static final String GATEWAY_HANDLING_OUTCOME = "Gateway_HandlingOutcome";
    public static final String TASK_REVIEW_EXTENSION = "Task_ReviewExtension";
    public static final String GATEWAY_EXTENSION_APPROVED = "Gateway_ExtensionApproved";
    public static final String TASK_EXTEND_DEADLINE = "Task_ExtendDeadline";
    public static final String TASK_REVIEW_REPLY = "Task_ReviewReply";
    public static final String GATEWAY_REPLY_ACCEPTED = "Gateway_ReplyAccepted";
    public static final String GATEWAY_REVISIT_ATTEMPT = "Gateway_RevisitAttempt";
    public static final String TASK_REVISIT_CITIZEN = "Task_RevisitCitizen";
    public static final String GATEWAY_CITIZEN_REACHED = "Gateway_CitizenReached";
    public static final String GATEWAY_REVISIT_ATTEMPTS_LEFT = "Gateway_RevisitAttemptsLeft";
    public static final String TIMER_NEXT_REVISIT_ATTEMPT = "Timer_NextRevisitAttempt";
    public static final String TASK_JUDGE_RESPONSIBILITY = "Task_JudgeResponsibility";
    public static final String GATEWAY_CITIZEN_SATISFIED = "Gateway_CitizenSatisfied";
    public static final String GATEWAY_REHANDLING_ALLOWED = "Gateway_RehandlingAllowed";
    public static final String TASK_ARRANGE_REHANDLING = "Task_ArrangeRehandling";
    public static final String TASK_CLOSE_WORK_ORDER = "Task_CloseWorkOrder";
    public static final String END_WORK_ORDER_CLOSED = "EndEvent_WorkOrderClosed";

    private Elements() {}
  }

  /** Process variable names; form field keys are the same names. */
  public static final class Vars {
    // Registered at intake
    public static final String WORK_ORDER_NUMBER = "workOrderNumber";
    public static final String CHANNEL = "channel";
    public static final String CALLER_NAME = "callerName";
    public static final String PHONE = "phone";
    public static final String ENTERPRISE = "enterprise";
    public static final String ENTERPRISE_NAME = "enterpriseName";
    public static final String DISTRICT = "district";
    public static final String ADDRESS = "address";

    /** The caller's ID number, where a channel sends one (personal data like phone and name). */
    public static final String ID_NUMBER = "idNumber";

    public static final String REQUEST_TYPE = "requestType";
    public static final String CATEGORY = "category";

    /** The category's Chinese name, for task lists (Tasklist shows variables as they are). */
    public static final String CATEGORY_NAME = "categoryName";

    public static final String CONTENT = "content";
    public static final String URGENT_MARKED = "urgentMarked";
    public static final String SPECIAL_SERVICE = "specialService";
    public static final String EXTERNAL_ID = "externalId";
    public static final String REGISTERED_AT = "registeredAt";
    public static final String REGISTERED_BY = "registeredBy";

    // How the agent dealt with the call at intake, and what each shortcut records
    public static final String INTAKE_OUTCOME = "intakeOutcome";
    public static final String DIRECT_ANSWER = "directAnswer";
    public static final String OUT_OF_SCOPE_REASON = "outOfScopeReason";
    public static final String REDIRECTED_TO = "redirectedTo";
    public static final String EMERGENCY_LINE = "emergencyLine";
    public static final String HANDOVER_NOTE = "handoverNote";
    public static final String SPECIALIST = "specialist";
    public static final String THREE_WAY_RESOLVED = "threeWayResolved";
    public static final String FIRST_CONTACT_RESOLUTION = "firstContactResolution";
    public static final String LINKED_ORDER = "linkedOrder";
    public static final String REPEAT_COUNT = "repeatCount";

    // A consultation answered from the knowledge base (知识库); the matches themselves and the gap's
    // key are the knowledge module's (SearchKnowledgeBaseDelegate, OpenKnowledgeGapDelegate)

    /** The matches as the form's choice: a JSON array of {@code {label, value}}. */
    public static final String KNOWLEDGE_OPTIONS = "knowledgeOptions";

    /** The matches as text for the agent to read. */
    public static final String KNOWLEDGE_ANSWERS = "knowledgeAnswers";

    public static final String KNOWLEDGE_ACTION = "knowledgeAction";
    public static final String KNOWLEDGE_ARTICLE_ID = "knowledgeArticleId";
    public static final String KNOWLEDGE_ARTICLE_SAMPLE = "knowledgeArticleSample";
    public static final String KNOWLEDGE_NOTE = "knowledgeNote";

    // Decided by dmn/workOrderPriority.dmn
    public static final String URGENT = "urgent";
    public static final String PRIORITY = "priority";
    public static final String SIGN_LIMIT = "signLimit";
    public static final String HANDLE_LIMIT_DAYS = "handleLimitDays";

    // Decided by dmn/workOrderRouting.dmn or the dispatcher
    public static final String ROUTED_UNIT = "routedUnit";
    public static final String ROUTING_CERTAIN = "routingCertain";

    /** The table's word that this category is a livelihood request (民生保障诉求, seed 000). */
    public static final String CONTACT_NEXT_WORKING_DAY = "contactNextWorkingDay";

    public static final String UNIT = "unit";

    // Co-handling (协办): the lead unit is UNIT; these units each sign and contribute their part
    /** The table's co-units for this matter (comma-separated group ids, empty for none). */
    public static final String ROUTED_CO_UNITS = "routedCoUnits";

    /**
     * The co-units: chosen by the dispatcher (a list from the form) or taken from the table; after
     * dispatch, the comma-separated group ids.
     */
    public static final String CO_UNITS = "coUnits";

    /**
     * The co-units that have not yet contributed (comma-separated); the lead replies when empty.
     */
    public static final String CO_UNITS_PENDING = "coUnitsPending";

    /**
     * The contributions so far, one paragraph per co-unit, shown to the lead unit and reviewers.
     */
    public static final String CO_HANDLING_CONTRIBUTIONS = "coHandlingContributions";

    /** Whether every co-unit signed and contributed in time (false once one was late). */
    public static final String CO_HANDLED_IN_TIME = "coHandledInTime";

    // Local to one co-unit's part (the multi-instance subprocess)
    public static final String CO_UNIT = "coUnit";
    public static final String CO_SIGN_DEADLINE = "coSignDeadline";
    public static final String CO_SIGNED_AT = "coSignedAt";
    public static final String CO_SIGNED_BY = "coSignedBy";
    public static final String CO_SIGN_NOTE = "coSignNote";
    public static final String CO_HANDLING_DEADLINE = "coHandlingDeadline";
    public static final String CONTRIBUTION = "contribution";
    public static final String CONTRIBUTED_AT = "contributedAt";
    public static final String CONTRIBUTED_BY = "contributedBy";

    // Escalation marks of the steps other than handling (see the escalation module)
    public static final String SIGNING_WARNED = "signingWarned";
    public static final String CONTACT_WARNED = "contactWarned";
    public static final String CO_HANDLING_WARNED = "coHandlingWarned";
    public static final String CO_HANDLING_OVERDUE = "coHandlingOverdue";
    public static final String DISPATCH_NOTE = "dispatchNote";
    public static final String DISPATCHED_AT = "dispatchedAt";

    // Livelihood request registered outside working time: call the citizen by 10:00 next working
    // day
    public static final String CONTACT_REQUIRED = "contactRequired";
    public static final String CONTACT_DEADLINE = "contactDeadline";
    public static final String CONTACT_NOTE = "contactNote";
    public static final String CONTACTED_AT = "contactedAt";
    public static final String CONTACTED_BY = "contactedBy";
    public static final String CONTACTED_IN_TIME = "contactedInTime";
    public static final String CONTACT_OVERDUE = "contactOverdue";

    // Signing
    public static final String SIGN_DEADLINE = "signDeadline";
    public static final String SIGN_OVERDUE = "signOverdue";
    public static final String SIGN_NOTE = "signNote";
    public static final String SIGN_ACTION = "signAction";
    public static final String RETURN_REASON = "returnReason";
    public static final String RETURN_COUNT = "returnCount";
    public static final String MAX_RETURNS = "maxReturns";
    public static final String RETURNED_UNIT = "returnedUnit";
    public static final String SIGNED_AT = "signedAt";
    public static final String SIGNED_BY = "signedBy";
    public static final String SIGNED_IN_TIME = "signedInTime";
    public static final String CHASE_NOTE = "chaseNote";

    // Handling
    public static final String HANDLE_DEADLINE = "handleDeadline";
    public static final String HANDLING_RESULT = "handlingResult";
    public static final String REPLY_CONTENT = "replyContent";
    public static final String CITIZEN_CONTACTED = "citizenContacted";
    public static final String REPLIED_AT = "repliedAt";
    public static final String REPLIED_BY = "repliedBy";
    public static final String HANDLED_IN_TIME = "handledInTime";
    public static final String HANDLING_ACTION = "handlingAction";
    public static final String HANDLING_WARNED = "handlingWarned";
    public static final String HANDLE_OVERDUE = "handleOverdue";
    public static final String LEADER_INSTRUCTION = "leaderInstruction";
    public static final String INSTRUCTED_BY = "instructedBy";
    public static final String INSTRUCTED_AT = "instructedAt";
    public static final String ORIGINAL_HANDLE_DEADLINE = "originalHandleDeadline";
    public static final String EXTENSION_REASON = "extensionReason";
    public static final String LEGAL_BASIS = "legalBasis";
    public static final String REQUESTED_DEADLINE = "requestedDeadline";
    public static final String EXTENSION_DECISION = "extensionDecision";
    public static final String EXTENSION_COMMENT = "extensionComment";
    public static final String EXTENSION_COUNT = "extensionCount";

    // Review
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String REVIEW_COMMENT = "reviewComment";
    public static final String SEND_BACK_COUNT = "sendBackCount";

    // Revisit
    public static final String SATISFACTION = "satisfaction";
    public static final String REVISIT_NOTE = "revisitNote";
    public static final String REVISITED_BY = "revisitedBy";
    public static final String REHANDLING_COUNT = "rehandlingCount";
    public static final String MAX_REHANDLINGS = "maxRehandlings";
    public static final String CITIZEN_REACHED = "citizenReached";
    public static final String REVISIT_ATTEMPTS = "revisitAttempts";
    public static final String UNIT_RESPONSIBLE = "unitResponsible";
    public static final String JUDGEMENT_NOTE = "judgementNote";

    // Outcome
    public static final String CLOSED_AT = "closedAt";
    public static final String OUTCOME = "outcome";

    private Vars() {}
  }

  /** Error codes thrown as {@code BpmnError} by delegates and caught in the model. */
  public static final class Errors {
    /** The unit a table or a dispatcher named is not a handling unit (a group of type UNIT). */
    public static final String UNKNOWN_UNIT = "UNKNOWN_UNIT";

    private Errors() {}
  }

  /** Codes of the choices in the forms and tables. */
  public static final class Codes {
    public static final String SIGN = "SIGN";
    public static final String RETURN = "RETURN";
    public static final String REPLY = "REPLY";
    public static final String REQUEST_EXTENSION = "REQUEST_EXTENSION";
    public static final String EXTENSION_APPROVED = "APPROVED";
    public static final String REVIEW_ACCEPTED = "ACCEPTED";
    public static final String REVIEW_SENT_BACK = "SENT_BACK";
    public static final String UNSATISFIED = "UNSATISFIED";
    public static final String REACHED = "REACHED";
    public static final String UNREACHABLE = "UNREACHABLE";
    public static final String OUTCOME_UNREACHABLE = "UNREACHABLE";
    public static final String OUTCOME_RESOLVED = "RESOLVED";
    public static final String OUTCOME_UNRESOLVED = "UNRESOLVED";

    public static final String INTAKE_WORK_ORDER = "WORK_ORDER";
    public static final String INTAKE_ANSWERED = "ANSWERED";
    public static final String KNOWLEDGE_ANSWERED = "ANSWERED";
    public static final String KNOWLEDGE_NOT_ANSWERED = "NOT_ANSWERED";
    public static final String INTAKE_OUT_OF_SCOPE = "OUT_OF_SCOPE";
    public static final String INTAKE_EMERGENCY = "EMERGENCY";
    public static final String INTAKE_THREE_WAY_CALL = "THREE_WAY_CALL";

    /**
     * Set by registration, not by the agent: the same caller on the same matter while an order is
     * open.
     */
    public static final String INTAKE_LINKED = "LINKED";

    public static final String OUTCOME_LINKED_TO_OPEN_ORDER = "LINKED_TO_OPEN_ORDER";
    public static final String OUTCOME_ANSWERED_DIRECTLY = "ANSWERED_DIRECTLY";
    public static final String OUTCOME_NOT_ACCEPTED = "NOT_ACCEPTED";
    public static final String OUTCOME_HANDED_OVER_TO_EMERGENCY = "HANDED_OVER_TO_EMERGENCY";
    public static final String OUTCOME_RESOLVED_ON_THREE_WAY_CALL = "RESOLVED_ON_THREE_WAY_CALL";

    private Codes() {}
  }

  /** Decision keys. */
  public static final class Decisions {
    public static final String PRIORITY = "workOrderPriority";
    public static final String URGENCY = "workOrderUrgency";
    public static final String ROUTING = "workOrderRouting";

    private Decisions() {}
  }

  /** Form ids ({@code camunda:formRef}); each lives in forms/&lt;id&gt;.form. */
  public static final class Forms {
    public static final String REGISTER_REQUEST = "registerRequest";
    public static final String CHOOSE_UNIT = "chooseUnit";
    public static final String SIGN_WORK_ORDER = "signWorkOrder";
    public static final String CHASE_SIGNING = "chaseSigning";
    public static final String HANDLE_WORK_ORDER = "handleWorkOrder";
    public static final String REVIEW_REPLY = "reviewReply";
    public static final String REVISIT_CITIZEN = "revisitCitizen";
    public static final String CONTACT_CITIZEN = "contactCitizen";
    public static final String JUDGE_RESPONSIBILITY = "judgeResponsibility";
    public static final String REVIEW_EXTENSION = "reviewExtension";
    public static final String LEADER_INSTRUCTION = "leaderInstruction";
    public static final String SIGN_CO_HANDLING = "signCoHandling";
    public static final String ANSWER_FROM_KNOWLEDGE = "answerFromKnowledge";
    public static final String CONTRIBUTE_CO_HANDLING = "contributeCoHandling";

    private Forms() {}
  }
}
