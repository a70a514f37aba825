package dev.tinyforge.firmware;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The compiler and run command lines for one target and build variant. Kept apart from {@link
 * ModelRunner} so every flag is in one place, next to the reason it is there.
 *
 * @param flashBytes the FLASH_SIZE the linker script checks the image against (Cortex-M)
 * @param ramBytes the RAM_SIZE the linker script checks the image against (Cortex-M)
 * @param stackBytes the STACK_SIZE to reserve, or the linker script's default (Cortex-M)
 */
record BuildCommands(
    CTarget target, boolean sanitized, long flashBytes, long ramBytes, OptionalLong stackBytes) {

  /** DESIGN.md's host contract, used on every target so Cortex-M builds are as strict. */
  private static final List<String> COMMON_FLAGS =
      List.of("-std=c99", "-Wall", "-Wextra", "-Werror", "-O2");
  /** Any finding ends the program: a report that scrolls past in a passing test helps no one. */
  private static final List<String> SANITIZER_FLAGS =
      List.of(
          "-fsanitize=address,undefined",
          "-fno-sanitize-recover=all",
          "-fno-omit-frame-pointer",
          "-g");
  /** Sections per function and object let --gc-sections drop what the image never calls. */
  private static final List<String> BARE_METAL_COMPILE_FLAGS =
      List.of("-ffunction-sections", "-fdata-sections", "-DTFORGE_BARE_METAL");
  /** Our own start-up code instead of crt0; newlib-nano only for memcpy/memset and friends. */
  private static final List<String> BARE_METAL_LINK_FLAGS =
      List.of("-nostartfiles", "--specs=nano.specs", "-Wl,--gc-sections");

  /** The defaults for a target: no sanitizers, the whole memory of its QEMU machine. */
  static BuildCommands defaultsFor(CTarget target) {
    long flash = target.machine().map(CTarget.QemuMachine::flashBytes).orElse(0L);
    long ram = target.machine().map(CTarget.QemuMachine::ramBytes).orElse(0L);
    return new BuildCommands(target, false, flash, ram, OptionalLong.empty());
  }

  BuildCommands withSanitizers() {
    return new BuildCommands(target, true, flashBytes, ramBytes, stackBytes);
  }

  BuildCommands withMemory(long flashBytes, long ramBytes) {
    return new BuildCommands(target, sanitized, flashBytes, ramBytes, stackBytes);
  }

  BuildCommands withStackBytes(long stackBytes) {
    return new BuildCommands(target, sanitized, flashBytes, ramBytes, OptionalLong.of(stackBytes));
  }

  /** The build directory's name for {@code model}: one per target and variant, side by side. */
  String buildFolderName(GeneratedModel model) {
    return model.name() + "-" + target.slug() + (sanitized ? "-sanitized" : "");
  }

  Path executable(GeneratedModel model, Path buildDirectory) {
    return buildDirectory.resolve(model.name() + (target.isBareMetal() ? ".elf" : ""));
  }

  /**
   * Compiles and links in one step, run in the build directory that holds main.c (and, for
   * Cortex-M, the bare-metal files); the model's sources are read where they are.
   */
  List<String> compile(GeneratedModel model, Path executable) {
    List<String> command = new ArrayList<>();
    command.add(target.compiler());
    command.addAll(target.architectureFlags());
    command.addAll(COMMON_FLAGS);
    if (sanitized) {
      command.addAll(SANITIZER_FLAGS);
    }
    if (target.isBareMetal()) {
      command.addAll(BARE_METAL_COMPILE_FLAGS);
      command.addAll(BARE_METAL_LINK_FLAGS);
      command.add("-T" + BareMetalSources.LINKER_SCRIPT);
      command.add("-Wl,-Map=" + model.name() + ".map");
      command.add("-Wl,--defsym=FLASH_SIZE=" + flashBytes);
      command.add("-Wl,--defsym=RAM_SIZE=" + ramBytes);
      stackBytes.ifPresent(bytes -> command.add("-Wl,--defsym=STACK_SIZE=" + bytes));
    }
    command.add("-I" + model.directory());
    command.add("-o");
    command.add(executable.toString());
    command.add("main.c");
    if (target.isBareMetal()) {
      BareMetalSources.FILES.stream().filter(file -> file.endsWith(".c")).forEach(command::add);
    }
    model.cSources().forEach(source -> command.add(source.toString()));
    command.add("-lm");
    return command;
  }

  /** Runs the program: directly on the host, under QEMU for Cortex-M. */
  List<String> run(Path executable) {
    if (!target.isBareMetal()) {
      return List.of(executable.toString());
    }
    return List.of(
        CTarget.QEMU,
        "-M",
        target.qemuMachine().orElseThrow(),
        "-display",
        "none",
        "-monitor",
        "none",
        "-serial",
        "none",
        // 1 ns of virtual time per instruction: SysTick then counts instructions exactly.
        "-icount",
        "shift=0",
        // Without it the first BKPT of a print or exit stops the core instead of reaching us.
        "-semihosting-config",
        "enable=on,target=native",
        "-kernel",
        executable.toString());
  }

  /** Environment additions for the run. */
  Map<String, String> runEnvironment() {
    // Leak checking needs ptrace, which sandboxes often forbid; the engines never allocate.
    return sanitized ? Map.of("ASAN_OPTIONS", "detect_leaks=0") : Map.of();
  }
}
