package org.hotline12345.notification;

import org.hotline12345.privacy.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: writes the SMS to the log instead of sending it, with the phone masked, so
 * a new installation shows what it would send without a gateway.
 */
class LogSmsSender implements SmsSender {

  private static final Logger LOG = LoggerFactory.getLogger(LogSmsSender.class);

  @Override
  public void send(String id, String phone, String text) {
    LOG.info("SMS (log adapter) to {}: {}", PersonalData.maskPhone(phone), text);
  }
}
