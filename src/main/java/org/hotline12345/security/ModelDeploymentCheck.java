package org.hotline12345.security;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Refuses a deployment that a person makes (Camunda Modeler, the REST API, the webapps) when a
 * model in it could run code the hotline did not write: scripts (script tasks, {@code
 * camunda:script}, script conditions, script languages in decisions), Java class names ({@code
 * camunda:class}), external resources ({@code camunda:resource}, {@code camunda:formKey}, imports,
 * DOCTYPE), an expression that names an application component other than a delegate or listener or
 * uses reflection ({@link ExpressionRules}), or a file of a kind the application does not deploy
 * itself. Nothing of the deployment is kept.
 *
 * <p>The answer is a 400 whose {@code message} (what Modeler's deploy dialog shows) names, in
 * Chinese and English, the file, the element and the attribute and says why. The application's own
 * deployment at start-up (no one logged in) is its own code and is not checked here; what such a
 * model runs is still limited by the expression manager.
 */
class ModelDeploymentCheck implements Deployer {

  private static final Set<String> CAMUNDA_NAMESPACES =
      Set.of(
          "http://camunda.org/schema/1.0/bpmn",
          "http://camunda.org/schema/1.0/dmn",
          // The engine still reads Camunda's extensions under their Activiti namespace.
          "http://activiti.org/bpmn");

  /** Elements whose text people read and the engine never evaluates. */
  /**
   * The shortest history a model may keep, in days: five years, so that a new version cannot make
   * the history cleanup erase orders early.
   */
  static final int MIN_DAYS_KEPT = 1825;

  private static final Pattern DAYS = Pattern.compile("(?:P(\\d{1,9})D|(\\d{1,9}))");

  private static final Set<String> PROSE = Set.of("documentation", "description", "textAnnotation");

  /** A refused part of a model, and where it is, as Modeler's problem list shows it. */
  record Refusal(
      String resource,
      String elementId,
      String whereZh,
      String whereEn,
      String zh,
      String en,
      int line,
      int column)
      implements Problem {

    /** One line of the refusal: where, then why, in Chinese and then in English. */
    String text() {
      // A refusal of the element itself names its type in brackets: 元素 Task_X（bpmn:scriptTask）
      boolean bracketed = whereEn != null && whereEn.startsWith("(");
      String zhPlace =
          "「"
              + resource
              + "」"
              + (elementId == null ? "" : "元素 " + elementId + (bracketed ? "" : " "))
              + (whereZh == null ? "" : whereZh);
      String enPlace =
          resource
              + (elementId == null ? "" : ", element " + elementId)
              + (whereEn == null ? "" : (bracketed ? " " : ", ") + whereEn);
      return zhPlace.strip() + "：" + zh + " / " + enPlace + ": " + en;
    }

    @Override
    public String getMessage() {
      return text();
    }

    @Override
    public int getLine() {
      return line;
    }

    @Override
    public int getColumn() {
      return column;
    }

    @Override
    public String getMainElementId() {
      return elementId;
    }

    @Override
    public List<String> getElementIds() {
      return elementId == null ? List.of() : List.of(elementId);
    }
  }

  private final ExpressionRules rules;
  private final List<String> allowedEndings;

  /**
   * @param allowedEndings the file endings the application deploys itself ({@code
   *     camunda.bpm.deployment-resource-pattern}), such as {@code .bpmn}
   */
  ModelDeploymentCheck(ExpressionRules rules, Collection<String> allowedEndings) {
    this.rules = rules;
    this.allowedEndings = List.copyOf(allowedEndings);
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    CommandContext command = Context.getCommandContext();
    if (!deployment.isNew()
        || deployment.getResources() == null
        || command == null
        || command.getAuthenticatedUserId() == null) {
      return;
    }
    List<Refusal> refusals = new ArrayList<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      if (!resource.isGenerated()) {
        refusals.addAll(refusalsOf(resource.getName(), resource.getBytes()));
      }
    }
    if (!refusals.isEmpty()) {
      String first = refusals.get(0).resource();
      throw new ParseException(
          "模型被拒绝，未部署任何内容。 / Model refused; nothing was deployed.\n- "
              + String.join("\n- ", refusals.stream().map(Refusal::text).toList()),
          first,
          refusals.stream()
              .filter(r -> r.resource().equals(first))
              .map(Problem.class::cast)
              .toList(),
          List.of());
    }
  }

  /** What in one file may not be deployed; empty when the file may be. */
  List<Refusal> refusalsOf(String resource, byte[] content) {
    String ending = allowedEndings.stream().filter(resource::endsWith).findFirst().orElse(null);
    if (ending == null) {
      return List.of(
          new Refusal(
              resource,
              null,
              null,
              null,
              "不能部署此类文件，只能部署 " + String.join("、", allowedEndings) + " 文件",
              "files of this kind may not be deployed; only "
                  + String.join(", ", allowedEndings)
                  + " files may be",
              0,
              0));
    }
    if (ending.equals(".bpmn") || ending.equals(".dmn")) {
      return new XmlScan(resource, ending.equals(".dmn")).scan(content);
    }
    return List.of();
  }

  /** One pass over a BPMN or DMN file, element by element. */
  private final class XmlScan {
    private final String resource;
    private final boolean decision;
    private final List<Refusal> refusals = new ArrayList<>();
    private final Deque<String> ids = new ArrayDeque<>();
    private final Deque<StringBuilder> texts = new ArrayDeque<>();
    private int prose;
    private XMLStreamReader xml;

    XmlScan(String resource, boolean decision) {
      this.resource = resource;
      this.decision = decision;
    }

    List<Refusal> scan(byte[] content) {
      XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
      factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
      try {
        xml = factory.createXMLStreamReader(new ByteArrayInputStream(content));
        while (xml.hasNext()) {
          switch (xml.next()) {
            case XMLStreamConstants.DTD ->
                refuse(
                    null,
                    null,
                    "不允许 DOCTYPE 和实体声明（外部资源）",
                    "DOCTYPE and entity declarations (external resources) are not allowed");
            case XMLStreamConstants.START_ELEMENT -> startElement();
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
              if (!texts.isEmpty()) {
                texts.peek().append(xml.getText());
              }
            }
            case XMLStreamConstants.END_ELEMENT -> endElement();
            default -> {
              // comments, processing instructions and white space say nothing about what runs
            }
          }
        }
      } catch (XMLStreamException e) {
        String reason = e.getMessage().replaceAll("\\s+", " ");
        refuse(
            null,
            null,
            "文件不是格式正确的 XML（" + reason + "）",
            "the file is not well-formed XML (" + reason + ")");
      }
      return refusals;
    }

    private void startElement() {
      String local = xml.getLocalName();
      boolean camundaElement = isCamunda(xml.getNamespaceURI());
      String tag = qualified(xml.getPrefix(), local);
      String id = xml.getAttributeValue(null, "id");
      boolean ownId = id != null;
      ids.push(ownId ? id : ids.isEmpty() ? "" : ids.peek());
      texts.push(new StringBuilder());
      if (PROSE.contains(local) || (camundaElement && local.equals("string"))) {
        // A field's camunda:string is a literal, never evaluated.
        prose++;
      }

      // An element without an id of its own (a listener, a script) is named inside the nearest one.
      String nested = ownId ? null : tag;
      boolean script = local.equals("scriptTask") || (camundaElement && local.equals("script"));
      if (script) {
        refuse(
            ownId ? "（" + tag + "）" : "其中的 " + tag,
            ownId ? "(" + tag + ")" : "its " + tag,
            "不允许脚本（脚本任务、camunda:script、脚本条件）",
            "scripts are not allowed (script tasks, camunda:script, script conditions)");
      }
      if (local.equals("import")) {
        refuse(
            ownId ? "（" + tag + "）" : "其中的 " + tag,
            ownId ? "(" + tag + ")" : "its " + tag,
            "不允许引用外部资源",
            "external resources are not allowed");
      }
      for (int i = 0; i < xml.getAttributeCount(); i++) {
        attribute(i, camundaElement, script, nested);
      }
    }

    private void attribute(int i, boolean camundaElement, boolean script, String nested) {
      String local = xml.getAttributeLocalName(i);
      String namespace = xml.getAttributeNamespace(i);
      String value = xml.getAttributeValue(i);
      boolean camunda =
          namespace == null || namespace.isEmpty() ? camundaElement : isCamunda(namespace);
      String name = qualified(xml.getAttributePrefix(i), local);
      String whereZh = (nested == null ? "" : "其中 " + nested + " 的") + "属性 " + name;
      String whereEn = "attribute " + name + (nested == null ? "" : " of its " + nested);
      if (camunda && (local.equals("class") || local.equals("variableMappingClass"))) {
        refuse(
            whereZh,
            whereEn,
            "不允许用 Java 类名引用代码，请用 camunda:delegateExpression=\"${组件名}\" 引用流程委托或监听器",
            "Java class names are not allowed; name a process delegate or listener with"
                + " camunda:delegateExpression=\"${beanName}\"");
      } else if (camunda && (local.equals("resource") || local.equals("formKey"))) {
        refuse(
            whereZh,
            whereEn,
            "不允许引用外部资源（表单请用 camunda:formRef 引用部署中的 Camunda 表单）",
            "external resources are not allowed (forms are Camunda Forms of the deployment,"
                + " referenced with camunda:formRef)");
      } else if (camunda && local.equals("historyTimeToLive") && daysKept(value) < MIN_DAYS_KEPT) {
        refuse(
            whereZh,
            whereEn,
            "工单记录至少保存五年：historyTimeToLive 应不少于 P" + MIN_DAYS_KEPT + "D（现为 " + value + "）",
            "a work order's records are kept five years: historyTimeToLive must be at least P"
                + MIN_DAYS_KEPT
                + "D (it is "
                + value
                + ")");
      } else if ((local.equals("scriptFormat") && !script)
          || (!decision && local.equals("language"))
          || (decision && local.equals("expressionLanguage") && !feelOrJuel(value))) {
        refuse(
            whereZh,
            whereEn,
            "不允许脚本（脚本语言 " + value + "）",
            "scripts are not allowed (script language " + value + ")");
      }
      if (ExpressionRules.holdsExpression(value)) {
        for (ExpressionRules.Problem problem : rules.problemsIn(value)) {
          refuse(whereZh, whereEn, problem.zh(), problem.en());
        }
      }
    }

    private void endElement() {
      String text = texts.pop().toString();
      String tag = qualified(xml.getPrefix(), xml.getLocalName());
      if (prose == 0 && ExpressionRules.holdsExpression(text)) {
        for (ExpressionRules.Problem problem : rules.problemsIn(text.strip())) {
          refuse("其中 " + tag + " 的内容", "the content of " + tag, problem.zh(), problem.en());
        }
      }
      String local = xml.getLocalName();
      if (PROSE.contains(local) || (isCamunda(xml.getNamespaceURI()) && local.equals("string"))) {
        prose--;
      }
      ids.pop();
    }

    private void refuse(String whereZh, String whereEn, String zh, String en) {
      Location at = xml == null ? null : xml.getLocation();
      String id = ids.isEmpty() || ids.peek().isEmpty() ? null : ids.peek();
      refusals.add(
          new Refusal(
              resource,
              id,
              whereZh,
              whereEn,
              zh,
              en,
              at == null ? 0 : at.getLineNumber(),
              at == null ? 0 : at.getColumnNumber()));
    }

    /**
     * The days a history time-to-live keeps ({@code P1825D} or {@code 1825}); -1 if it is neither.
     */
    private static int daysKept(String value) {
      Matcher days = DAYS.matcher(value.trim());
      if (!days.matches()) {
        return -1;
      }
      return Integer.parseInt(days.group(1) != null ? days.group(1) : days.group(2));
    }

    private static boolean isCamunda(String namespace) {
      return namespace != null && CAMUNDA_NAMESPACES.contains(namespace);
    }

    private static boolean feelOrJuel(String language) {
      String lower = language.toLowerCase(Locale.ROOT);
      return lower.equals("feel")
          || lower.equals("juel")
          || (lower.contains("omg.org/spec/") && lower.contains("feel"));
    }

    private static String qualified(String prefix, String local) {
      return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }
  }
}
