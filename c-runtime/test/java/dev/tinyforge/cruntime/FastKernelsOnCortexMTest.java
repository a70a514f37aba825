package dev.tinyforge.cruntime;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fast kernels' C test ({@code test/test_fast_kernels_s8.c}: every specialized kernel against
 * its reference kernel on random layers) built bare-metal for Cortex-M7 and Cortex-M4 and run
 * under QEMU, where {@code __ARM_FEATURE_DSP} compiles the SMLAD/SXTB16 paths the host never
 * sees. The image must hold those instructions, and every case must pass.
 */
class FastKernelsOnCortexMTest {
  private static final String TEST = "test_fast_kernels_s8";
  private static final Pattern SUMMARY = Pattern.compile("(\\d+) passed, 0 failed");

  enum Core {
    CORTEX_M7("mps2-an500", "-mcpu=cortex-m7", "-mfpu=fpv5-d16"),
    CORTEX_M4("mps2-an386", "-mcpu=cortex-m4", "-mfpu=fpv4-sp-d16");

    final String machine;
    final List<String> flags;

    Core(String machine, String cpu, String fpu) {
      this.machine = machine;
      this.flags = List.of(cpu, "-mthumb", fpu, "-mfloat-abi=hard");
    }
  }

  @ParameterizedTest
  @EnumSource(Core.class)
  void fastKernelsEqualReferenceWithTheDspPath(Core core) throws Exception {
    requireTools();
    Path module = Path.of(System.getProperty("tinyforge.cruntime", ".")).toAbsolutePath();
    Path dir = module.resolve("target").resolve("c-tests").resolve(core.name().toLowerCase());
    Files.createDirectories(dir);
    Path elf = dir.resolve(TEST + ".elf");

    List<String> compile = new ArrayList<>(List.of("arm-none-eabi-gcc"));
    compile.addAll(core.flags);
    compile.addAll(List.of("-std=c99", "-Wall", "-Wextra", "-Werror", "-O2",
        "-ffunction-sections", "-fdata-sections", "-nostartfiles", "--specs=nano.specs",
        "-Wl,--gc-sections", "-T" + module.resolve("bare-metal/cm.ld"),
        "-I" + module.resolve("include"), "-I" + module.resolve("test"),
        "-I" + module.resolve("bare-metal"),
        module.resolve("test/" + TEST + ".c").toString(),
        module.resolve("test/cortex-m/tforge_test_syscalls.c").toString()));
    for (String file : List.of("startup.c", "semihost.c", "icount.c")) {
      compile.add(module.resolve("bare-metal").resolve(file).toString());
    }
    try (Stream<Path> sources = Files.walk(module.resolve("src"))) {
      sources.filter(f -> f.toString().endsWith(".c")).sorted()
          .forEach(f -> compile.add(f.toString()));
    }
    compile.addAll(List.of("-o", elf.toString(), "-lm"));
    Result built = execute(compile, 300);
    assertWithMessage("arm-none-eabi-gcc failed:\n%s", built.output).that(built.exitCode)
        .isEqualTo(0);

    Result disassembly = execute(List.of("arm-none-eabi-objdump", "-d", elf.toString()), 60);
    assertWithMessage("the %s image has no SMLAD: the DSP path was not compiled", core)
        .that(disassembly.output).contains("smlad");
    assertThat(disassembly.output).contains("sxtb16");

    Result ran = execute(List.of("qemu-system-arm", "-M", core.machine, "-display", "none",
        "-monitor", "none", "-serial", "none", "-icount", "shift=0",
        "-semihosting-config", "enable=on,target=native", "-kernel", elf.toString()), 120);
    assertWithMessage("%s on %s exited with %s:\n%s", TEST, core, ran.exitCode, ran.output)
        .that(ran.exitCode).isEqualTo(0);
    Matcher summary = SUMMARY.matcher(ran.output);
    assertWithMessage("%s on %s: no 'N passed, 0 failed':\n%s", TEST, core, ran.output)
        .that(summary.find()).isTrue();
    assertThat(Integer.parseInt(summary.group(1))).isAtLeast(6);
  }

  private static void requireTools() throws InterruptedException {
    for (String tool : List.of("arm-none-eabi-gcc", "qemu-system-arm")) {
      try {
        if (execute(List.of(tool, "--version"), 30).exitCode == 0) {
          continue;
        }
      } catch (IOException e) {
        // handled below
      }
      String message = tool + " is not on PATH; install: apt-get install --no-install-recommends"
          + " gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message + " (CI=true: .ci/run should have installed it)");
      }
      Assumptions.abort("skipped: " + message);
    }
  }

  private record Result(int exitCode, String output) {}

  private static Result execute(List<String> command, long timeoutSeconds)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("tforge-cm", ".log");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        fail("timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
      }
      return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
