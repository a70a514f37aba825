package dev.tinyforge.firmware;

import dev.tinyforge.firmware.ModelRunException.Failure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;

/**
 * Compiles a generated model folder together with a small driver program, runs it on the host or
 * on an emulated Cortex-M, and reads the outputs back: the check that the C engine computes what
 * the Java mirror computes, on the cores it is meant for.
 *
 * <pre>{@code
 * RunResult result = ModelRunner.on(CTarget.CORTEX_M7)
 *     .withBareMetalSources(BareMetalSources.fromDirectory(cRuntime.resolve("bare-metal")))
 *     .run(new GeneratedModel(modelFolder, "mnist"), digits, workDir);
 * }</pre>
 *
 * <p>Everything is written to {@code <workDir>/<name>-<target>[-sanitized]/} (main.c, support
 * files, the binary, compile.log, run.log); the model folder is only read. Instances are
 * immutable: each {@code with...} returns a changed copy.
 */
public final class ModelRunner {
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  /** A generous bound for gcc: large weight arrays compile slowly, a hung compiler never ends. */
  private static final Duration COMPILE_TIMEOUT = Duration.ofMinutes(5);
  /** c-runtime/bare-metal/semihost.h: TFORGE_EXIT_FAULT and TFORGE_EXIT_STACK_OVERFLOW. */
  private static final int EXIT_FAULT = 240;
  private static final int EXIT_STACK_OVERFLOW = 241;
  private static final String INSTALL_HINT =
      "install with: apt-get install --no-install-recommends"
          + " gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm";

  private final BuildCommands commands;
  private final Duration timeout;
  private final BareMetalSources bareMetalSources;
  private final List<TracePoint> trace;
  private final boolean profile;

  private ModelRunner(BuildCommands commands, Duration timeout, BareMetalSources bareMetalSources) {
    this(commands, timeout, bareMetalSources, List.of());
  }

  private ModelRunner(
      BuildCommands commands,
      Duration timeout,
      BareMetalSources bareMetalSources,
      List<TracePoint> trace) {
    this(commands, timeout, bareMetalSources, trace, false);
  }

  private ModelRunner(
      BuildCommands commands,
      Duration timeout,
      BareMetalSources bareMetalSources,
      List<TracePoint> trace,
      boolean profile) {
    this.commands = commands;
    this.timeout = timeout;
    this.bareMetalSources = bareMetalSources;
    this.trace = List.copyOf(trace);
    this.profile = profile;
  }

  /**
   * A runner for {@code target}. Cortex-M builds take their start-up code from the class path
   * (c-runtime's jar) and link against the whole memory of the QEMU machine, until told otherwise.
   */
  public static ModelRunner on(CTarget target) {
    return new ModelRunner(
        BuildCommands.defaultsFor(target), DEFAULT_TIMEOUT, BareMetalSources.fromClasspath());
  }

  /** Builds with AddressSanitizer and UndefinedBehaviorSanitizer, any finding fatal. Host only. */
  public ModelRunner withSanitizers() {
    if (target() != CTarget.HOST) {
      throw new IllegalStateException("sanitizers run on the host only, not on " + target());
    }
    return new ModelRunner(commands.withSanitizers(), timeout, bareMetalSources, trace, profile);
  }

  /** The limit for one run of the program (not the build); 60 s unless set. */
  public ModelRunner withTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    return new ModelRunner(commands, timeout, bareMetalSources, trace, profile);
  }

  /** Where the Cortex-M start-up code, semihosting and linker script come from. */
  public ModelRunner withBareMetalSources(BareMetalSources sources) {
    return new ModelRunner(commands, timeout, Objects.requireNonNull(sources), trace, profile);
  }

  /**
   * Links against a board's flash and SRAM instead of the QEMU machine's, so that an image which
   * would not fit the board fails to link. Cortex-M only.
   */
  public ModelRunner withBoardMemory(long flashBytes, long ramBytes) {
    CTarget.QemuMachine machine = bareMetalMachine("board memory");
    if (flashBytes <= 0
        || ramBytes <= 0
        || flashBytes > machine.flashBytes()
        || ramBytes > machine.ramBytes()) {
      throw new IllegalArgumentException(
          "board memory must be positive and within the emulated machine's "
              + machine.flashBytes()
              + " bytes of flash and "
              + machine.ramBytes()
              + " bytes of RAM");
    }
    return new ModelRunner(
        commands.withMemory(flashBytes, ramBytes), timeout, bareMetalSources, trace, profile);
  }

  /** The stack reserved by the linker script (16 KiB unless set). Cortex-M only. */
  public ModelRunner withStackBytes(long stackBytes) {
    bareMetalMachine("a stack size");
    if (stackBytes <= 0 || stackBytes % 8 != 0) {
      throw new IllegalArgumentException(
          "stack size must be a positive multiple of 8: " + stackBytes);
    }
    return new ModelRunner(
        commands.withStackBytes(stackBytes), timeout, bareMetalSources, trace, profile);
  }

  /**
   * Prints arena regions while the model runs: each point's bytes, right after the layer it
   * names, for the input it names; {@link RunResult#traces()} has them in the order given. The
   * build defines the engine's {@code TFORGE_AFTER_LAYER} hook for this (see {@link TracePoint}),
   * so the model must be a generated engine (it has {@code <name>_arena()} and calls the hook).
   * Instruction counts then include the printing. An empty list turns tracing off.
   */
  public ModelRunner withTrace(List<TracePoint> points) {
    if (profile && !points.isEmpty()) {
      throw new IllegalStateException("tracing and a layer profile exclude each other");
    }
    return new ModelRunner(commands, timeout, bareMetalSources, points, profile);
  }

  /**
   * Counts each layer's executed instructions: the build defines the engine's {@code
   * TFORGE_AFTER_LAYER} hook to read the instruction counter into a table (nothing is printed
   * inside the measured inference; the table is printed after it), and {@link
   * RunResult#profiles()} gives one {@link LayerProfile} per input. The hook's calls are counted
   * in {@link RunResult#instructions()}; {@link LayerProfile#hookInstructions()} says how much
   * one costs. Cortex-M only (the host has no instruction counter); excludes tracing.
   */
  public ModelRunner withLayerProfile() {
    bareMetalMachine("a layer profile");
    if (!trace.isEmpty()) {
      throw new IllegalStateException("tracing and a layer profile exclude each other");
    }
    return new ModelRunner(commands, timeout, bareMetalSources, trace, true);
  }

  public CTarget target() {
    return commands.target();
  }

  /** {@link #run(GeneratedModel, List, Path)} for the model {@code name} in {@code folder}. */
  public RunResult run(Path modelFolder, String name, List<byte[]> inputs, Path workDir) {
    return run(new GeneratedModel(modelFolder, name), inputs, workDir);
  }

  /**
   * Builds and runs {@code model} on every input, in order.
   *
   * @param inputs each exactly {@code <NAME>_INPUT_BYTES} long (checked by the C compiler)
   * @param workDir a directory for the build; a subdirectory is created in it
   * @throws ModelRunException when a tool is missing, the build fails, or the program crashes,
   *     exits with a non-zero status, runs out of time or prints something unexpected
   */
  public RunResult run(GeneratedModel model, List<byte[]> inputs, Path workDir) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("at least one input is needed");
    }
    for (int i = 0; i < inputs.size(); i++) {
      if (inputs.get(i).length == 0) {
        throw new IllegalArgumentException("input " + i + " is empty");
      }
    }
    for (TracePoint point : trace) {
      if (point.input() >= inputs.size()) {
        throw new IllegalArgumentException(
            "trace point " + point + " names an input beyond the " + inputs.size() + " given");
      }
    }
    Path buildDirectory = buildDirectory(model, workDir);
    try {
      Files.createDirectories(buildDirectory);
      Files.writeString(
          buildDirectory.resolve("main.c"),
          HarnessMainEmitter.emit(model, inputs, trace, profile),
          StandardCharsets.UTF_8);
      if (hooked()) {
        Files.writeString(
            buildDirectory.resolve(HarnessMainEmitter.TRACE_HEADER),
            HarnessMainEmitter.traceHeader(),
            StandardCharsets.UTF_8);
      }
      if (target().isBareMetal()) {
        bareMetalSources.copyInto(buildDirectory);
      }
      Path executable = compile(model, buildDirectory);
      ExternalCommand.Outcome outcome = execute(executable, buildDirectory);
      return interpret(outcome, inputs.size(), buildDirectory, executable);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the build in " + buildDirectory, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      CancellationException cancelled =
          new CancellationException(
              "interrupted while running " + model.name() + " on " + target());
      cancelled.initCause(e);
      throw cancelled;
    }
  }

  private Path buildDirectory(GeneratedModel model, Path workDir) {
    Path buildDirectory =
        workDir.toAbsolutePath().normalize().resolve(commands.buildFolderName(model));
    if (buildDirectory.startsWith(model.directory())) {
      throw new IllegalArgumentException(
          "the build directory "
              + buildDirectory
              + " would be inside the model folder "
              + model.directory()
              + ": choose a work directory outside it");
    }
    return buildDirectory;
  }

  private Path compile(GeneratedModel model, Path buildDirectory)
      throws IOException, InterruptedException {
    List<List<String>> steps = commands.build(model, buildDirectory, hooked());
    List<String> logs = List.of("compile.log", "link.log");
    for (int i = 0; i < steps.size(); i++) {
      ExternalCommand step = new ExternalCommand(steps.get(i), buildDirectory, Map.of());
      String what = (i == 0 ? "compiling " : "linking ") + model.name() + " for " + target();
      ExternalCommand.Outcome outcome =
          start(step, target().compiler(), COMPILE_TIMEOUT, buildDirectory.resolve(logs.get(i)));
      if (outcome.timedOut()) {
        throw new ModelRunException(
            Failure.TIMEOUT,
            what + " took over " + COMPILE_TIMEOUT + ": " + step.display(),
            OptionalInt.empty(),
            outcome.output());
      }
      if (outcome.exitStatus() != 0) {
        throw new ModelRunException(
            Failure.COMPILE_ERROR,
            what + " failed: " + step.display(),
            OptionalInt.of(outcome.exitStatus()),
            outcome.output());
      }
    }
    return commands.executable(model, buildDirectory);
  }

  private ExternalCommand.Outcome execute(Path executable, Path buildDirectory)
      throws IOException, InterruptedException {
    List<String> command = commands.run(executable);
    ExternalCommand program =
        new ExternalCommand(command, buildDirectory, commands.runEnvironment());
    String tool = command.get(0);
    ExternalCommand.Outcome outcome =
        start(program, tool, timeout, buildDirectory.resolve("run.log"));
    if (outcome.timedOut()) {
      throw new ModelRunException(
          Failure.TIMEOUT,
          "the program did not finish within " + timeout + " and was killed: "
              + program.display(),
          OptionalInt.empty(),
          outcome.output());
    }
    return outcome;
  }

  private RunResult interpret(
      ExternalCommand.Outcome outcome, int inputCount, Path buildDirectory, Path executable) {
    HarnessOutput printed = HarnessOutput.parse(outcome.output());
    int status = outcome.exitStatus();
    if (status != 0) {
      throw failure(printed, status, outcome.output());
    }
    if (!printed.malformedLines().isEmpty()) {
      throw new ModelRunException(
          Failure.MALFORMED_OUTPUT,
          "cannot read the program's report lines: "
              + String.join("; ", printed.malformedLines()),
          OptionalInt.of(status),
          outcome.output());
    }
    if (printed.outputs().size() != inputCount) {
      throw new ModelRunException(
          Failure.MALFORMED_OUTPUT,
          "expected " + inputCount + " output lines, the program printed "
              + printed.outputs().size(),
          OptionalInt.of(status),
          outcome.output());
    }
    if (target().isBareMetal() && printed.stack().isEmpty()) {
      throw new ModelRunException(
          Failure.MALFORMED_OUTPUT,
          "the start-up code reported no stack high-water mark",
          OptionalInt.of(status),
          outcome.output());
    }
    List<TracedBytes> traces = matchTraces(printed.traces(), status, outcome.output());
    List<LayerProfile> profiles =
        profile ? profiles(printed, inputCount, status, outcome.output()) : List.of();
    return new RunResult(
        target(),
        printed.outputs(),
        printed.instructions(),
        printed.stack(),
        outcome.elapsed(),
        buildDirectory,
        executable,
        traces,
        profiles);
  }

  /** Whether main.c defines the engine's per-layer hook. */
  private boolean hooked() {
    return profile || !trace.isEmpty();
  }

  /** The printed layer counts, grouped per input; every input has a tail line. */
  private List<LayerProfile> profiles(
      HarnessOutput printed, int inputCount, int status, String output) {
    if (printed.profileOverflow()
        || printed.hookCalibration().isEmpty()
        || printed.tailInstructions().size() != inputCount
        || printed.instructions().size() != inputCount) {
      throw new ModelRunException(
          Failure.MALFORMED_OUTPUT,
          printed.profileOverflow()
              ? "more than " + HarnessMainEmitter.PROFILE_CAPACITY
                  + " layer readings in one inference"
              : "the layer profile is incomplete (calibration, or a tail line per input)",
          OptionalInt.of(status),
          output);
    }
    long[] calibration = printed.hookCalibration().get();
    double hook = (double) calibration[0] / calibration[1];
    List<LayerProfile> profiles = new ArrayList<>();
    for (int input = 0; input < inputCount; input++) {
      List<Integer> layers = new ArrayList<>();
      List<Long> raw = new ArrayList<>();
      for (long[] line : printed.layerInstructions()) {
        if (line[0] == input) {
          layers.add((int) line[1]);
          raw.add(line[2]);
        }
      }
      long tail = printed.tailInstructions().get(input)[1];
      profiles.add(new LayerProfile(
          input, layers, raw, tail, printed.instructions().get(input), hook));
    }
    return profiles;
  }

  /** The printed regions in the order asked for; each point exactly once, nothing else. */
  private List<TracedBytes> matchTraces(List<TracedBytes> printed, int status, String output) {
    Map<TracePoint, TracedBytes> byPoint = new HashMap<>();
    for (TracedBytes traced : printed) {
      if (!trace.contains(traced.point()) || byPoint.put(traced.point(), traced) != null) {
        throw new ModelRunException(
            Failure.MALFORMED_OUTPUT,
            "the program printed " + traced.point() + ", which was not asked for once",
            OptionalInt.of(status),
            output);
      }
    }
    List<TracedBytes> ordered = new ArrayList<>();
    List<TracePoint> missing = new ArrayList<>();
    for (TracePoint point : trace) {
      TracedBytes traced = byPoint.get(point);
      if (traced == null) {
        missing.add(point);
      } else {
        ordered.add(traced);
      }
    }
    if (!missing.isEmpty()) {
      throw new ModelRunException(
          Failure.MALFORMED_OUTPUT,
          "no bytes were printed for " + missing
              + ": does the model call TFORGE_AFTER_LAYER with those layer indices?",
          OptionalInt.of(status),
          output);
    }
    return ordered;
  }

  private ModelRunException failure(HarnessOutput printed, int status, String output) {
    OptionalInt exit = OptionalInt.of(status);
    boolean bareMetal = target().isBareMetal();
    if (printed.fault().isPresent() || (bareMetal && status == EXIT_FAULT)) {
      return new ModelRunException(
          Failure.CRASHED,
          "the program faulted on " + target() + ": " + printed.fault().orElse("(no report)"),
          exit,
          output);
    }
    if (printed.stackOverflow() || (bareMetal && status == EXIT_STACK_OVERFLOW)) {
      return new ModelRunException(
          Failure.STACK_OVERFLOW,
          "the program used all " + printed.stack().map(StackUsage::reservedBytes).orElse(0)
              + " bytes of stack on " + target() + " (see withStackBytes)",
          exit,
          output);
    }
    if (printed.invokeFailure().isPresent()) {
      return new ModelRunException(
          Failure.INVOKE_FAILED,
          "the model's _invoke returned non-zero (input index, status): "
              + printed.invokeFailure().get(),
          exit,
          output);
    }
    boolean sanitizerReport =
        output.contains("AddressSanitizer") || output.contains("runtime error:");
    if (commands.sanitized() && sanitizerReport) {
      return new ModelRunException(
          Failure.SANITIZER_ERROR, "a sanitizer stopped the program", exit, output);
    }
    if (!bareMetal && status > 128) {
      // Java reports a process killed by signal N as 128 + N.
      return new ModelRunException(
          Failure.CRASHED, "the program was killed by " + signalName(status - 128), exit, output);
    }
    return new ModelRunException(
        Failure.NONZERO_EXIT, "the program on " + target() + " ended with an error", exit, output);
  }

  private static String signalName(int signal) {
    return switch (signal) {
      case 4 -> "SIGILL (illegal instruction)";
      case 6 -> "SIGABRT (abort)";
      case 7 -> "SIGBUS (bus error)";
      case 8 -> "SIGFPE (arithmetic exception)";
      case 11 -> "SIGSEGV (invalid memory access)";
      default -> "signal " + signal;
    };
  }

  /** Starts a command; a tool that cannot be started is reported as missing, with a remedy. */
  private ExternalCommand.Outcome start(
      ExternalCommand command, String tool, Duration limit, Path log)
      throws IOException, InterruptedException {
    try {
      return command.run(limit, log);
    } catch (ExternalCommand.CannotStartException e) {
      String remedy = target().isBareMetal() ? " (" + INSTALL_HINT + ")" : "";
      throw new ModelRunException(
          Failure.TOOLCHAIN_MISSING, "cannot start " + tool + remedy, e);
    }
  }

  private CTarget.QemuMachine bareMetalMachine(String what) {
    return target()
        .machine()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    what + " applies to Cortex-M targets, not to " + target()));
  }

  @Override
  public String toString() {
    return "ModelRunner[" + commands + ", timeout " + timeout + ", " + bareMetalSources
        + (trace.isEmpty() ? "" : ", " + trace.size() + " trace points")
        + (profile ? ", layer profile" : "") + "]";
  }
}
