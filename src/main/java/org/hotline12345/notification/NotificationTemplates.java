package org.hotline12345.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The message templates, read at start from {@code hotline.notification.templates} (by default
 * notifications/*.txt at the top of the repository). A template with an unknown placeholder, a
 * missing audience or subject fails the start, not the first message sent with it.
 */
@Component
class NotificationTemplates {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationTemplates.class);

  private final Map<String, MessageTemplate> templates;

  @Autowired
  NotificationTemplates(NotificationProperties properties) {
    this(load(properties.templates()));
  }

  NotificationTemplates(Map<String, MessageTemplate> templates) {
    this.templates = Collections.unmodifiableMap(new TreeMap<>(templates));
    LOG.info("Notification templates: {}", this.templates.keySet());
  }

  /** The template called {@code name}. */
  Optional<MessageTemplate> find(String name) {
    return Optional.ofNullable(templates.get(name));
  }

  Map<String, MessageTemplate> all() {
    return templates;
  }

  static Map<String, MessageTemplate> load(String pattern) {
    Map<String, MessageTemplate> loaded = new TreeMap<>();
    try {
      Resource[] files = new PathMatchingResourcePatternResolver().getResources(pattern);
      for (Resource file : files) {
        String fileName = file.getFilename();
        if (fileName == null || !fileName.endsWith(".txt")) {
          continue;
        }
        String name = fileName.substring(0, fileName.length() - ".txt".length());
        String text = file.getContentAsString(StandardCharsets.UTF_8);
        loaded.put(name, MessageTemplate.parse(name, text, Placeholders.VARIABLES.keySet()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read notification templates " + pattern, e);
    }
    if (loaded.isEmpty()) {
      throw new IllegalStateException(
          "No notification templates found at hotline.notification.templates=" + pattern);
    }
    return loaded;
  }
}
