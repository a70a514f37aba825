package dev.tinyforge.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tinyforge.diag.Problems;
import dev.tinyforge.processor.TestTflite;
import dev.tinyforge.processor.source.TfliteGraphs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code tinyforge generate}: the firmware folder of every shared model the importer takes, a
 * clear error (id, one paragraph, exit status 2, no folder) for every other one and every bad
 * argument, and a folder that is written whole or not at all.
 */
class GenerateCommandTest {
  /** Shared models the importer takes today; more join as it learns operators. */
  private static final List<String> ACCEPTED_TODAY =
      List.of("hello_world", "micro_speech", "person_detect", "tinymaix_mnist_resnet_q");

  @TempDir Path dir;

  static Stream<String> sharedModels() throws IOException {
    try (Stream<Path> folders = Files.list(TestTflite.modelsDir())) {
      return folders.filter(f -> Files.isRegularFile(f.resolve("model.tflite")))
          .map(f -> f.getFileName().toString()).sorted().toList().stream();
    }
  }

  @Test
  void theModelsAcceptedTodayAreAmongTheSharedOnes() throws IOException {
    assertThat(sharedModels().toList()).containsAtLeastElementsIn(ACCEPTED_TODAY);
    for (String model : ACCEPTED_TODAY) {
      assertWithMessage(model).that(importProblems(model).hasErrors()).isFalse();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sharedModels")
  void everySharedModelIsWrittenOrRejectedClearly(String model) throws IOException {
    Path file = TestTflite.modelsDir().resolve(model).resolve("model.tflite");
    Path out = dir.resolve("firmware").resolve(model);
    CliRun run = CliRun.of("generate", "--tflite", file.toString(), "--board", "STM32F746",
        "--name", model, "--out", out.toString());

    Problems problems = importProblems(model);
    if (!problems.hasErrors()) {
      assertWithMessage(run.err()).that(run.status()).isEqualTo(0);
      assertThat(run.err()).isEmpty();
      assertThat(run.out()).startsWith("wrote ");
      assertThat(fileNames(out)).containsAtLeast(model + ".h", model + ".c", model
          + "_weights.h", model + "_weights.c", "Makefile", "report.json", "tforge.h");
      String report = Files.readString(out.resolve("report.json"));
      assertThat(report).contains("\"model\": \"" + model + "\"");
      assertThat(report).contains("\"board\": \"STM32F746\"");
    } else {
      assertThat(ACCEPTED_TODAY).doesNotContain(model);
      assertClearError(run, problems.all().get(0).message().id());
      assertThat(run.err()).contains(problems.all().get(0).text());
      assertThat(Files.exists(out)).isFalse();
    }
    assertNoLeftovers(out.getParent());
  }

  @Test
  void overBudgetWritesNothing() {
    Path out = dir.resolve("person");
    CliRun run = CliRun.of("generate", "--tflite", shared("person_detect"), "--board", "CUSTOM",
        "--sram-kb", "16", "--flash-kb", "1024", "--clock-mhz", "100", "--name", "person",
        "--out", out.toString());

    assertClearError(run, "TinyModel/SramBudget");
    assertThat(run.err()).contains("but CUSTOM has 16.0 KiB (over by ");
    assertThat(Files.exists(out)).isFalse();
    assertNoLeftovers(dir);
  }

  @Test
  void badFilesAreRejectedWithTheirIds() throws IOException {
    byte[] hello = TestTflite.shared("hello_world");
    Path truncated = Files.write(dir.resolve("truncated.tflite"),
        Arrays.copyOf(hello, hello.length / 3));
    Path text = Files.write(dir.resolve("notes.tflite"),
        "just some text".getBytes(StandardCharsets.UTF_8));
    Path custom = Files.write(dir.resolve("custom.tflite"), TestTflite.customOp("MyOp"));

    assertGenerateFails("Tflite/Missing", dir.resolve("nowhere.tflite").toString(),
        "there is no such file");
    assertGenerateFails("Tflite/Missing", dir.toString(), "it is a folder");
    assertGenerateFails("Tflite/Malformed", truncated.toString(), "is malformed: ");
    assertGenerateFails("Tflite/Malformed", text.toString(), "not a TFLite model: bytes 4..8");
    assertGenerateFails("Tflite/UnsupportedOp", custom.toString(),
        "operator 0 is the custom operator 'MyOp'");
  }

  @Test
  void badArgumentsAreRejectedWithTheirIds() {
    String hello = shared("hello_world");
    String out = dir.resolve("out").toString();
    assertClearError(CliRun.of("generate", "--tflite", hello, "--board", "STM32F746", "--name",
        "2fast", "--out", out), "TinyModel/Name");
    assertClearError(CliRun.of("generate", "--tflite", hello, "--board", "ESP32", "--name",
        "hello", "--out", out), "Cli/Board");
    assertClearError(CliRun.of("generate", "--tflite", hello, "--board", "CUSTOM", "--sram-kb",
        "64", "--name", "hello", "--out", out), "Cli/CustomBoard");
    assertClearError(CliRun.of("generate", "--tflite", hello, "--board", "STM32F746",
        "--sram-kb", "-5", "--name", "hello", "--out", out), "Cli/Figure");
    assertClearError(CliRun.of("generate", "--tflite", hello, "--board", "STM32F746",
        "--sram-kb", "lots", "--name", "hello", "--out", out), "Cli/Usage");
    assertClearError(CliRun.of("generate", "--tflite", hello, "--board", "STM32F746",
        "--name", "hello"), "Cli/Usage");
    assertClearError(CliRun.of("generate", "--tflite", hello, "--board", "STM32F746",
        "--name", "hello", "--out", out, "--colour", "blue"), "Cli/Usage");
    assertClearError(CliRun.of(), "Cli/Usage");
    assertClearError(CliRun.of("deploy"), "Cli/Usage");
    assertThat(Files.exists(Path.of(out))).isFalse();
  }

  @Test
  void aNonEmptyFolderIsReplacedOnlyWithForce() throws IOException {
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("keep.txt"), "mine");
    String[] args = {"generate", "--tflite", shared("hello_world"), "--board", "STM32F412",
        "--name", "hello", "--out", out.toString()};

    CliRun refused = CliRun.of(args);
    assertClearError(refused, "Cli/OutputExists");
    assertThat(fileNames(out)).containsExactly("keep.txt");

    String[] forced = Arrays.copyOf(args, args.length + 1);
    forced[args.length] = "--force";
    CliRun replaced = CliRun.of(forced);
    assertWithMessage(replaced.err()).that(replaced.status()).isEqualTo(0);
    assertThat(fileNames(out)).doesNotContain("keep.txt");
    assertThat(fileNames(out)).contains("hello.c");
    assertNoLeftovers(dir);
  }

  @Test
  void anEmptyFolderIsFilled() throws IOException {
    Path out = Files.createDirectories(dir.resolve("empty"));
    CliRun run = CliRun.of("generate", "--tflite", shared("hello_world"), "--board",
        "STM32F412", "--name", "hello", "--out", out.toString());

    assertWithMessage(run.err()).that(run.status()).isEqualTo(0);
    assertThat(fileNames(out)).contains("report.json");
    assertNoLeftovers(dir);
  }

  @Test
  void anOutputThatCannotBeCreatedLeavesNothing() throws IOException {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    CliRun run = CliRun.of("generate", "--tflite", shared("hello_world"), "--board",
        "STM32F412", "--name", "hello", "--out", file.resolve("out").toString());

    assertClearError(run, "Cli/Output");
    assertThat(run.err()).contains("plain-file is in the way: it is a file, not a folder");
    assertThat(fileNames(dir)).containsExactly("plain-file");
  }

  @Test
  void helpDescribesTheOptions() {
    CliRun top = CliRun.of("--help");
    assertThat(top.status()).isEqualTo(0);
    assertThat(top.out()).contains("generate");
    assertThat(top.out()).contains("analyze");

    CliRun generate = CliRun.of("generate", "--help");
    assertThat(generate.status()).isEqualTo(0);
    assertThat(generate.out()).contains("--tflite=<file>");
    assertThat(generate.out()).contains("--force");
    assertThat(generate.out()).contains("STM32F746");
  }

  private void assertGenerateFails(String id, String file, String detail) {
    Path out = dir.resolve("out");
    CliRun run = CliRun.of("generate", "--tflite", file, "--board", "STM32F746", "--name",
        "model", "--out", out.toString());
    assertClearError(run, id);
    assertThat(run.err()).contains(detail);
    assertThat(Files.exists(out)).isFalse();
    assertNoLeftovers(dir);
  }

  /** Exit status 2, the id on standard error, no stack trace. */
  static void assertClearError(CliRun run, String id) {
    assertWithMessage(run.err()).that(run.status()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: [");
    assertThat(run.err()).contains("[" + id + "] ");
    assertThat(run.err()).doesNotContain("\tat ");
    assertThat(run.err()).doesNotContain("Exception");
  }

  static String shared(String model) {
    return TestTflite.modelsDir().resolve(model).resolve("model.tflite").toString();
  }

  private static Problems importProblems(String model) {
    Problems problems = new Problems();
    TfliteGraphs.load(model, TestTflite.shared(model), "m", problems);
    return problems;
  }

  /** No staging or replaced folder is left beside the output. */
  private static void assertNoLeftovers(Path parent) {
    if (Files.isDirectory(parent)) {
      assertWithMessage("hidden folders in %s", parent).that(fileNames(parent).stream()
          .filter(n -> n.startsWith(".")).toList()).isEmpty();
    }
  }

  private static List<String> fileNames(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
