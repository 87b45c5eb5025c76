package org.hotline12345.knowledge;

/** An external knowledge base could not take a request now (timeout, refused, 5xx). */
public class KnowledgeBaseUnavailableException extends RuntimeException {

  public KnowledgeBaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
