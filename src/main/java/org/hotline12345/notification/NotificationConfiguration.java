package org.hotline12345.notification;

import java.time.Clock;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Chooses the adapters ({@code log}, {@code http}, {@code smtp}) and starts the poller. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

  @Bean
  SmsSender smsSender(NotificationProperties properties) {
    return switch (properties.sms().adapter()) {
      case "log" -> new LogSmsSender();
      case "http" -> new HttpSmsGateway(properties.sms(), Clock.systemUTC());
      default ->
          throw new IllegalStateException(
              "hotline.notification.sms.adapter must be log or http, not "
                  + properties.sms().adapter());
    };
  }

  @Bean
  EmailSender emailSender(NotificationProperties properties, ObjectProvider<JavaMailSender> mail) {
    return switch (properties.email().adapter()) {
      case "log" -> new LogEmailSender();
      case "smtp" ->
          new SmtpEmailSender(
              mail.getIfAvailable(
                  () -> {
                    throw new IllegalStateException(
                        "hotline.notification.email.adapter=smtp needs spring.mail.host");
                  }),
              properties.email().from());
      default ->
          throw new IllegalStateException(
              "hotline.notification.email.adapter must be log or smtp, not "
                  + properties.email().adapter());
    };
  }

  @Bean
  NotificationDelivery notificationDelivery(
      Outbox outbox,
      SmsSender sms,
      EmailSender email,
      StaffAddresses addresses,
      IdentityService identity,
      NotificationProperties properties) {
    return new NotificationDelivery(
        outbox, sms, email, addresses, identity, properties.retry(), properties.poller());
  }

  /** The poller; off in tests, which call {@link NotificationDelivery#deliverDue()} themselves. */
  @Configuration(proxyBeanMethods = false)
  @EnableScheduling
  @ConditionalOnProperty(
      prefix = "hotline.notification.poller",
      name = "enabled",
      havingValue = "true",
      matchIfMissing = true)
  static class Poller implements SchedulingConfigurer {

    private final NotificationDelivery delivery;
    private final NotificationProperties properties;

    Poller(NotificationDelivery delivery, NotificationProperties properties) {
      this.delivery = delivery;
      this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
      registrar.addFixedDelayTask(delivery::deliverDue, properties.poller().interval());
    }
  }
}
