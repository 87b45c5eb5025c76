package org.hotline12345.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a browser test script of {@code tools/browser-tests} (Node.js, playwright-core, Debian's
 * headless Chromium) against the test application and fails with the script's own failure message.
 *
 * <p>Without Chromium or Node.js the test is skipped with the reason, unless the environment says
 * {@code HOTLINE_BROWSER_TESTS=required} (as {@code .ci/run} does): then it fails, so CI cannot
 * skip the browser tests silently.
 */
final class BrowserScript {

  static final String REQUIRED_VARIABLE = "HOTLINE_BROWSER_TESTS";
  private static final Path TOOL = Path.of("tools", "browser-tests", "run.sh");
  private static final long TIMEOUT_MINUTES = 5;

  private BrowserScript() {}

  /** Runs {@code script} with the app's base URL and asserts it exits 0. */
  static void run(String script, int port) throws IOException, InterruptedException {
    requirePrerequisites();
    ProcessBuilder builder =
        new ProcessBuilder("bash", TOOL.toString(), script, "--base", "http://127.0.0.1:" + port)
            .redirectErrorStream(true);
    String chromium = chromium().toString();
    builder.environment().put("CHROMIUM", chromium);
    Process process = builder.start();
    List<String> failures = new ArrayList<>();
    try (BufferedReader output =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = output.readLine()) != null) {
        System.out.println("[" + script + "] " + line);
        if (line.contains("FAILED") || line.startsWith("run.sh:")) {
          failures.add(line);
        }
      }
    }
    if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail("%s did not finish within %d minutes", script, TIMEOUT_MINUTES);
    }
    assertThat(process.exitValue())
        .as("%s failed: %s", script, failures.isEmpty() ? "see its output above" : failures)
        .isZero();
  }

  private static void requirePrerequisites() {
    Assumptions.assumeFalse(
        "off".equals(System.getenv(REQUIRED_VARIABLE)),
        "Browser tests turned off (" + REQUIRED_VARIABLE + "=off)");
    String missing = null;
    if (!Files.isExecutable(chromium())) {
      missing =
          chromium()
              + " not found (install Debian's Chromium: apt-get install chromium fonts-noto-cjk)";
    } else if (!onPath("node") || !onPath("npm")) {
      missing = "node/npm not found (Node.js 20 or later is needed)";
    }
    if (missing == null) {
      return;
    }
    if ("required".equals(System.getenv(REQUIRED_VARIABLE))) {
      fail("Browser tests are required (%s=required) but %s", REQUIRED_VARIABLE, missing);
    }
    Assumptions.abort("Browser test skipped: " + missing);
  }

  private static Path chromium() {
    String configured = System.getenv("CHROMIUM");
    return Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
