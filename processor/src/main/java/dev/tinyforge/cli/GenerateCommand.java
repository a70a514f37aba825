package dev.tinyforge.cli;

import dev.tinyforge.diag.Bytes;
import dev.tinyforge.diag.Locus;
import dev.tinyforge.diag.Message;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.emit.GeneratedFile;
import dev.tinyforge.emit.c.CEngineEmitter;
import dev.tinyforge.emit.c.CRuntimeSources;
import dev.tinyforge.emit.report.ReportWriter;
import dev.tinyforge.engine.Budget;
import dev.tinyforge.engine.Engine;
import dev.tinyforge.graph.Graph;
import dev.tinyforge.processor.EngineStage;
import dev.tinyforge.processor.validate.ModelNameRule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tinyforge generate}: writes the firmware folder of a TFLite model, the same files the
 * annotation processor writes into {@code tinyforge/<name>/}: C engine, constants, the kernels it
 * calls, Makefile and report.json.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Writes the C engine folder of a trained int8 TFLite model (the files the"
        + " annotation processor writes, report.json included).")
final class GenerateCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private ModelOptions model;

  @Option(names = "--name", required = true, paramLabel = "<c_identifier>",
      description = "The model's C name: file names, function and macro prefix.")
  private String name;

  @Option(names = "--out", required = true, paramLabel = "<dir>",
      description = "The folder to write; it must be new or empty unless --force is given.")
  private Path out;

  @Option(names = "--force",
      description = "Replace the folder given by --out even when it is not empty.")
  private boolean force;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Problems problems = new Problems();
    if (!ModelNameRule.isCName(name)) {
      problems.error(Locus.model("--name"), Message.MODEL_NAME, name);
    }
    Budget budget = model.budget(problems);
    OutputFolder folder = new OutputFolder(out);
    if (problems.hasErrors() || !folder.checkWritable(force, problems)) {
      return Console.report(problems, err);
    }
    Graph graph = TfliteFile.graph(model.tflite, name, problems);
    if (graph == null) {
      return Console.report(problems, err);
    }
    Engine engine = EngineStage.lower(graph, budget);
    EngineStage.check(engine, problems);
    if (problems.hasErrors()) {
      return Console.report(problems, err);
    }
    Map<String, byte[]> files = files(engine);
    folder.write(files, problems);
    if (problems.hasErrors()) {
      return Console.report(problems, err);
    }
    PrintWriter outWriter = spec.commandLine().getOut();
    outWriter.printf("wrote %d files to %s: %s for %s, peak SRAM %s of %s, flash about %s of %s%n",
        files.size(), folder.path(), engine.name(), budget.board(),
        Bytes.human(engine.peakSramBytes()), Bytes.human(budget.sramBytes()),
        Bytes.human(engine.flashBytesEstimate()), Bytes.human(budget.flashBytes()));
    outWriter.flush();
    return Console.report(problems, err);
  }

  /** The firmware folder's files, as the processor renders them, relative to the folder. */
  private static Map<String, byte[]> files(Engine engine) {
    List<GeneratedFile> rendered = new ArrayList<>(
        new CEngineEmitter(new CRuntimeSources(GenerateCommand.class.getClassLoader()))
            .emit(engine));
    rendered.add(ReportWriter.write(engine));
    String prefix = engine.name() + "/";
    Map<String, byte[]> files = new TreeMap<>();
    for (GeneratedFile file : rendered) {
      if (file.kind() != GeneratedFile.Kind.FIRMWARE || !file.path().startsWith(prefix)) {
        throw new IllegalStateException("unexpected generated file " + file.path());
      }
      files.put(file.path().substring(prefix.length()), file.content());
    }
    return files;
  }
}
