package dev.tinyforge.train;

import static com.google.common.truth.Truth.assertThat;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.data.Digits;
import dev.tinyforge.data.Images;
import dev.tinyforge.data.Mnist;
import dev.tinyforge.quant.FloatNetwork;
import dev.tinyforge.search.Architecture;
import dev.tinyforge.search.EvolutionSettings;
import dev.tinyforge.search.SearchCache;
import dev.tinyforge.search.SearchSpace;
import dev.tinyforge.search.SearchSpaces;
import dev.tinyforge.search.Subnet;
import dev.tinyforge.search.TrainingRecipe;
import dev.tinyforge.weights.WeightsFileWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stage 2 on a tiny space and a few hundred digits: seconds, not minutes. */
class TinyNasTest {
  static final Path MNIST = Path.of(System.getProperty("tinyforge.mnist", "../../shared/data/mnist"));
  static Mnist mnist;

  @BeforeAll
  static void load() throws Exception {
    mnist = Mnist.load(MNIST);
  }

  static SearchSpace tinySpace() {
    SearchSpace d = SearchSpaces.digits();
    return new SearchSpace(d.task(), d.stem(), d.stages(), d.headChannels(), List.of(3, 5),
        List.of(3, 4), List.of(2), List.of(0.3), List.of(16));
  }

  static TinyNas.Request request(long seed) {
    return new TinyNas.Request("tiny", tinySpace(), Board.STM32F746, 32 * 1024, 256 * 1024, 50,
        seed, new TrainingRecipe(1, 2, 64, 0.5f, 0.2f, 200, 1500, 64),
        EvolutionSettings.quick());
  }

  @Test
  void djlRunsOfflineSingleThreaded() {
    Djl.configure();
    assertThat(Djl.isConfigured()).isTrue();
    assertThat(System.getProperty("ai.djl.pytorch.num_threads")).isEqualTo("1");
    assertThat(System.getProperty("ai.djl.pytorch.num_interop_threads")).isEqualTo("1");
  }

  @Test
  void searchesTrainsQuantizesAndRepeatsForASeed() throws Exception {
    TinyNas.Outcome first = TinyNas.run(request(1), mnist, "Tiny.tfw", TinyNas.Progress.NONE);
    assertThat(Djl.isConfigured()).isTrue();
    var metrics = first.result().metrics();
    assertThat(metrics.testImages()).isEqualTo(2000);
    // Far above chance after a few hundred steps; int8 follows float closely.
    assertThat(metrics.floatAccuracy()).isGreaterThan(0.5);
    assertThat(metrics.int8Accuracy()).isGreaterThan(metrics.floatAccuracy() - 0.05);
    assertThat(metrics.peakSramBytes()).isAtMost(32 * 1024);
    assertThat(SearchCache.read(SearchCache.write(first.result()))).isEqualTo(first.result());

    TinyNas.Outcome second = TinyNas.run(request(1), mnist, "Tiny.tfw", TinyNas.Progress.NONE);
    assertThat(second.result().architecture()).isEqualTo(first.result().architecture());
    assertThat(WeightsFileWriter.write(second.weights()))
        .isEqualTo(WeightsFileWriter.write(first.weights()));
  }

  @Test
  void exportedFloatNetworkComputesWhatDjlComputes() {
    SearchSpace space = tinySpace();
    SuperNet net = new SuperNet(space, 0.3, 16);
    Architecture arch = Architecture.sample(space, new java.util.SplittableRandom(2));
    Digits data = mnist.train().first(300).resized(16);
    try (SuperNetTrainer trainer = new SuperNetTrainer(net, 32, 4)) {
      trainer.train(data, 1, 0.3f, 4, () -> arch, null);
      net.activate(arch);
      var spec = Subnet.spec(space, 0.3, 16, arch);
      FloatNetwork network = TinyNas.quantize(spec, net.export(), data, 8).network();
      for (int n = 0; n < 5; n++) {
        float[] djl = trainer.logits(data, n);
        float[] java = network.run(Images.toFloat(data.images()[n]))[
            network.graph().ops().get(network.graph().ops().size() - 1).inputs().get(0)];
        for (int i = 0; i < djl.length; i++) {
          assertThat((double) java[i]).isWithin(1e-3 + 1e-3 * Math.abs(djl[i])).of(djl[i]);
        }
      }
    }
  }
}
