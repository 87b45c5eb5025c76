package org.hotline12345.knowledge;

import java.net.URI;
import java.util.List;
import org.hotline12345.organisation.Roles;
import org.hotline12345.security.ApiCaller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Staff work on the knowledge base: {@code /api/knowledge/articles}. Every staff member searches
 * the published articles; reviewers and administrators (the editors) create, edit, publish and
 * retire, and see drafts; a unit may propose a draft for itself and edit its own drafts, which an
 * editor then publishes. Outside channels have no access.
 */
@RestController
@RequestMapping("/api/knowledge/articles")
class KnowledgeController {

  private static final int DEFAULT_LIMIT = 10;

  /** One search result: the match and the article's category. */
  record SearchResult(String query, List<KnowledgeMatch> matches) {}

  private final KnowledgeBase knowledgeBase;
  private final KnowledgeArticles articles;

  KnowledgeController(KnowledgeBase knowledgeBase, KnowledgeArticles articles) {
    this.knowledgeBase = knowledgeBase;
    this.articles = articles;
  }

  /**
   * {@code ?q=} searches the published articles (best first); without {@code q}, editors list
   * articles by {@code status} (DRAFT, PUBLISHED, RETIRED) and everyone else the published ones.
   */
  @GetMapping
  Object search(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String status,
      @RequestParam(required = false, defaultValue = "" + DEFAULT_LIMIT) int limit,
      @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
    requireStaff(caller);
    if (limit < 1 || limit > EmbeddedKnowledgeBase.MAX_LIMIT) {
      throw new InvalidArticleException(
          List.of(
              new org.hotline12345.forms.FieldViolation(
                  "limit", "应为 1 到 " + EmbeddedKnowledgeBase.MAX_LIMIT + " 之间的整数")));
    }
    String wantedCategory = category == null || category.isBlank() ? null : category;
    if (q != null && !q.isBlank()) {
      return new SearchResult(q, knowledgeBase.search(q, wantedCategory, limit));
    }
    ArticleStatus wanted = ArticleStatus.PUBLISHED;
    if (status != null && !status.isBlank()) {
      try {
        wanted = ArticleStatus.valueOf(status);
      } catch (IllegalArgumentException e) {
        throw new InvalidArticleException(
            List.of(
                new org.hotline12345.forms.FieldViolation(
                    "status", "应为 DRAFT、PUBLISHED 或 RETIRED：" + status)));
      }
    }
    if (wanted != ArticleStatus.PUBLISHED && !isEditor(caller)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有审核员和管理员可以查看草稿和已停用的知识条目");
    }
    return articles.list(wanted, wantedCategory, limit);
  }

  @GetMapping("/{id}")
  Article find(@PathVariable long id, @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
    return visible(id, caller);
  }

  /** Every version of the article with who changed it and when (editors only). */
  @GetMapping("/{id}/versions")
  List<Article> versions(
      @PathVariable long id, @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
    visible(id, caller);
    requireEditor(caller);
    return articles.versions(id);
  }

  @PostMapping
  ResponseEntity<Article> create(
      @RequestBody ArticleInput input, @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
    requireStaff(caller);
    if (!isEditor(caller) && !(input.unit() != null && caller.isIn(input.unit()))) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有审核员、管理员或本单位人员（为本单位）可以新建知识条目");
    }
    Article created = articles.create(input, caller.userId());
    return ResponseEntity.created(URI.create("/api/knowledge/articles/" + created.id()))
        .body(created);
  }

  @PutMapping("/{id}")
  Article edit(
      @PathVariable long id,
      @RequestBody ArticleInput input,
      @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
    Article current = visible(id, caller);
    if (!isEditor(caller)) {
      boolean ownDraft =
          current.status() == ArticleStatus.DRAFT
              && caller.isIn(current.unit())
              && caller.isIn(input.unit() == null ? "" : input.unit());
      if (!ownDraft) {
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "本单位人员只能修改本单位的草稿");
      }
    }
    return articles.edit(id, input, caller.userId());
  }

  @PostMapping("/{id}/publish")
  Article publish(@PathVariable long id, @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
    visible(id, caller);
    requireEditor(caller);
    return articles.publish(id, caller.userId());
  }

  @PostMapping("/{id}/retire")
  Article retire(@PathVariable long id, @RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
    visible(id, caller);
    requireEditor(caller);
    return articles.retire(id, caller.userId());
  }

  /**
   * The article, if the caller may read it: published ones for all staff, drafts and retired ones
   * for editors and the article's unit. Any other id answers 404 on every request, so no one learns
   * that another unit's draft exists by trying to read, edit, publish or retire it.
   */
  private Article visible(long id, ApiCaller caller) {
    requireStaff(caller);
    return articles
        .findIfAny(id)
        .filter(a -> a.isPublished() || isEditor(caller) || caller.isIn(a.unit()))
        .orElseThrow(() -> new NoSuchArticleException(id));
  }

  private static boolean isEditor(ApiCaller caller) {
    return caller.isAdministrator() || (!caller.isChannel() && caller.isIn(Roles.REVIEWERS));
  }

  private static void requireStaff(ApiCaller caller) {
    if (caller.isChannel()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "知识库只对热线工作人员开放");
    }
  }

  private static void requireEditor(ApiCaller caller) {
    requireStaff(caller);
    if (!isEditor(caller)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有审核员和管理员可以发布、停用知识条目或查看修改记录");
    }
  }
}
