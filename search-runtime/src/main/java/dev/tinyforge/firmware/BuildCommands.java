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

  /** The harness program ModelRunner writes into the build directory. */
  static final String HARNESS_MAIN = "main.c";

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
   * The build: one compiler call that turns every source into an object file in the build
   * directory (its working directory), then one link. Separate objects are what make the link map
   * say which file each byte of the image came from (see {@link ImageSize}).
   *
   * @param traced whether main.c defines the {@code TFORGE_AFTER_LAYER} hook for every source
   *     (for tracing or for a layer profile)
   */
  List<List<String>> build(GeneratedModel model, Path buildDirectory, boolean traced) {
    List<String> sources = new ArrayList<>();
    sources.add(HARNESS_MAIN);
    if (target.isBareMetal()) {
      BareMetalSources.FILES.stream().filter(file -> file.endsWith(".c")).forEach(sources::add);
    }
    List<String> objects = new ArrayList<>();
    sources.forEach(source -> objects.add(objectName(source)));
    for (Path source : model.cSources()) {
      String object = objectName(source.getFileName().toString());
      if (objects.contains(object)) {
        throw new IllegalArgumentException(
            "the model's " + source.getFileName() + " has the name of a harness file; rename it");
      }
      sources.add(source.toString());
      objects.add(object);
    }

    List<String> compile = new ArrayList<>(compilerAndFlags());
    if (target.isBareMetal()) {
      compile.addAll(BARE_METAL_COMPILE_FLAGS);
    }
    if (traced) {
      // The model's .c only has the hook's name; the definition and a prototype come from us.
      compile.add("-D" + HarnessMainEmitter.HOOK_MACRO + "=" + HarnessMainEmitter.HOOK_CALL);
      compile.add("-include");
      compile.add(buildDirectory.resolve(HarnessMainEmitter.TRACE_HEADER).toString());
    }
    compile.add("-I" + model.directory());
    compile.add("-c");
    compile.addAll(sources);

    List<String> link = new ArrayList<>(compilerAndFlags());
    if (target.isBareMetal()) {
      link.addAll(BARE_METAL_LINK_FLAGS);
      link.add("-T" + BareMetalSources.LINKER_SCRIPT);
      link.add("-Wl,--defsym=FLASH_SIZE=" + flashBytes);
      link.add("-Wl,--defsym=RAM_SIZE=" + ramBytes);
      stackBytes.ifPresent(bytes -> link.add("-Wl,--defsym=STACK_SIZE=" + bytes));
      // The model's own budget check comes after the board script, as a user would link it.
      model.linkerBudget().ifPresent(fragment -> link.add("-T" + fragment));
    }
    link.add("-Wl,-Map=" + mapFile(model, buildDirectory));
    link.add("-o");
    link.add(executable(model, buildDirectory).toString());
    link.addAll(objects);
    link.add("-lm");
    return List.of(compile, link);
  }

  /** The linker's map of the image: where every input section of every object went. */
  Path mapFile(GeneratedModel model, Path buildDirectory) {
    return buildDirectory.resolve(model.name() + ".map");
  }

  private List<String> compilerAndFlags() {
    List<String> command = new ArrayList<>();
    command.add(target.compiler());
    command.addAll(target.architectureFlags());
    command.addAll(COMMON_FLAGS);
    if (sanitized) {
      command.addAll(SANITIZER_FLAGS);
    }
    return command;
  }

  /** gcc -c names the object after the source's file name, in the working directory. */
  static String objectName(String sourceFileName) {
    return sourceFileName.substring(0, sourceFileName.length() - ".c".length()) + ".o";
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
