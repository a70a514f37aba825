package dev.tinyforge.bench;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tinyforge.bench.BenchModels.BenchModel;
import dev.tinyforge.emit.GeneratedFile;
import dev.tinyforge.emit.c.CEngineEmitter;
import dev.tinyforge.emit.c.CRuntimeSources;
import dev.tinyforge.engine.Budget;
import dev.tinyforge.engine.Engine;
import dev.tinyforge.engine.LayerFacts;
import dev.tinyforge.engine.Lowering;
import dev.tinyforge.firmware.CTarget;
import dev.tinyforge.firmware.GeneratedModel;
import dev.tinyforge.firmware.ImageSize;
import dev.tinyforge.firmware.LayerProfile;
import dev.tinyforge.firmware.ModelRunner;
import dev.tinyforge.firmware.RunResult;
import dev.tinyforge.graph.Graph;
import dev.tinyforge.graph.Op;
import dev.tinyforge.plan.Buffer;
import dev.tinyforge.plan.MemoryPlanner;
import dev.tinyforge.plan.MemoryPlan;
import dev.tinyforge.plan.NaivePlanner;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The benchmark (bench/run.sh; tagged "bench", so {@code mvn verify} leaves it out): for
 * person_detect, micro_speech, DigitsMlp and DigitsCnn, on QEMU's Cortex-M7 (mps2-an500) and
 * Cortex-M4 (mps2-an386), TinyForge as it is against a baseline built in the same run (the same
 * portable kernels, every tensor in its own region: {@link NaivePlanner}). Measures arena, static
 * RAM, stack high-water (painting), peak SRAM, flash (engine code + weights, from the link map),
 * executed instructions per inference (-icount, checked repeatable), instructions per MAC and a
 * per-layer instruction profile. Writes bench.json, bench.md and one SVG memory timeline per
 * model to bench/out/ (or {@code -Dtinyforge.bench.out}).
 */
@Tag("bench")
class BenchTest {
  /** The example app's board; lowering only records it, the code does not depend on it. */
  private static final Budget BOARD =
      new Budget("STM32F746", "Cortex-M7", 320 << 10, 1 << 20, 216);
  private static final List<CTarget> TARGETS = List.of(CTarget.CORTEX_M7, CTarget.CORTEX_M4);
  /** One SysTick step on mps2: the instruction counter's resolution. */
  private static final long TICK = 40;

  enum Variant {
    TINYFORGE("TinyForge", MemoryPlanner::plan, true),
    BASELINE("baseline (reference kernels, naive plan)", NaivePlanner::plan, false);

    final String title;
    final Function<Graph, MemoryPlan> planner;
    final boolean fastKernels;

    Variant(String title, Function<Graph, MemoryPlan> planner, boolean fastKernels) {
      this.title = title;
      this.planner = planner;
      this.fastKernels = fastKernels;
    }

    Engine lower(Graph graph) {
      Engine engine = Lowering.lower(graph, BOARD, planner);
      return fastKernels ? engine : engine.withReferenceKernels();
    }

    String slug() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One model on one target in one variant. */
  record Measured(long arena, long staticRam, long stack, long peakSram, long engineCode,
      long weights, long flash, List<Long> instructions, long repeated, long perInference,
      double perMac, LayerProfile profile) {}

  @Test
  void benchmark() throws Exception {
    for (CTarget target : TARGETS) {
      assertWithMessage(target + " needs " + target.missingTools()
          + " (apt-get install --no-install-recommends gcc-arm-none-eabi"
          + " libnewlib-arm-none-eabi qemu-system-arm)").that(target.isAvailable()).isTrue();
    }
    Instant started = Instant.now();
    Path out = outputDirectory();
    Path work = out.resolve("work");
    deleteTree(work);
    Files.createDirectories(work);

    List<BenchModel> models = BenchModels.all();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("environment", environment());
    List<Object> modelsJson = new ArrayList<>();
    json.put("models", modelsJson);
    StringBuilder summary = new StringBuilder();
    StringBuilder layerTables = new StringBuilder();

    for (BenchModel model : models) {
      Map<Variant, Engine> engines = new LinkedHashMap<>();
      Map<Variant, GeneratedModel> firmware = new LinkedHashMap<>();
      for (Variant variant : Variant.values()) {
        Engine engine = variant.lower(model.graph());
        engines.put(variant, engine);
        firmware.put(variant, emit(engine, work.resolve("fw-" + variant.slug())));
      }
      if (model.source() != null) {
        checkSameAsTheProcessor(model, firmware.get(Variant.TINYFORGE), work);
      }
      Map<CTarget, Map<Variant, Measured>> measured = new LinkedHashMap<>();
      for (CTarget target : TARGETS) {
        Map<Variant, Measured> byVariant = new LinkedHashMap<>();
        List<byte[]> reference = null;
        for (Variant variant : Variant.values()) {
          Measured m = measure(model, engines.get(variant), firmware.get(variant), target,
              work.resolve(variant.slug()));
          byVariant.put(variant, m);
          List<byte[]> outputs = lastOutputs;
          if (reference == null) {
            reference = outputs;
          } else {
            for (int i = 0; i < outputs.size(); i++) {
              assertWithMessage(model.name() + " " + variant + " output " + i + " on " + target)
                  .that(outputs.get(i)).isEqualTo(reference.get(i));
            }
          }
        }
        measured.put(target, byVariant);
      }
      modelsJson.add(modelJson(model, engines, measured));
      summary.append(summaryRows(model, engines, measured));
      layerTables.append(layerTable(model, engines, measured));
      writeTimeline(model, engines, out);
    }

    String header = summaryHeader();
    String markdown = "# TinyForge benchmark\n\n" + environmentLine() + "\n\n"
        + "TinyForge = the engine as the processor generates it (whole-graph memory plan);"
        + " baseline = the same code generator with the portable reference kernels only and a"
        + " naive layer-by-layer plan (every tensor its own arena region, no reuse), built and"
        + " measured in the same run. Ratios are TinyForge / baseline. TF Lite Micro's figures are from"
        + " ../shared/models/README.md (Cortex-M7, reference kernels / CMSIS-NN; its arena also"
        + " holds about 30 KB of per-op metadata for person_detect).\n\n"
        + header + summary + "\n" + layerTables
        + String.format(Locale.ROOT, "\nBench wall time: %d s.%n",
            Duration.between(started, Instant.now()).toSeconds());
    Files.writeString(out.resolve("bench.json"), Json.write(json), StandardCharsets.UTF_8);
    Files.writeString(out.resolve("bench.md"), markdown, StandardCharsets.UTF_8);
    System.out.println("\n[bench] " + environmentLine() + "\n" + header + summary
        + "\n[bench] wrote " + out.resolve("bench.json") + ", bench.md and *-memory.svg");
  }

  /** The outputs of the latest {@link #measure} call (its plain run), for cross-checks. */
  private List<byte[]> lastOutputs;

  private Measured measure(BenchModel model, Engine engine, GeneratedModel fw, CTarget target,
      Path work) throws IOException {
    String what = model.name() + " on " + target + " (" + work.getFileName() + ")";
    List<byte[]> inputs = new ArrayList<>(model.inputs());
    inputs.add(model.inputs().get(0)); // run the first case again: counts must repeat exactly
    ModelRunner runner = ModelRunner.on(target).withTimeout(Duration.ofMinutes(5));
    RunResult plain = runner.run(fw, inputs, Files.createDirectories(work.resolve("plain")));
    int cases = model.inputs().size();
    for (int i = 0; i < model.expected().size(); i++) {
      assertWithMessage(what + " " + model.cases().get(i) + " vs TF Lite Micro's golden")
          .that(plain.output(i)).isEqualTo(model.expected().get(i));
    }
    // Exact from run to run; within a run SysTick's phase may move a reading by one step.
    assertWithMessage(what + ": instructions of the repeated first case")
        .that(Math.abs(plain.instructions().get(cases) - plain.instructions().get(0)))
        .isAtMost(TICK);
    lastOutputs = plain.outputs().subList(0, cases);
    ImageSize size = ImageSize.of(plain, fw);
    long stack = plain.stack().orElseThrow().highWaterBytes();
    long staticRam = size.modelStaticRamBytes();

    RunResult profiled = runner.withLayerProfile()
        .run(fw, List.of(model.inputs().get(0)), Files.createDirectories(work.resolve("profile")));
    assertWithMessage(what + " profiled output").that(profiled.output(0))
        .isEqualTo(plain.output(0));
    LayerProfile profile = profiled.profiles().get(0);
    assertThat(profile.rawSum() + profile.tail()).isEqualTo(profile.total());
    double difference = Math.abs(profile.estimatedTotal() - plain.instructions().get(0));
    assertWithMessage(what + ": layer profile sum (" + profile.estimatedTotal()
        + ") vs the plain inference (" + plain.instructions().get(0) + ")")
        .that(difference).isAtMost((double) TICK);
    // The engine announces every step (a kernel call) by its layer's index.
    List<String> layerNames = engine.layers().stream().map(LayerFacts::name).toList();
    List<Integer> kernelLayers =
        engine.steps().stream().map(step -> layerNames.indexOf(step.layer())).toList();
    assertWithMessage(what + ": layers announced").that(profile.layers())
        .containsExactlyElementsIn(kernelLayers).inOrder();

    List<Long> instructions = plain.instructions().subList(0, cases);
    long perInference = instructions.get(0);
    return new Measured(engine.arenaBytes(), staticRam, stack, staticRam + stack,
        size.engineCodeBytes(), size.weightsBytes(), size.modelFlashBytes(), instructions,
        plain.instructions().get(cases), perInference, (double) perInference / engine.macs(), profile);
  }

  private static GeneratedModel emit(Engine engine, Path root) throws IOException {
    List<GeneratedFile> files =
        new CEngineEmitter(new CRuntimeSources(BenchTest.class.getClassLoader())).emit(engine);
    for (GeneratedFile file : files) {
      Path target = root.resolve(file.path());
      Files.createDirectories(target.getParent());
      Files.write(target, file.content());
    }
    return new GeneratedModel(root.resolve(engine.name()), engine.name());
  }

  /**
   * The declared models are measured as the example app builds them: javac with the processor
   * over the app's source file must write the same engine and weights the bench emits.
   */
  private static void checkSameAsTheProcessor(BenchModel model, GeneratedModel ours, Path work)
      throws IOException {
    Path javacOut = Files.createDirectories(work.resolve("javac-" + model.name()));
    Path classes = Files.createDirectories(javacOut.resolve("classes"));
    Path generated = Files.createDirectories(javacOut.resolve("generated"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String classPath = System.getProperty("java.class.path");
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      boolean ok = javac.getTask(diagnostics, files, null, List.of("--release", "17",
              "-classpath", classPath, "-processorpath", classPath, "-d", classes.toString(),
              "-s", generated.toString()), null,
          files.getJavaFileObjects(model.source().toFile())).call();
      assertWithMessage("javac " + model.source() + ":\n" + diagnostics).that(ok).isTrue();
    }
    Path theirs = generated.resolve("tinyforge").resolve(model.name());
    for (String file : List.of(model.name() + ".c", model.name() + "_weights.c")) {
      assertWithMessage(model.name() + ": the bench's " + file + " vs the processor's for "
          + model.source().getFileName())
          .that(Files.readString(ours.directory().resolve(file)))
          .isEqualTo(Files.readString(theirs.resolve(file)));
    }
  }

  // ---------------------------------------------------------------- results

  private static Map<String, Object> modelJson(BenchModel model, Map<Variant, Engine> engines,
      Map<CTarget, Map<Variant, Measured>> measured) {
    Engine planned = engines.get(Variant.TINYFORGE);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", model.name());
    m.put("macs", planned.macs());
    m.put("layers", planned.layers().size());
    m.put("cases", model.cases());
    if (model.tflm() != null) {
      Map<String, Object> tflm = new LinkedHashMap<>();
      tflm.put("core", "Cortex-M7");
      tflm.put("arena_bytes", model.tflm().arenaBytes());
      tflm.put("stack_bytes", model.tflm().stack());
      tflm.put("instructions_reference", model.tflm().instructionsReference());
      tflm.put("instructions_cmsis_nn", model.tflm().instructionsCmsisNn());
      tflm.put("source", "../shared/models/README.md");
      m.put("tflite_micro", tflm);
    }
    List<Object> variants = new ArrayList<>();
    for (Variant variant : Variant.values()) {
      Engine engine = engines.get(variant);
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("variant", variant.slug());
      v.put("planner", variant == Variant.TINYFORGE ? "MemoryPlanner" : "NaivePlanner");
      v.put("kernels", variant.fastKernels ? "specialized where they apply" : "reference");
      v.put("arena_bytes", engine.arenaBytes());
      v.put("timeline", timeline(engine));
      List<Object> targets = new ArrayList<>();
      for (CTarget target : TARGETS) {
        Measured x = measured.get(target).get(variant);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("target", target.slug());
        t.put("machine", target.qemuMachine().orElseThrow());
        t.put("arena_bytes", x.arena());
        t.put("static_ram_bytes", x.staticRam());
        t.put("stack_high_water_bytes", x.stack());
        t.put("peak_sram_bytes", x.peakSram());
        t.put("engine_code_bytes", x.engineCode());
        t.put("weights_bytes", x.weights());
        t.put("flash_bytes", x.flash());
        t.put("instructions_per_case", x.instructions());
        t.put("instructions_first_case_repeated", x.repeated());
        t.put("instructions_per_inference", x.perInference());
        t.put("instructions_per_mac", x.perMac());
        t.put("profile", profileJson(engine, x.profile()));
        targets.add(t);
      }
      v.put("targets", targets);
      variants.add(v);
    }
    m.put("variants", variants);
    Map<String, Object> ratios = new LinkedHashMap<>();
    for (CTarget target : TARGETS) {
      Measured a = measured.get(target).get(Variant.TINYFORGE);
      Measured b = measured.get(target).get(Variant.BASELINE);
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("arena", ratio(a.arena(), b.arena()));
      r.put("peak_sram", ratio(a.peakSram(), b.peakSram()));
      r.put("flash", ratio(a.flash(), b.flash()));
      r.put("instructions", ratio(a.perInference(), b.perInference()));
      ratios.put(target.slug(), r);
    }
    m.put("ratios_tinyforge_over_baseline", ratios);
    return m;
  }

  private static List<Object> timeline(Engine engine) {
    MemoryPlan plan = engine.plan();
    List<Object> steps = new ArrayList<>();
    for (int s = 0; s < engine.graph().ops().size(); s++) {
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("step", s);
      step.put("layer", engine.graph().ops().get(s).name());
      step.put("bytes_live", plan.bytesLiveAt(s));
      List<Object> live = new ArrayList<>();
      for (Buffer b : plan.buffers()) {
        if (b.isLiveAt(s)) {
          Map<String, Object> buffer = new LinkedHashMap<>();
          buffer.put("buffer", b.id());
          buffer.put("bytes", b.size());
          buffer.put("offset", plan.offsets()[b.id()]);
          live.add(buffer);
        }
      }
      step.put("buffers", live);
      steps.add(step);
    }
    return steps;
  }

  private static Map<String, Object> profileJson(Engine engine, LayerProfile profile) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("hook_instructions_per_call", profile.hookInstructions());
    p.put("note", "per layer: instructions since the previous layer ended (the first layer"
        + " includes the invoke call and the input copy), less the hook's calibrated cost;"
        + " resolution one SysTick step (40 instructions)");
    List<Object> layers = new ArrayList<>();
    for (int k = 0; k < profile.layers().size(); k++) {
      LayerFacts facts = engine.layers().get(profile.layers().get(k));
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("index", profile.layers().get(k));
      l.put("name", facts.name());
      l.put("op", facts.op());
      l.put("macs", facts.macs());
      l.put("instructions", profile.instructions(k));
      l.put("instructions_per_mac", facts.macs() == 0 ? null
          : profile.instructions(k) / facts.macs());
      layers.add(l);
    }
    p.put("layers", layers);
    p.put("tail_instructions", profile.tail());
    p.put("sum_instructions", profile.estimatedTotal());
    return p;
  }

  private static String summaryHeader() {
    return "| model | core | peak SRAM TinyForge | baseline | ratio | arena TinyForge | baseline"
        + " | flash TinyForge | baseline | ratio | instr./inference TinyForge | baseline | ratio"
        + " | instr./MAC | TFLM arena | TFLM instr. ref / CMSIS-NN |\n"
        + "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n";
  }

  private static String summaryRows(BenchModel model, Map<Variant, Engine> engines,
      Map<CTarget, Map<Variant, Measured>> measured) {
    StringBuilder rows = new StringBuilder();
    for (CTarget target : TARGETS) {
      Measured a = measured.get(target).get(Variant.TINYFORGE);
      Measured b = measured.get(target).get(Variant.BASELINE);
      boolean m7 = target == CTarget.CORTEX_M7 && model.tflm() != null;
      rows.append("| ").append(model.name())
          .append(" | ").append(target == CTarget.CORTEX_M7 ? "M7" : "M4")
          .append(" | ").append(bytes(a.peakSram()))
          .append(" | ").append(bytes(b.peakSram()))
          .append(" | ").append(ratioText(a.peakSram(), b.peakSram()))
          .append(" | ").append(bytes(a.arena()))
          .append(" | ").append(bytes(b.arena()))
          .append(" | ").append(bytes(a.flash()))
          .append(" | ").append(bytes(b.flash()))
          .append(" | ").append(ratioText(a.flash(), b.flash()))
          .append(" | ").append(count(a.perInference()))
          .append(" | ").append(count(b.perInference()))
          .append(" | ").append(ratioText(a.perInference(), b.perInference()))
          .append(" | ").append(String.format(Locale.ROOT, "%.2f", a.perMac()))
          .append(" | ").append(m7 ? bytes(model.tflm().arenaBytes()) : "—")
          .append(" | ").append(m7 ? String.format(Locale.ROOT, "%.3g M / %.3g M",
              model.tflm().instructionsReference() / 1e6,
              model.tflm().instructionsCmsisNn() / 1e6) : "—")
          .append(" |\n");
    }
    return rows.toString();
  }

  private static String layerTable(BenchModel model, Map<Variant, Engine> engines,
      Map<CTarget, Map<Variant, Measured>> measured) {
    Engine engine = engines.get(Variant.TINYFORGE);
    StringBuilder t = new StringBuilder();
    t.append("\n### ").append(model.name()).append(": instructions per layer (TinyForge;"
        + " baseline in parentheses)\n\n");
    t.append("| # | layer | op | MACs | M7 instr. | M7 /MAC | M4 instr. | M4 /MAC |\n");
    t.append("|--:|---|---|--:|--:|--:|--:|--:|\n");
    LayerProfile m7 = measured.get(CTarget.CORTEX_M7).get(Variant.TINYFORGE).profile();
    LayerProfile m4 = measured.get(CTarget.CORTEX_M4).get(Variant.TINYFORGE).profile();
    LayerProfile m7b = measured.get(CTarget.CORTEX_M7).get(Variant.BASELINE).profile();
    LayerProfile m4b = measured.get(CTarget.CORTEX_M4).get(Variant.BASELINE).profile();
    int previous = -1;
    for (int k = 0; k < m7.layers().size(); k++) {
      int index = m7.layers().get(k);
      LayerFacts facts = engine.layers().get(index);
      // A patch-based stage reports once, after its last layer: the row covers all its layers,
      // and the baseline's figure is the sum of the same layers.
      long macs = 0;
      for (int l = previous + 1; l <= index; l++) {
        macs += engine.layers().get(l).macs();
      }
      String name = facts.name();
      String op = facts.op();
      if (index - previous > 1 && facts.outputOffset() >= 0
          && engine.layers().get(index - 1).outputOffset() < 0) {
        name = engine.layers().get(previous + 1).name() + " .. " + facts.name();
        op = "patch stage";
      }
      t.append("| ").append(index)
          .append(" | ").append(name)
          .append(" | ").append(op)
          .append(" | ").append(count(macs))
          .append(" | ").append(count(Math.round(m7.instructions(k))))
          .append(" (").append(count(Math.round(sum(m7b, previous, index)))).append(")")
          .append(" | ").append(perMac(m7.instructions(k), macs))
          .append(" | ").append(count(Math.round(m4.instructions(k))))
          .append(" (").append(count(Math.round(sum(m4b, previous, index)))).append(")")
          .append(" | ").append(perMac(m4.instructions(k), macs))
          .append(" |\n");
      previous = index;
    }
    t.append("| | after the last layer (output copy, return) | | | ")
        .append(count(m7.tail())).append(" | | ").append(count(m4.tail())).append(" | |\n");
    t.append("| | **sum** (plain run) | | ").append(count(engine.macs())).append(" | ")
        .append(count(Math.round(m7.estimatedTotal()))).append(" (")
        .append(count(measured.get(CTarget.CORTEX_M7).get(Variant.TINYFORGE).perInference()))
        .append(") | | ").append(count(Math.round(m4.estimatedTotal()))).append(" (")
        .append(count(measured.get(CTarget.CORTEX_M4).get(Variant.TINYFORGE).perInference()))
        .append(") | |\n");
    return t.toString();
  }

  /** The baseline's instructions of layers {@code (after, upTo]}. */
  private static double sum(LayerProfile profile, int after, int upTo) {
    double total = 0;
    for (int k = 0; k < profile.layers().size(); k++) {
      int layer = profile.layers().get(k);
      if (after < layer && layer <= upTo) {
        total += profile.instructions(k);
      }
    }
    return total;
  }

  private static void writeTimeline(BenchModel model, Map<Variant, Engine> engines, Path out)
      throws IOException {
    Engine engine = engines.get(Variant.TINYFORGE);
    Graph graph = engine.graph();
    List<String> steps = graph.ops().stream().map(Op::name).toList();
    List<String> bufferLabels = labels(engine.plan(), graph);
    List<MemoryTimelineSvg.Panel> panels = new ArrayList<>();
    for (Variant variant : Variant.values()) {
      MemoryPlan plan = engines.get(variant).plan();
      panels.add(new MemoryTimelineSvg.Panel(variant.title, plan, labels(plan, graph)));
    }
    String svg = MemoryTimelineSvg.render(model.name() + ": bytes live per step, per buffer",
        steps, bufferLabels, panels);
    Files.writeString(out.resolve(model.name() + "-memory.svg"), svg, StandardCharsets.UTF_8);
  }

  /** One label per buffer: the tensors it holds, or what a working buffer is for. */
  private static List<String> labels(MemoryPlan plan, Graph graph) {
    List<String> labels = new ArrayList<>();
    for (Buffer b : plan.buffers()) {
      List<String> names = new ArrayList<>();
      b.tensors().forEach(t -> names.add(graph.tensor(t).name()));
      labels.add(b.isWorking() ? b.label() : String.join(" = ", names));
    }
    return labels;
  }

  // ---------------------------------------------------------------- environment

  private static Map<String, Object> environment() {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("cores", Runtime.getRuntime().availableProcessors());
    e.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    e.put("java", System.getProperty("java.version"));
    e.put("compiler", firstLine("arm-none-eabi-gcc", "--version"));
    e.put("flags", "-O2 -std=c99 -ffunction-sections -fdata-sections, portable kernels");
    e.put("qemu", firstLine("qemu-system-arm", "--version"));
    e.put("counting", "-icount shift=0, SysTick at 25 MHz: 40-instruction steps");
    return e;
  }

  private static String environmentLine() {
    Map<String, Object> e = environment();
    return "Measured on " + e.get("cores") + " cores (" + e.get("os") + "), " + e.get("qemu")
        + " (TCG, -icount shift=0), " + e.get("compiler") + " -O2.";
  }

  private static String firstLine(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor();
      return text.lines().findFirst().orElse("?").strip();
    } catch (IOException e) {
      return "unavailable";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private static Path outputDirectory() throws IOException {
    String property = System.getProperty("tinyforge.bench.out");
    Path out = property != null && !property.isBlank() ? Path.of(property)
        : BenchModels.repositoryRoot().resolve("bench/out");
    return Files.createDirectories(out.toAbsolutePath().normalize());
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  // ---------------------------------------------------------------- formatting

  private static double ratio(long a, long b) {
    return b == 0 ? Double.NaN : (double) a / b;
  }

  private static String ratioText(long a, long b) {
    return String.format(Locale.ROOT, "%.2f", ratio(a, b));
  }

  private static String bytes(long value) {
    return String.format(Locale.ROOT, "%,d B", value);
  }

  private static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  private static String perMac(double instructions, long macs) {
    return macs == 0 ? "—" : String.format(Locale.ROOT, "%.2f", instructions / macs);
  }
}
