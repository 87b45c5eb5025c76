package org.hotline12345;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * The profiles Maven passes ({@code spring.profiles.active}), "test" when a test runs from an IDE.
 */
public class TestProfiles implements ActiveProfilesResolver {

  @Override
  public String[] resolve(Class<?> testClass) {
    return System.getProperty("spring.profiles.active", "test").split(",");
  }
}
