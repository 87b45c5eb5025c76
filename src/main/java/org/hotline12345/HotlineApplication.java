package org.hotline12345;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The 12345 hotline work-order engine: Camunda 7 with Tasklist, Cockpit, Admin, REST and the intake
 * API.
 */
@SpringBootApplication
public class HotlineApplication {

  public static void main(String[] args) {
    SpringApplication.run(HotlineApplication.class, args);
  }
}
