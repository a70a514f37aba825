package dev.tinyforge.firmware;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** What the firmware tests need from the machine, and what they do when it is not there. */
final class Toolchains {
  private Toolchains() {}

  /**
   * Returns when {@code target}'s tools are on PATH. Otherwise the test fails in CI (.ci/run
   * installs them, so a missing tool there is a broken CI, never a reason to pass quietly) and
   * is skipped elsewhere, saying what to install.
   */
  static void require(CTarget target) {
    if (target.isAvailable()) {
      return;
    }
    String message =
        target
            + " needs "
            + target.missingTools()
            + " on PATH; install: apt-get install --no-install-recommends"
            + " gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message + " (CI=true: .ci/run should have installed it)");
    }
    Assumptions.abort("skipped: " + message);
  }

  /**
   * The bare-metal files of the source tree: set by Surefire (see search-runtime/pom.xml), with a
   * fallback for running a test from an IDE whose working directory is the module.
   */
  static BareMetalSources sourceTreeBareMetal() {
    String configured = System.getProperty("tinyforge.bareMetal");
    Path directory =
        configured != null ? Path.of(configured) : Path.of("..", "c-runtime", "bare-metal");
    if (!Files.isDirectory(directory)) {
      fail("no bare-metal sources at " + directory.toAbsolutePath());
    }
    return BareMetalSources.fromDirectory(directory);
  }

  /** A runner for {@code target} that uses the source tree's bare-metal files. */
  static ModelRunner runnerFor(CTarget target) {
    require(target);
    ModelRunner runner = ModelRunner.on(target);
    return target.isBareMetal() ? runner.withBareMetalSources(sourceTreeBareMetal()) : runner;
  }
}
