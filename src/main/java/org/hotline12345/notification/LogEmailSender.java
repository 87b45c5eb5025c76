package org.hotline12345.notification;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The embedded default: writes the e-mail to the log instead of sending it. */
class LogEmailSender implements EmailSender {

  private static final Logger LOG = LoggerFactory.getLogger(LogEmailSender.class);

  @Override
  public void send(List<String> to, String subject, String body) {
    LOG.info("E-mail (log adapter) to {}: {}\n{}", to, subject, body);
  }
}
