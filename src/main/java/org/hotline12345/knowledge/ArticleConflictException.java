package org.hotline12345.knowledge;

/** The article is not in a state that allows the change (e.g. publishing a retired article). */
class ArticleConflictException extends RuntimeException {

  ArticleConflictException(String message) {
    super(message);
  }
}
