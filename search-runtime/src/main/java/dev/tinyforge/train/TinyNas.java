package dev.tinyforge.train;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.data.DataSetException;
import dev.tinyforge.data.Digits;
import dev.tinyforge.data.Images;
import dev.tinyforge.data.Mnist;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.engine.Budget;
import dev.tinyforge.engine.Engine;
import dev.tinyforge.graph.Graph;
import dev.tinyforge.quant.FloatLayer;
import dev.tinyforge.quant.FloatNetwork;
import dev.tinyforge.quant.PostTrainingQuantizer;
import dev.tinyforge.build.GraphBuilder;
import dev.tinyforge.search.Architecture;
import dev.tinyforge.search.CandidateCost;
import dev.tinyforge.search.Evolution;
import dev.tinyforge.search.EvolutionSettings;
import dev.tinyforge.search.Int8Evaluation;
import dev.tinyforge.search.SearchCache;
import dev.tinyforge.search.SearchResult;
import dev.tinyforge.search.SearchSpace;
import dev.tinyforge.search.ShapeOnlyWeights;
import dev.tinyforge.search.Stage1;
import dev.tinyforge.search.Stage1Pick;
import dev.tinyforge.search.Stage1Result;
import dev.tinyforge.search.Stage1Settings;
import dev.tinyforge.search.Subnet;
import dev.tinyforge.search.TrainingRecipe;
import dev.tinyforge.spec.ModelSpec;
import dev.tinyforge.weights.WeightsFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * TinyNAS end to end for a digits task: stage 1 picks the (width, resolution) space; stage 2
 * trains its weight-sharing {@link SuperNet} on networks that fit the budgets, evolves
 * sub-networks scored by super-network accuracy on held-out training images, fine-tunes the
 * winner alone, folds BN, quantizes it by calibrated PTQ and measures it in int8 through the
 * engine's Java kernels on the test images. Same request and data, same result.
 */
public final class TinyNas {
  private TinyNas() {}

  /** What to search: the model's C name, space, board and budgets, and the search's knobs. */
  public record Request(String modelName, SearchSpace space, Board board, long sramBytes,
      long flashBytes, int stage1Samples, long seed, TrainingRecipe training,
      EvolutionSettings evolution) {
    public SearchResult.Provenance provenance(String dataSet, String sha256) {
      return new SearchResult.Provenance(SearchCache.TOOL, space, board.name(), sramBytes,
          flashBytes, dataSet, sha256, seed, stage1Samples, training, evolution);
    }
  }

  /** The cached result, its int8 weights, and the stage-1 figures it started from. */
  public record Outcome(SearchResult result, WeightsFile weights, Stage1Result stage1) {}

  /** Phases and steps, for progress bars. */
  public interface Progress {
    void phase(String name, int total);

    void step(int done, String detail);

    Progress NONE = new Progress() {
      public void phase(String name, int total) {}

      public void step(int done, String detail) {}
    };
  }

  public static Outcome run(Request request, Mnist data, String weightsFile, Progress progress)
      throws DataSetException, Stage1Pick.BudgetException {
    SearchSpace space = request.space();
    SearchSpace.Task task = space.task();
    if (task.inputSize() != Mnist.SIZE || task.channels() != 1 || task.classes() != Mnist.CLASSES) {
      throw new DataSetException("the data set " + data.folder() + " holds " + Mnist.SIZE + "x"
          + Mnist.SIZE + "x1 digits of " + Mnist.CLASSES + " classes but the search space's task '"
          + task.name() + "' is " + task.inputSize() + "x" + task.inputSize() + "x"
          + task.channels() + " with " + task.classes() + " classes");
    }
    TrainingRecipe recipe = request.training();
    if (data.train().count() <= recipe.validation()) {
      throw new DataSetException("the data set " + data.folder() + " has " + data.train().count()
          + " training images; the search holds out " + recipe.validation()
          + " of them and needs more to train on");
    }
    // Stage 1
    progress.phase("stage 1", 1);
    long t0 = System.nanoTime();
    Stage1Settings settings = new Stage1Settings(request.board(), request.sramBytes(),
        request.flashBytes(), request.stage1Samples(), request.seed());
    Stage1Result stage1 = Stage1.run(space, settings);
    if (stage1.chosen() == null) {
      throw new Stage1Pick.BudgetException(Stage1Pick.noFit(stage1));
    }
    double width = stage1.chosen().width();
    int resolution = stage1.chosen().resolution();
    double stage1Seconds = seconds(t0);
    progress.step(1, "w" + width + " r" + resolution);

    // Data at the chosen resolution
    Digits all = data.train();
    int end = recipe.trainLimit() > 0
        ? Math.min(all.count(), recipe.validation() + recipe.trainLimit()) : all.count();
    Digits validation = all.slice(0, recipe.validation()).resized(resolution);
    Digits train = all.slice(recipe.validation(), end).resized(resolution);
    Digits test = data.test().resized(resolution);

    Map<Architecture, Boolean> fitting = new HashMap<>();
    java.util.function.Predicate<Architecture> fits = architecture -> fitting.computeIfAbsent(
        architecture, a -> CandidateCost.of(Subnet.spec(space, width, resolution, a))
            .fits(request.sramBytes(), request.flashBytes()));

    SuperNet net = new SuperNet(space, width, resolution);
    try (SuperNetTrainer trainer = new SuperNetTrainer(net, recipe.batchSize(), request.seed())) {
      // Stage 2a: the super-network, one fitting sub-network per step
      int steps = recipe.superNetEpochs() * batches(train.count(), recipe.batchSize());
      progress.phase("super-network", steps);
      t0 = System.nanoTime();
      SplittableRandom sampling = new SplittableRandom(request.seed() ^ 0x5EED);
      trainer.train(train, recipe.superNetEpochs(), recipe.learningRate(), request.seed(),
          () -> Evolution.sampleFitting(space, fits, sampling),
          (done, total, loss) -> progress.step(done, String.format("loss %.3f", loss)));
      double superNetSeconds = seconds(t0);

      // Stage 2b: evolution scored by the super-network on held-out images
      Evolution evolution = new Evolution(space, request.evolution(), fits, architecture -> {
        net.activate(architecture);
        return trainer.accuracy(validation, true, 250);
      }, request.seed(), (done, total, a, score) ->
          progress.step(done, String.format("best so far of %d: %.3f", done, score)));
      progress.phase("evolution", evolution.maxEvaluations());
      t0 = System.nanoTime();
      Evolution.Result evolved = evolution.run();
      double evolutionSeconds = seconds(t0);
      Architecture winner = evolved.best();

      // Fine-tune the winner alone
      int fineSteps = recipe.fineTuneEpochs() * batches(train.count(), recipe.batchSize());
      progress.phase("fine-tune", fineSteps);
      t0 = System.nanoTime();
      trainer.train(train, recipe.fineTuneEpochs(), recipe.fineTuneLearningRate(),
          request.seed() + 1, () -> winner,
          (done, total, loss) -> progress.step(done, String.format("loss %.3f", loss)));
      net.activate(winner);
      double fineTuneSeconds = seconds(t0);

      // Fold, quantize, measure
      progress.phase("quantize + int8 test", 3);
      t0 = System.nanoTime();
      ModelSpec spec = named(Subnet.spec(space, width, resolution, winner), request.modelName());
      Quantized quantized = quantize(spec, net.export(), train, recipe.calibration());
      progress.step(1, "float test");
      double floatAccuracy = floatAccuracy(quantized.network(), test);
      progress.step(2, "int8 test");
      Budget budget = new Budget(request.board().name(), request.board().core(),
          request.sramBytes(), request.flashBytes(), request.board().clockMhz());
      Engine engine = Int8Evaluation.engine(spec, quantized.weights(), budget);
      double int8Accuracy = Int8Evaluation.accuracy(engine, test);
      progress.step(3, String.format("int8 %.4f", int8Accuracy));
      double quantizeSeconds = seconds(t0);

      CandidateCost cost = CandidateCost.of(spec);
      SearchResult.Provenance provenance = request.provenance("mnist", data.sha256());
      SearchResult.Metrics metrics = new SearchResult.Metrics(test.count(), floatAccuracy,
          int8Accuracy, evolved.score(), engine.peakSramBytes(), cost.flashBytes(),
          engine.macs(), stage1Seconds, superNetSeconds, evolutionSeconds, fineTuneSeconds,
          quantizeSeconds, evolved.evaluated());
      SearchResult result = new SearchResult(SearchCache.FORMAT, SearchCache.key(provenance),
          provenance, width, resolution, winner, weightsFile, metrics);
      return new Outcome(result, quantized.weights(), stage1);
    }
  }

  /** What one fixed network reached with the search's training recipe. */
  public record Trained(double floatAccuracy, double int8Accuracy, long peakSramBytes,
      long flashBytes, long macs, double seconds) {}

  /**
   * A fixed architecture (a baseline such as a scaled MobileNetV2) trained with exactly the
   * recipe a searched network gets: the super-network phase with this one network, then the
   * fine-tune phase, then the same PTQ and int8 test.
   */
  public static Trained trainFixed(Request request, double width, int resolution,
      Architecture architecture, Mnist data) {
    TrainingRecipe recipe = request.training();
    long t0 = System.nanoTime();
    Digits all = data.train();
    int end = recipe.trainLimit() > 0
        ? Math.min(all.count(), recipe.validation() + recipe.trainLimit()) : all.count();
    Digits train = all.slice(recipe.validation(), end).resized(resolution);
    Digits test = data.test().resized(resolution);
    SuperNet net = new SuperNet(request.space(), width, resolution);
    try (SuperNetTrainer trainer = new SuperNetTrainer(net, recipe.batchSize(), request.seed())) {
      trainer.train(train, recipe.superNetEpochs(), recipe.learningRate(), request.seed(),
          () -> architecture, null);
      trainer.train(train, recipe.fineTuneEpochs(), recipe.fineTuneLearningRate(),
          request.seed() + 1, () -> architecture, null);
      net.activate(architecture);
      ModelSpec spec = named(Subnet.spec(request.space(), width, resolution, architecture),
          request.modelName());
      Quantized quantized = quantize(spec, net.export(), train, recipe.calibration());
      double floatAccuracy = floatAccuracy(quantized.network(), test);
      Budget budget = new Budget(request.board().name(), request.board().core(),
          request.sramBytes(), request.flashBytes(), request.board().clockMhz());
      Engine engine = Int8Evaluation.engine(spec, quantized.weights(), budget);
      double int8Accuracy = Int8Evaluation.accuracy(engine, test);
      CandidateCost cost = CandidateCost.of(spec);
      return new Trained(floatAccuracy, int8Accuracy, engine.peakSramBytes(), cost.flashBytes(),
          engine.macs(), seconds(t0));
    }
  }

  /** A quantized network and the float network it came from. */
  public record Quantized(FloatNetwork network, WeightsFile weights) {}

  /** PTQ of exported float layers, calibrated on the first {@code calibration} images. */
  public static Quantized quantize(ModelSpec spec, Map<String, FloatLayer> layers,
      Digits calibrationSet, int calibration) {
    Graph shapes = GraphBuilder.build(spec, ShapeOnlyWeights.INSTANCE, new Problems());
    FloatNetwork network = new FloatNetwork(shapes, layers);
    List<float[]> inputs = new ArrayList<>();
    for (int n = 0; n < Math.min(calibration, calibrationSet.count()); n++) {
      inputs.add(Images.toFloat(calibrationSet.images()[n]));
    }
    return new Quantized(network, PostTrainingQuantizer.quantize(network, inputs));
  }

  public static double floatAccuracy(FloatNetwork network, Digits data) {
    int correct = 0;
    for (int n = 0; n < data.count(); n++) {
      float[] out = network.output(Images.toFloat(data.images()[n]));
      int best = 0;
      for (int i = 1; i < out.length; i++) {
        if (out[i] > out[best]) {
          best = i;
        }
      }
      if (best == data.labels()[n]) {
        correct++;
      }
    }
    return (double) correct / data.count();
  }

  static ModelSpec named(ModelSpec spec, String name) {
    return new ModelSpec(name, spec.inputShape(), spec.inputScale(), spec.inputZeroPoint(),
        spec.layers());
  }

  private static int batches(int count, int batch) {
    return (count + batch - 1) / batch;
  }

  private static double seconds(long start) {
    return Math.round((System.nanoTime() - start) / 1e7) / 100.0;
  }
}
