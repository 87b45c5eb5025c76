package org.hotline12345.knowledge;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * An external knowledge base (a province's or a vendor's) over HTTP, {@code
 * hotline.knowledge.adapter=http}. The JSON contract (README, 知识库 / Knowledge base):
 *
 * <ul>
 *   <li>{@code POST {base-url}/search} with {@code {"text", "category", "limit"}} answers {@code
 *       {"matches": [{"id", "question", "answer", "unit", "score", "sample"}]}};
 *   <li>{@code POST {base-url}/articles} with {@code {"articleId", "question", "answer",
 *       "category", "unit", "keywords", "effectiveFrom", "publishedBy"}} answers {@code {"id"}}.
 * </ul>
 *
 * Every request carries the API key in the configured header and is bounded by the connect and read
 * timeouts. A search that fails (timeout, refused connection, an error status, an unreadable
 * answer) gives no matches and a warning in the log, so intake goes on; publishing a gap's answer
 * that fails throws {@link KnowledgeBaseUnavailableException} so the process step is retried.
 */
@Component
@ConditionalOnProperty(name = "hotline.knowledge.adapter", havingValue = "http")
class HttpKnowledgeBase implements KnowledgeBase {

  private static final Logger LOG = LoggerFactory.getLogger(HttpKnowledgeBase.class);

  record SearchRequest(String text, String category, int limit) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Match(
      String id, String question, String answer, String unit, double score, boolean sample) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record SearchResponse(List<Match> matches) {}

  record PublishRequest(
      String articleId,
      String question,
      String answer,
      String category,
      String unit,
      List<String> keywords,
      LocalDate effectiveFrom,
      String publishedBy) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record PublishResponse(String id) {}

  private final RestClient client;
  private final String baseUrl;

  HttpKnowledgeBase(
      RestClient.Builder builder,
      @Value("${hotline.knowledge.http.base-url}") String baseUrl,
      @Value("${hotline.knowledge.http.connect-timeout:PT2S}") Duration connectTimeout,
      @Value("${hotline.knowledge.http.read-timeout:PT3S}") Duration readTimeout,
      @Value("${hotline.knowledge.http.api-key-header:X-Api-Key}") String apiKeyHeader,
      @Value("${hotline.knowledge.http.api-key:}") String apiKey) {
    JdkClientHttpRequestFactory requests =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder().connectTimeout(connectTimeout).build());
    requests.setReadTimeout(readTimeout);
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    RestClient.Builder configured = builder.clone().requestFactory(requests).baseUrl(this.baseUrl);
    if (!apiKey.isBlank()) {
      configured.defaultHeader(apiKeyHeader, apiKey);
    }
    this.client = configured.build();
  }

  @Override
  public List<KnowledgeMatch> search(String text, String category, int limit) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    try {
      SearchResponse response =
          client
              .post()
              .uri("/search")
              .contentType(MediaType.APPLICATION_JSON)
              .accept(MediaType.APPLICATION_JSON)
              .body(
                  new SearchRequest(
                      text,
                      category,
                      Math.max(1, Math.min(limit, EmbeddedKnowledgeBase.MAX_LIMIT))))
              .retrieve()
              .body(SearchResponse.class);
      if (response == null || response.matches() == null) {
        LOG.warn("External knowledge base {}: search answered without matches list", baseUrl);
        return List.of();
      }
      return response.matches().stream()
          .limit(limit)
          .map(
              m ->
                  new KnowledgeMatch(
                      m.id(), m.question(), m.answer(), m.unit(), m.score(), m.sample()))
          .toList();
    } catch (RestClientException e) {
      LOG.warn(
          "External knowledge base {} unavailable, searching it gave nothing: {}",
          baseUrl,
          e.getMessage());
      return List.of();
    }
  }

  @Override
  public String publishAnswer(GapAnswer answer) {
    try {
      PublishResponse response =
          client
              .post()
              .uri("/articles")
              .contentType(MediaType.APPLICATION_JSON)
              .accept(MediaType.APPLICATION_JSON)
              .body(
                  new PublishRequest(
                      answer.articleId(),
                      answer.question(),
                      answer.answer(),
                      answer.category(),
                      answer.unit(),
                      answer.keywords(),
                      answer.effectiveFrom(),
                      answer.publishedBy()))
              .retrieve()
              .body(PublishResponse.class);
      if (response == null || response.id() == null || response.id().isBlank()) {
        throw new KnowledgeBaseUnavailableException(
            "external knowledge base " + baseUrl + " published without an article id", null);
      }
      return response.id();
    } catch (RestClientException e) {
      throw new KnowledgeBaseUnavailableException(
          "external knowledge base " + baseUrl + " could not publish: " + e.getMessage(), e);
    }
  }
}
