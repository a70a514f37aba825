package dev.tinyforge.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import dev.tinyforge.data.Digits;
import dev.tinyforge.search.Architecture;
import java.util.function.Supplier;

/**
 * Trains a {@link SuperNet} with plain SGD (no momentum, no weight decay): a step updates exactly
 * the parameters of the sub-network it ran, so choices that were not sampled keep their weights
 * (momentum would move them). Deterministic for a seed: DJL's initializers are seeded, batches are
 * shuffled by a seeded Java stream, PyTorch runs on one thread.
 */
public final class SuperNetTrainer implements AutoCloseable {
  private final NDManager manager;
  private final SuperNet net;
  private final ParameterStore store;
  private final int batchSize;
  private final Loss loss = Loss.softmaxCrossEntropyLoss();

  public SuperNetTrainer(SuperNet net, int batchSize, long seed) {
    Djl.configure();
    Engine engine = Engine.getInstance();
    engine.setRandomSeed((int) seed);
    this.manager = engine.newBaseManager();
    this.net = net;
    this.batchSize = batchSize;
    net.initialize(manager, DataType.FLOAT32,
        new Shape(batchSize, 1, net.resolution(), net.resolution()));
    this.store = new ParameterStore(manager, false);
  }

  public SuperNet net() {
    return net;
  }

  /** Called once per step with its number (from 1) and the total. */
  public interface StepListener {
    void step(int done, int total, float loss);
  }

  /**
   * {@code epochs} passes over {@code data} (already at the network's resolution), one sampled
   * sub-network per step; the learning rate decays from {@code rate} to 0 along a cosine.
   */
  public void train(Digits data, int epochs, float rate, long seed,
      Supplier<Architecture> sampler, StepListener listener) {
    int steps = epochs * ((data.count() + batchSize - 1) / batchSize);
    int done = 0;
    java.util.SplittableRandom shuffle = new java.util.SplittableRandom(seed);
    for (int epoch = 0; epoch < epochs; epoch++) {
      int[] order = permutation(data.count(), shuffle);
      for (int from = 0; from < order.length; from += batchSize) {
        int to = Math.min(order.length, from + batchSize);
        float lr = (float) (rate * 0.5 * (1 + Math.cos(Math.PI * done / steps)));
        net.activate(sampler.get());
        float value = step(data, order, from, to, lr);
        done++;
        if (listener != null) {
          listener.step(done, steps, value);
        }
      }
    }
  }

  private float step(Digits data, int[] order, int from, int to, float lr) {
    try (NDManager batch = manager.newSubManager()) {
      NDArray x = images(batch, data, order, from, to);
      NDArray y = labels(batch, data, order, from, to);
      float value;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray logits = net.forward(store, new NDList(x), true).singletonOrThrow();
        NDArray l = loss.evaluate(new NDList(y), new NDList(logits));
        value = l.getFloat();
        collector.backward(l);
      }
      for (Parameter parameter : net.activeParameters()) {
        NDArray weights = parameter.getArray();
        NDArray gradient = weights.getGradient();
        NDArray update = gradient.mul(lr);
        weights.subi(update);
        gradient.muli(0);
        update.close();
        gradient.close();
      }
      return value;
    }
  }

  /**
   * Accuracy of the active sub-network on {@code data}. With {@code batchStatistics}, BN
   * normalizes with each batch's own statistics (how the super-network scores candidates whose
   * blocks were trained in other company); otherwise with the running ones (a trained network).
   */
  public double accuracy(Digits data, boolean batchStatistics, int evalBatch) {
    int correct = 0;
    int[] order = new int[data.count()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int from = 0; from < order.length; from += evalBatch) {
      int to = Math.min(order.length, from + evalBatch);
      try (NDManager batch = manager.newSubManager()) {
        NDArray x = images(batch, data, order, from, to);
        NDArray logits = net.forward(store, new NDList(x), batchStatistics).singletonOrThrow();
        long[] predicted = logits.argMax(1).toLongArray();
        for (int i = 0; i < predicted.length; i++) {
          if (predicted[i] == data.labels()[from + i]) {
            correct++;
          }
        }
      }
    }
    return (double) correct / data.count();
  }

  /** The active sub-network's logits for one image (running BN statistics). */
  public float[] logits(Digits data, int n) {
    try (NDManager batch = manager.newSubManager()) {
      NDArray x = images(batch, data, new int[] {n}, 0, 1);
      return net.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
    }
  }

  private static NDArray images(NDManager manager, Digits data, int[] order, int from, int to) {
    int pixels = data.size() * data.size();
    float[] values = new float[(to - from) * pixels];
    for (int n = from; n < to; n++) {
      byte[] image = data.images()[order[n]];
      for (int i = 0; i < pixels; i++) {
        values[(n - from) * pixels + i] = (image[i] & 0xFF) / 255f;
      }
    }
    return manager.create(values, new Shape(to - from, 1, data.size(), data.size()));
  }

  private static NDArray labels(NDManager manager, Digits data, int[] order, int from, int to) {
    int[] values = new int[to - from];
    for (int n = from; n < to; n++) {
      values[n - from] = data.labels()[order[n]];
    }
    return manager.create(values);
  }

  private static int[] permutation(int n, java.util.SplittableRandom random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  @Override
  public void close() {
    manager.close();
  }
}
