package org.hotline12345.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hotline12345.calendar.Deadlines;
import org.hotline12345.forms.Characters;
import org.hotline12345.forms.FieldViolation;
import org.hotline12345.organisation.Units;
import org.hotline12345.security.AsSystem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The articles' life: created as drafts, published, edited, retired; every change in one
 * transaction with its version record, and the search index updated only once it is committed, so a
 * failed change leaves neither a half-written row nor a stale index entry. An article for a new
 * policy (effective date in the future) without an answer opens its knowledge gap.
 */
@Service
class KnowledgeArticles {

  static final int MAX_QUESTION = 500;
  static final int MAX_ANSWER = 8000;
  static final int MAX_KEYWORDS = 20;
  static final int MAX_KEYWORD = 20;

  /**
   * Policy dates the knowledge base takes: none before the hotline's records begin, none further
   * ahead than a notice is published (a gap's deadline is counted in working days up to then).
   */
  static final LocalDate EARLIEST_EFFECTIVE_FROM = LocalDate.of(2000, 1, 1);

  static final int MAX_YEARS_AHEAD = 10;

  private final Articles articles;
  private final ArticleIndex index;
  private final Categories categories;
  private final Units units;
  private final Deadlines deadlines;
  private final KnowledgeGaps gaps;
  private final IdentityService identity;

  KnowledgeArticles(
      Articles articles,
      ArticleIndex index,
      Categories categories,
      Units units,
      Deadlines deadlines,
      KnowledgeGaps gaps,
      IdentityService identity) {
    this.articles = articles;
    this.index = index;
    this.categories = categories;
    this.units = units;
    this.deadlines = deadlines;
    this.gaps = gaps;
    this.identity = identity;
  }

  /** Creates a draft; a new policy's article without an answer opens its gap. */
  @Transactional
  Article create(ArticleInput input, String by) {
    check(input, !isFuturePolicy(input));
    long id = articles.insert(clean(input), ArticleStatus.DRAFT, false, by, now());
    Article created = articles.find(id).orElseThrow();
    if (isBlank(created.answer()) && isFuturePolicy(input)) {
      gaps.openForPolicy(created);
    }
    return created;
  }

  /**
   * Creates and publishes a sample article (demo data), no gap. Its unit is one of seed 000's,
   * named in code; it is not looked up, as the demo organisation may create the groups later in the
   * same start.
   */
  @Transactional
  Article createSample(ArticleInput input) {
    check(input, true, false);
    long id = articles.insert(clean(input), ArticleStatus.PUBLISHED, true, "system", now());
    return afterCommit(articles.find(id).orElseThrow());
  }

  /** Changes the content; a published article stays published (and needs its answer). */
  @Transactional
  Article edit(long id, ArticleInput input, String by) {
    Article current = find(id);
    if (current.status() == ArticleStatus.RETIRED) {
      throw new ArticleConflictException("知识条目 " + id + " 已停用，不能修改");
    }
    check(input, current.isPublished() || !isFuturePolicy(input));
    articles.update(id, clean(input), current.status(), by, now());
    return afterCommit(find(id));
  }

  @Transactional
  Article publish(long id, String by) {
    Article current = find(id);
    if (current.status() != ArticleStatus.DRAFT) {
      throw new ArticleConflictException("只有草稿可以发布，知识条目 " + id + " 的状态是 " + current.status());
    }
    if (isBlank(current.answer())) {
      throw new InvalidArticleException(List.of(new FieldViolation("answer", "发布前须填写答复口径")));
    }
    articles.update(id, inputOf(current), ArticleStatus.PUBLISHED, by, now());
    return afterCommit(find(id));
  }

  @Transactional
  Article retire(long id, String by) {
    Article current = find(id);
    if (current.status() == ArticleStatus.RETIRED) {
      throw new ArticleConflictException("知识条目 " + id + " 已停用");
    }
    articles.update(id, inputOf(current), ArticleStatus.RETIRED, by, now());
    return afterCommit(find(id));
  }

  /** A gap's answer, approved by a reviewer: updates and publishes its article, or creates one. */
  @Transactional
  Article publishAnswer(GapAnswer answer) {
    ArticleInput input =
        new ArticleInput(
            answer.question(),
            answer.answer(),
            answer.category(),
            answer.unit(),
            answer.keywords(),
            answer.effectiveFrom());
    check(input, true);
    if (answer.articleId() == null) {
      long id =
          articles.insert(
              clean(input), ArticleStatus.PUBLISHED, false, answer.publishedBy(), now());
      return afterCommit(find(id));
    }
    long id = Long.parseLong(answer.articleId());
    find(id);
    articles.update(id, clean(input), ArticleStatus.PUBLISHED, answer.publishedBy(), now());
    return afterCommit(find(id));
  }

  Article find(long id) {
    return articles.find(id).orElseThrow(() -> new NoSuchArticleException(id));
  }

  Optional<Article> findIfAny(long id) {
    return articles.find(id);
  }

  List<Article> list(ArticleStatus status, String category, int limit) {
    return articles.list(status, category, limit);
  }

  List<Article> versions(long id) {
    find(id);
    return articles.versions(id);
  }

  /** Every field that is wrong, named as the API names it; nothing is stored if any is. */
  void check(ArticleInput in, boolean answerRequired) {
    check(in, answerRequired, true);
  }

  private void check(ArticleInput in, boolean answerRequired, boolean unitMustExist) {
    AsSystem.call(
        identity,
        () -> {
          checkAsSystem(in, answerRequired, unitMustExist);
          return null;
        });
  }

  private void checkAsSystem(ArticleInput in, boolean answerRequired, boolean unitMustExist) {
    List<FieldViolation> bad = new ArrayList<>();
    if (isBlank(in.question())) {
      bad.add(new FieldViolation("question", "「问题」为必填项"));
    } else if (Characters.exceeds(in.question().strip(), MAX_QUESTION)) {
      bad.add(
          new FieldViolation(
              "question", Characters.tooLong("「问题」", MAX_QUESTION, in.question().strip())));
    }
    if (answerRequired && isBlank(in.answer())) {
      bad.add(new FieldViolation("answer", "「答复口径」为必填项（只有生效日期在今后的新政策可以先不填）"));
    } else if (in.answer() != null && Characters.exceeds(in.answer().strip(), MAX_ANSWER)) {
      bad.add(
          new FieldViolation(
              "answer", Characters.tooLong("「答复口径」", MAX_ANSWER, in.answer().strip())));
    }
    if (isBlank(in.category())) {
      bad.add(new FieldViolation("category", "「诉求分类」为必填项"));
    } else if (!categories.exists(in.category())) {
      bad.add(new FieldViolation("category", "不是目录中的诉求分类（见 GET /api/catalog）：" + in.category()));
    }
    if (isBlank(in.unit())) {
      bad.add(new FieldViolation("unit", "「责任单位」为必填项"));
    } else if (unitMustExist && !units.isUnit(in.unit())) {
      bad.add(new FieldViolation("unit", "不是承办单位：" + in.unit()));
    }
    if (in.keywords() != null) {
      if (in.keywords().size() > MAX_KEYWORDS) {
        bad.add(new FieldViolation("keywords", "关键词不能超过 " + MAX_KEYWORDS + " 个"));
      }
      for (String keyword : in.keywords()) {
        if (isBlank(keyword)
            || Characters.exceeds(keyword.strip(), MAX_KEYWORD)
            || keyword.contains(",")) {
          bad.add(
              new FieldViolation(
                  "keywords", "每个关键词须为 1 到 " + MAX_KEYWORD + " 个字符、不含逗号：" + keyword));
          break;
        }
      }
    }
    if (in.effectiveFrom() != null
        && (in.effectiveFrom().isBefore(EARLIEST_EFFECTIVE_FROM)
            || in.effectiveFrom().isAfter(latestEffectiveFrom()))) {
      bad.add(
          new FieldViolation(
              "effectiveFrom",
              "「生效日期」应在 "
                  + EARLIEST_EFFECTIVE_FROM
                  + " 到 "
                  + latestEffectiveFrom()
                  + "（今后 "
                  + MAX_YEARS_AHEAD
                  + " 年）之间："
                  + in.effectiveFrom()));
    }
    if (!bad.isEmpty()) {
      throw new InvalidArticleException(bad);
    }
  }

  /** A policy takes effect at most {@value #MAX_YEARS_AHEAD} years from today. */
  private LocalDate latestEffectiveFrom() {
    return today().plusYears(MAX_YEARS_AHEAD);
  }

  private boolean isFuturePolicy(ArticleInput in) {
    return in.effectiveFrom() != null && in.effectiveFrom().isAfter(today());
  }

  private LocalDate today() {
    return deadlines.dayOf(deadlines.now());
  }

  /** The index follows the database only once the change is committed. */
  private Article afterCommit(Article article) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              index.update(article);
            }
          });
    } else {
      index.update(article);
    }
    return article;
  }

  private static ArticleInput clean(ArticleInput in) {
    return new ArticleInput(
        in.question().strip(),
        isBlank(in.answer()) ? null : in.answer().strip(),
        in.category(),
        in.unit(),
        in.keywords() == null ? List.of() : in.keywords().stream().map(String::strip).toList(),
        in.effectiveFrom());
  }

  private static ArticleInput inputOf(Article a) {
    return new ArticleInput(
        a.question(), a.answer(), a.category(), a.unit(), a.keywords(), a.effectiveFrom());
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
