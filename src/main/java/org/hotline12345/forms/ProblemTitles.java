package org.hotline12345.forms;

import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every problem detail the application answers has a Chinese title: one that Spring gave its
 * English default (a refused method, a missing parameter, a {@code ResponseStatusException}) gets
 * the title for its status here; titles set on purpose (请求内容有误, 知识条目不存在, ...) stay.
 */
@ControllerAdvice
class ProblemTitles implements ResponseBodyAdvice<Object> {

  private static final Map<Integer, String> TITLES =
      Map.ofEntries(
          Map.entry(400, "请求内容有误"),
          Map.entry(401, "需要认证"),
          Map.entry(403, "无权执行此操作"),
          Map.entry(404, "未找到"),
          Map.entry(405, "不支持此请求方法"),
          Map.entry(406, "无法按要求的格式答复"),
          Map.entry(409, "与当前状态冲突"),
          Map.entry(413, "请求过大"),
          Map.entry(415, "不支持此内容类型"),
          Map.entry(429, "请求过于频繁"),
          Map.entry(500, "服务器内部错误"),
          Map.entry(503, "服务暂不可用"));

  /** The Chinese title of an answer with {@code status}. */
  static String titleOf(int status) {
    return TITLES.getOrDefault(status, status >= 500 ? "服务器错误" : "请求未被接受");
  }

  @Override
  public boolean supports(
      MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object beforeBodyWrite(
      Object body,
      MethodParameter returnType,
      MediaType contentType,
      Class<? extends HttpMessageConverter<?>> converterType,
      ServerHttpRequest request,
      ServerHttpResponse response) {
    if (body instanceof ProblemDetail problem) {
      HttpStatus status = HttpStatus.resolve(problem.getStatus());
      if (problem.getTitle() == null
          || (status != null && status.getReasonPhrase().equals(problem.getTitle()))) {
        problem.setTitle(titleOf(problem.getStatus()));
      }
    }
    return body;
  }
}
