package org.hotline12345.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline12345.ApiClient;
import org.hotline12345.ApiClient.Answer;
import org.hotline12345.IntakeRequests;
import org.hotline12345.TestPhones;
import org.hotline12345.organisation.Roles;
import org.hotline12345.workorder.WorkOrderProcess.Elements;
import org.hotline12345.workorder.WorkOrderProcess.Vars;

/**
 * The demo staff working the packaged app through its public HTTP APIs only: the agent registers
 * through the intake API; the unit, the reviewer and the revisit agent each find the order's task
 * in the engine REST API, claim it, load its form and submit it, the calls Tasklist makes; and a
 * unit's Tasklist page is asked for as Tasklist asks for it.
 */
final class AppStaff {

  /** What Tasklist's HTTP client sends, so that filter lists and pages answer in HAL. */
  static final String TASKLIST_ACCEPT = "application/hal+json, application/json; q=0.5";

  /** Tasklist's request for the first page of a filter (sorted by creation, newest first). */
  private static final Map<String, Object> TASKLIST_PAGE_QUERY =
      Map.of(
          "processVariables", new Object[0],
          "taskVariables", new Object[0],
          "caseInstanceVariables", new Object[0],
          "sorting", new Object[] {Map.of("sortBy", "created", "sortOrder", "desc")},
          "active", true);

  private final int port;
  private final Duration timeout;
  private final Map<String, ApiClient> clients = new ConcurrentHashMap<>();

  AppStaff(int port, Duration timeout) {
    this.port = port;
    this.timeout = timeout;
  }

  /** An order the agent registered: its number and the caller's phone. */
  record Registered(String number, String phone) {}

  /** Raised when the app refuses or fails a step a member of staff takes. */
  static final class StepFailed extends RuntimeException {
    StepFailed(String step, Answer answer) {
      super(step + " answered " + answer.status() + ": " + abbreviate(answer.json().toString()));
    }
  }

  /** The agent's registration as it is sent; the answer is the caller's to judge. */
  Answer sendRegistration(Desk desk, String phone) {
    Map<String, Object> request = IntakeRequests.phoneCall("COMPLAINT", desk.category());
    request.put("phone", phone);
    request.put("district", desk.district());
    request.put("content", desk.content());
    return as("agent1").post("/api/work-orders", request);
  }

  Registered register(Desk desk) {
    String phone = TestPhones.unique();
    Answer answer = sendRegistration(desk, phone);
    if (answer.status() != 201) {
      throw new StepFailed("registration", answer);
    }
    return new Registered(answer.json().path("number").asText(), phone);
  }

  /** Takes the order from where it waits ({@code from}) on until it waits at {@code to}. */
  void advance(String number, Desk desk, Progress from, Progress to) {
    for (Progress step = from;
        step.compareTo(to) < 0;
        step = Progress.values()[step.ordinal() + 1]) {
      switch (step) {
        case TO_SIGN ->
            work(
                number,
                Elements.TASK_SIGN_WORK_ORDER,
                desk.unit(),
                desk.user(),
                Map.of(Vars.SIGN_ACTION, "SIGN", Vars.SIGN_NOTE, "已签收，马上安排处理。"));
        case IN_HANDLING ->
            work(
                number,
                Elements.TASK_HANDLE_WORK_ORDER,
                desk.unit(),
                desk.user(),
                Map.of(
                    Vars.HANDLING_ACTION, "REPLY",
                    Vars.HANDLING_RESULT, "RESOLVED",
                    Vars.REPLY_CONTENT, "已派人到现场处理完毕，并电话告知市民。",
                    Vars.CITIZEN_CONTACTED, true));
        case IN_REVIEW ->
            work(
                number,
                Elements.TASK_REVIEW_REPLY,
                Roles.REVIEWERS,
                "reviewer1",
                Map.of(Vars.REVIEW_DECISION, "ACCEPTED", Vars.REVIEW_COMMENT, "答复属实，同意。"));
        case IN_REVISIT ->
            work(
                number,
                Elements.TASK_REVISIT_CITIZEN,
                Roles.REVISIT_AGENTS,
                "revisit1",
                Map.of(
                    Vars.CITIZEN_REACHED, "REACHED",
                    Vars.SATISFACTION, "SATISFIED",
                    Vars.REVISIT_NOTE, "市民表示问题已解决，满意。"));
        case CLOSED -> throw new IllegalArgumentException("a closed order has no next step");
      }
    }
  }

  /** One order's whole life: registered, signed, handled, reviewed, called back, closed. */
  Registered lifecycle(Desk desk) {
    Registered order = register(desk);
    advance(order.number(), desk, Progress.TO_SIGN, Progress.CLOSED);
    return order;
  }

  /** The order as the intake API shows it ({@code status}, {@code stage}, ...). */
  JsonNode order(String number) {
    Answer answer = as("agent1").get("/api/work-orders/" + number);
    if (answer.status() != 200) {
      throw new StepFailed("reading order " + number, answer);
    }
    return answer.json();
  }

  /**
   * A user of {@code group} finds the order's task, claims it unless it is already theirs, loads
   * its form and submits it.
   */
  private void work(
      String number, String taskKey, String group, String user, Map<String, Object> form) {
    ApiClient staff = as(user);
    Answer found =
        staff.get(
            "/engine-rest/task?processInstanceBusinessKey="
                + number
                + "&taskDefinitionKey="
                + taskKey
                + "&candidateGroup="
                + group
                + "&includeAssignedTasks=true");
    if (found.status() != 200 || found.json().size() != 1) {
      throw new StepFailed(user + " looking for " + taskKey + " of " + number, found);
    }
    JsonNode task = found.json().get(0);
    String id = task.path("id").asText();
    if (!user.equals(task.path("assignee").asText(null))) {
      Answer claimed = staff.post("/engine-rest/task/" + id + "/claim", Map.of("userId", user));
      if (claimed.status() != 204) {
        throw new StepFailed(user + " claiming " + taskKey, claimed);
      }
    }
    Answer loaded = staff.get("/engine-rest/task/" + id + "/form-variables");
    if (loaded.status() != 200) {
      throw new StepFailed(user + " loading the form of " + taskKey, loaded);
    }
    Answer submitted =
        staff.post("/engine-rest/task/" + id + "/submit-form", Map.of("variables", typed(form)));
    if (submitted.status() != 204) {
      throw new StepFailed(user + " submitting " + taskKey, submitted);
    }
  }

  /** Tasklist's list of the filters the user may read: their number, then the list itself. */
  Answer filters(String user) {
    ApiClient tasklist = tasklist(user);
    Answer count = tasklist.get("/engine-rest/filter/count?itemCount=false&resourceType=Task");
    if (count.status() != 200) {
      throw new StepFailed("counting filters", count);
    }
    Answer list =
        tasklist.get(
            "/engine-rest/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task");
    if (list.status() != 200) {
      throw new StepFailed("listing filters", list);
    }
    return list;
  }

  /** The id of the filter of that name among those the user may read. */
  String filterId(String user, String name) {
    for (JsonNode filter : filters(user).json()) {
      if (name.equals(filter.path("name").asText())) {
        return filter.path("id").asText();
      }
    }
    throw new IllegalStateException(user + " has no filter " + name);
  }

  /** The first page (15 tasks) of the filter, in HAL with its count, as Tasklist shows it. */
  Answer page(String user, String filterId) {
    Answer page =
        tasklist(user)
            .post(
                "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15",
                TASKLIST_PAGE_QUERY);
    if (page.status() != 200) {
      throw new StepFailed("the page of filter " + filterId, page);
    }
    return page;
  }

  /** The number of tasks in the filter. */
  long count(String user, String filterId) {
    Answer count = as(user).get("/engine-rest/filter/" + filterId + "/count");
    if (count.status() != 200) {
      throw new StepFailed("the count of filter " + filterId, count);
    }
    return count.json().path("count").asLong();
  }

  private ApiClient as(String user) {
    return clients.computeIfAbsent(user, u -> ApiClient.as(port, u).timeout(timeout));
  }

  /** The user's client as Tasklist's, asking for HAL. */
  private ApiClient tasklist(String user) {
    return clients.computeIfAbsent(
        user + " (Tasklist)",
        u -> ApiClient.as(port, user).with("Accept", TASKLIST_ACCEPT).timeout(timeout));
  }

  /** Variables as the engine REST API takes them: {@code {"name": {"value": ...}}}. */
  private static Map<String, Object> typed(Map<String, Object> values) {
    Map<String, Object> typed = new LinkedHashMap<>();
    values.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    return typed;
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
