package dev.tinyforge.cruntime;

import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * Builds and runs every {@code c-runtime/test/test_*.c}, linked with every C file under
 * {@code src/}, with the host gcc: once with warnings as errors at -O2, once under AddressSanitizer and UBSan. Each C
 * file is one container with those two tests; a new test file needs no change here. Each test
 * program gets the shared models folder (system property {@code tinyforge.models}) as argv[1].
 */
class CRuntimeUnitTest {
  private static final Pattern SUMMARY = Pattern.compile("(\\d+) passed, 0 failed");
  private static final long COMPILE_TIMEOUT_SECONDS = 300;
  private static final long RUN_TIMEOUT_SECONDS = 120;

  private enum Build {
    STRICT("strict", List.of("-std=c99", "-pedantic", "-Wall", "-Wextra", "-Werror", "-O2")),
    SANITIZED(
        "sanitized",
        List.of(
            "-std=c99",
            "-Wall",
            "-Wextra",
            "-fsanitize=address,undefined",
            "-fno-sanitize-recover=all",
            "-fno-omit-frame-pointer",
            "-g"));

    final String label;
    final List<String> flags;

    Build(String label, List<String> flags) {
      this.label = label;
      this.flags = flags;
    }
  }

  @TestFactory
  Stream<DynamicContainer> everyCTestPassesStrictAndSanitized() throws IOException {
    Path module = moduleDir();
    requireGcc();
    List<Path> sources = kernelSources(module.resolve("src"));
    List<Path> tests = cTests(module.resolve("test"));
    assertWithMessage("no test_*.c under %s", module.resolve("test")).that(tests).isNotEmpty();
    Path buildDir = module.resolve("target").resolve("c-tests");
    return tests.stream()
        .map(
            test ->
                dynamicContainer(
                    test.getFileName().toString(),
                    Stream.of(Build.values())
                        .map(
                            build ->
                                dynamicTest(
                                    build.label,
                                    () -> buildAndRun(module, test, sources, build, buildDir)))));
  }

  private static void buildAndRun(
      Path module, Path test, List<Path> sources, Build build, Path buildDir) throws Exception {
    String name = test.getFileName().toString().replaceFirst("\\.c$", "");
    Path binary = buildDir.resolve(build.label).resolve(name);
    Files.createDirectories(binary.getParent());

    List<String> compile = new ArrayList<>(List.of("gcc"));
    compile.addAll(build.flags);
    compile.add("-I" + module.resolve("include"));
    compile.add("-I" + module.resolve("test"));
    compile.add(test.toString());
    sources.forEach(source -> compile.add(source.toString()));
    compile.addAll(List.of("-o", binary.toString(), "-lm"));
    Result compiled = execute(compile, module, COMPILE_TIMEOUT_SECONDS);
    assertWithMessage("gcc failed (%s):\n%s\n%s", build.label, String.join(" ", compile), compiled.output)
        .that(compiled.exitCode)
        .isEqualTo(0);

    // argv[1]: the shared models folder, from which the C tests read the TFLM goldens.
    Result ran =
        execute(List.of(binary.toString(), modelsDir().toString()), module, RUN_TIMEOUT_SECONDS);
    assertWithMessage("%s (%s) exited with %s:\n%s", name, build.label, ran.exitCode, ran.output)
        .that(ran.exitCode)
        .isEqualTo(0);
    String last = lastLine(ran.output);
    Matcher summary = SUMMARY.matcher(last);
    assertWithMessage("%s (%s): last line must be 'N passed, 0 failed':\n%s", name, build.label, ran.output)
        .that(summary.matches())
        .isTrue();
    assertWithMessage("%s (%s) ran no test case", name, build.label)
        .that(Integer.parseInt(summary.group(1)))
        .isGreaterThan(0);
  }

  private record Result(int exitCode, String output) {}

  private static Result execute(List<String> command, Path dir, long timeoutSeconds)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("tforge-c", ".log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      // Leak checking needs ptrace, which containers often forbid; the kernels never allocate.
      builder.environment().put("ASAN_OPTIONS", "detect_leaks=0:abort_on_error=0");
      builder.environment().put("UBSAN_OPTIONS", "print_stacktrace=1");
      Process process = builder.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        fail("timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
      }
      return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static String lastLine(String output) {
    String[] lines = output.strip().split("\\R");
    return lines[lines.length - 1].strip();
  }

  private static Path moduleDir() {
    String dir = System.getProperty("tinyforge.cruntime");
    if (dir == null || dir.isBlank()) {
      fail("system property tinyforge.cruntime (the c-runtime module directory) is not set;"
          + " run through Maven, whose surefire configuration sets it");
    }
    return Path.of(dir).toAbsolutePath();
  }

  /** The TF Lite Micro goldens; a missing folder fails the run (goldens are never skipped). */
  private static Path modelsDir() {
    String dir = System.getProperty("tinyforge.models");
    if (dir == null || dir.isBlank()) {
      fail("system property tinyforge.models (the shared models folder) is not set;"
          + " run through Maven, whose surefire configuration sets it");
    }
    Path models = Path.of(dir).toAbsolutePath().normalize();
    if (!Files.isDirectory(models)) {
      fail("models folder " + models + " does not exist");
    }
    return models;
  }

  private static void requireGcc() {
    try {
      Result version = execute(List.of("gcc", "--version"), Path.of("."), 30);
      if (version.exitCode != 0) {
        fail("gcc --version failed:\n" + version.output);
      }
    } catch (IOException e) {
      fail("the C unit tests need gcc on the PATH (Debian: apt-get install gcc): " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted while looking for gcc");
    }
  }

  private static List<Path> kernelSources(Path src) throws IOException {
    try (Stream<Path> files = Files.walk(src)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".c")).sorted().toList();
    }
  }

  private static List<Path> cTests(Path testDir) throws IOException {
    try (Stream<Path> files = Files.list(testDir)) {
      return files
          .filter(f -> f.getFileName().toString().matches("test_.*\\.c"))
          .sorted()
          .toList();
    }
  }
}
