package org.hotline12345.knowledge;

/** No article has the id. */
class NoSuchArticleException extends RuntimeException {

  NoSuchArticleException(long id) {
    super("没有编号为 " + id + " 的知识条目");
  }
}
