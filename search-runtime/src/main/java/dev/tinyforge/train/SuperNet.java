package dev.tinyforge.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.tinyforge.quant.FloatLayer;
import dev.tinyforge.search.Architecture;
import dev.tinyforge.search.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weight-sharing super-network of a search space at one width and resolution: the stem, for
 * every stage and every block position up to the largest depth a {@link BlockPosition} with one
 * child block per (kernel, expansion) choice (sharing the position's convolution weights), the
 * head and the classifier. {@link #activate} picks a sub-network; a
 * forward pass runs only its blocks, so a step of SGD without momentum changes only them.
 *
 * <p>Layer for layer it is what {@code Subnet.spec} declares (same channels, strides, SAME
 * padding, ReLU6, residual adds), so {@link #export} hands the int8 build the same network.
 */
public final class SuperNet extends AbstractBlock {
  private final SearchSpace space;
  private final double width;
  private final int resolution;
  private final ConvBn stem;
  /** [stage][position][choice], choice = kernel index * expansions + expansion index. */
  private final InvertedResidual[][][] choices;
  private final boolean[][] residual;
  private final ConvBn head;
  private final Linear classifier;
  private final int headChannels;
  private final List<BlockPosition> positions = new ArrayList<>();
  private Architecture active;

  public SuperNet(SearchSpace space, double width, int resolution) {
    this.space = space;
    this.width = width;
    this.resolution = resolution;
    SearchSpace.Stem s = space.stem();
    stem = addChildBlock("stem", new ConvBn(resolution, space.task().channels(),
        SearchSpace.channels(s.channels(), width), s.kernel(), s.stride(), false, true));
    int size = stem.outSize();
    int channels = stem.outChannels();
    int maxDepth = space.depths().stream().mapToInt(Integer::intValue).max().orElseThrow();
    choices = new InvertedResidual[space.stages().size()][maxDepth][];
    residual = new boolean[space.stages().size()][maxDepth];
    for (int st = 0; st < space.stages().size(); st++) {
      SearchSpace.Stage stage = space.stages().get(st);
      int out = SearchSpace.channels(stage.channels(), width);
      for (int b = 0; b < maxDepth; b++) {
        int stride = b == 0 ? stage.stride() : 1;
        residual[st][b] = stride == 1 && channels == out;
        String name = "s" + (st + 1) + "b" + (b + 1);
        BlockPosition position = addChildBlock(name, new BlockPosition(channels, out,
            max(space.expansions()), max(space.kernels())));
        List<InvertedResidual> options = new ArrayList<>();
        for (int kernel : space.kernels()) {
          for (int expansion : space.expansions()) {
            options.add(position.addChoice("k" + kernel + "e" + expansion,
                new InvertedResidual(position, size, kernel, expansion, stride)));
          }
        }
        positions.add(position);
        choices[st][b] = options.toArray(InvertedResidual[]::new);
        size = (size + stride - 1) / stride;
        channels = out;
      }
    }
    headChannels = SearchSpace.channels(space.headChannels(), width);
    head = addChildBlock("head", new ConvBn(size, channels, headChannels, 1, 1, false, true));
    classifier = addChildBlock("classifier",
        Linear.builder().setUnits(space.task().classes()).optBias(true).build());
  }

  private static int max(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).max().orElseThrow();
  }

  public double width() {
    return width;
  }

  public int resolution() {
    return resolution;
  }

  /** The sub-network the next forward passes run. */
  public void activate(Architecture architecture) {
    if (architecture.stages().size() != space.stages().size()) {
      throw new IllegalArgumentException("the architecture has " + architecture.stages().size()
          + " stages, the space " + space.stages().size());
    }
    this.active = architecture;
  }

  private InvertedResidual choice(int stage, int position, Architecture.Block block) {
    int k = space.kernels().indexOf(block.kernel());
    int e = space.expansions().indexOf(block.expansion());
    if (k < 0 || e < 0) {
      throw new IllegalArgumentException("block " + block + " is not in the space");
    }
    return choices[stage][position][k * space.expansions().size() + e];
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    if (active == null) {
      throw new IllegalStateException("no sub-network is active");
    }
    NDList x = stem.forward(store, inputs, training);
    for (int st = 0; st < active.stages().size(); st++) {
      List<Architecture.Block> blocks = active.stages().get(st).blocks();
      for (int b = 0; b < blocks.size(); b++) {
        NDList y = choice(st, b, blocks.get(b)).forward(store, x, training);
        x = residual[st][b] ? new NDList(y.singletonOrThrow().add(x.singletonOrThrow())) : y;
      }
    }
    x = head.forward(store, x, training);
    // PyTorch's mean takes one axis at a time
    NDArray pooled = x.singletonOrThrow().mean(new int[] {3}).mean(new int[] {2});
    return classifier.forward(store, new NDList(pooled), training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return new Shape[] {new Shape(inputs[0].get(0), space.task().classes())};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
    Shape[] x = inputs;
    stem.initialize(manager, dataType, x);
    x = stem.getOutputShapes(x);
    for (BlockPosition position : positions) {
      position.initialize(manager, dataType, x);
    }
    for (int st = 0; st < choices.length; st++) {
      for (int b = 0; b < choices[st].length; b++) {
        for (InvertedResidual option : choices[st][b]) {
          option.initialize(manager, dataType, x);
          if (residual[st][b]) {
            // A residual block starts as the identity (its last BN scales by 0): deep sampled
            // paths then train from the start, as in Goyal et al.'s zero-gamma initialization.
            option.zeroLastScale();
          }
        }
        x = choices[st][b][0].getOutputShapes(x);
      }
    }
    head.initialize(manager, dataType, x);
    classifier.initialize(manager, dataType, new Shape(inputs[0].get(0), headChannels));
  }

  /** The trainable parameters of the active sub-network (running BN statistics excluded). */
  public List<Parameter> activeParameters() {
    List<Parameter> result = new ArrayList<>();
    for (int st = 0; st < active.stages().size(); st++) {
      List<Architecture.Block> chosen = active.stages().get(st).blocks();
      for (int b = 0; b < chosen.size(); b++) {
        result.addAll(choice(st, b, chosen.get(b)).parameters());
      }
    }
    for (Block block : List.<Block>of(stem, head, classifier)) {
      for (var pair : block.getParameters()) {
        if (pair.getValue().requiresGradient()) {
          result.add(pair.getValue());
        }
      }
    }
    return result;
  }

  /**
   * The active sub-network's float constants, BN folded, named as {@code Subnet.spec} names its
   * layers: stem, s1b1_expand, s1b1_dw, s1b1_project, ..., head, classifier.
   */
  public Map<String, FloatLayer> export() {
    Map<String, FloatLayer> layers = new LinkedHashMap<>();
    put(layers, "stem", stem);
    for (int st = 0; st < active.stages().size(); st++) {
      List<Architecture.Block> blocks = active.stages().get(st).blocks();
      for (int b = 0; b < blocks.size(); b++) {
        List<ConvBn.FoldedConv> folded = choice(st, b, blocks.get(b)).folded();
        String prefix = "s" + (st + 1) + "b" + (b + 1) + "_";
        String[] names = {prefix + "expand", prefix + "dw", prefix + "project"};
        for (int i = 0; i < 3; i++) {
          layers.put(names[i], new FloatLayer(names[i], folded.get(i).weights(),
              folded.get(i).bias()));
        }
      }
    }
    put(layers, "head", head);
    float[] w = ConvBn.param(classifier, "weight").getArray().toFloatArray(); // [out][in]
    float[] bias = ConvBn.param(classifier, "bias").getArray().toFloatArray();
    layers.put("classifier", new FloatLayer("classifier", w, bias));
    return layers;
  }

  private static void put(Map<String, FloatLayer> layers, String name, ConvBn conv) {
    ConvBn.FoldedConv folded = conv.folded();
    layers.put(name, new FloatLayer(name, folded.weights(), folded.bias()));
  }
}
