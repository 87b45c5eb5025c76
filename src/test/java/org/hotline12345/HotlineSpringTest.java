package org.hotline12345;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port, with the job executor off (tests run jobs themselves).
 * Every test class that uses it shares one application context. The database is H2 in memory, or
 * PostgreSQL when the suite runs with {@code -Dtest.profiles=postgres,test}; a request can ask for
 * a database fault ({@link DatabaseFaults}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    classes = HotlineApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
@Import({ProcessCoverageTestConfiguration.class, DatabaseFaults.class})
public @interface HotlineSpringTest {}
