package org.hotline12345.knowledge;

/**
 * The descriptor of the {@code knowledgeGap} process (知识缺口): key, element ids, variables, codes and
 * forms, for delegates, tests and the lead's work-order wiring alike.
 */
public final class KnowledgeGapProcess {

  public static final String KEY = "knowledgeGap";
  public static final String RESOURCE = "processes/knowledgeGap.bpmn";

  /** Business keys of gaps: this prefix and the work-order number, or "A" and the article id. */
  public static final String BUSINESS_KEY_PREFIX = "KG-";

  private KnowledgeGapProcess() {}

  /** Element ids of processes/knowledgeGap.bpmn. */
  public static final class Elements {
    public static final String START_GAP_FOUND = "StartEvent_GapFound";
    public static final String TASK_WRITE_ANSWER = "Task_WriteAnswer";
    public static final String TASK_REVIEW_ANSWER = "Task_ReviewAnswer";
    public static final String GATEWAY_REVIEW_DECISION = "Gateway_ReviewDecision";
    public static final String TASK_PUBLISH_ARTICLE = "Task_PublishArticle";
    public static final String END_ANSWER_PUBLISHED = "EndEvent_AnswerPublished";

    private Elements() {}
  }

  /** Process variables (Cockpit shows them; the forms use the same names). */
  public static final class Vars {
    public static final String QUESTION = "question";
    public static final String CATEGORY = "category";
    public static final String CATEGORY_NAME = "categoryName";
    public static final String UNIT = "unit";
    public static final String DEADLINE = "deadline";

    /** Why the deadline is what it is: {@link Codes#WORKING_DAYS} or {@link Codes#NEW_POLICY}. */
    public static final String DEADLINE_RULE = "deadlineRule";

    public static final String EFFECTIVE_FROM = "effectiveFrom";
    public static final String WORK_ORDER_NUMBER = "workOrderNumber";
    public static final String ARTICLE_ID = "articleId";
    public static final String ANSWER = "answer";
    public static final String KEYWORDS = "keywords";
    public static final String ANSWERED_BY = "answeredBy";
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String REVIEW_COMMENT = "reviewComment";
    public static final String PUBLISHED_BY = "publishedBy";
    public static final String GAP_WARNED = "gapWarned";
    public static final String GAP_OVERDUE = "gapOverdue";
    public static final String OUTCOME = "outcome";

    private Vars() {}
  }

  /** Values of the coded variables. */
  public static final class Codes {
    public static final String WORKING_DAYS = "WORKING_DAYS";
    public static final String NEW_POLICY = "NEW_POLICY";
    public static final String PUBLISH = "PUBLISH";
    public static final String SEND_BACK = "SEND_BACK";
    public static final String PUBLISHED = "PUBLISHED";

    private Codes() {}
  }

  /** Form ids of the gap's human steps. */
  public static final class Forms {
    public static final String WRITE_ANSWER = "writeKnowledgeAnswer";
    public static final String PUBLISH_ANSWER = "publishKnowledgeAnswer";

    private Forms() {}
  }
}
