package dev.tinyforge.search;

import dev.tinyforge.annotations.Padding;
import dev.tinyforge.kernels.Activation;
import dev.tinyforge.spec.LayerSpec;
import dev.tinyforge.spec.ModelSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Spells out one architecture at one width and resolution as declared layers, the same
 * {@link ModelSpec} a user could have written: stem conv (ReLU6); per block an expanding 1x1 conv
 * (ReLU6, left out at expansion 1), a depthwise kxk conv (ReLU6, strided in a stage's first
 * block), a projecting 1x1 conv (linear) and, when input and output shapes agree, a residual
 * add; then the head: 1x1 conv (ReLU6), global average pool, dense to the classes, softmax.
 */
public final class Subnet {
  /** Inputs in [0, 1] as int8: the usual image quantization. */
  public static final float INPUT_SCALE = 1f / 255f;
  public static final int INPUT_ZERO_POINT = -128;

  private static final int NAMED_STAGES = 12;
  private static final int NAMED_BLOCKS = 12;
  /** Block layer names, made once: building a candidate should not format strings. */
  private static final String[][][] NAMES = names();

  private Subnet() {}

  public static ModelSpec spec(SearchSpace space, double width, int resolution,
      Architecture architecture) {
    if (architecture.stages().size() != space.stages().size()) {
      throw new IllegalArgumentException("the architecture has " + architecture.stages().size()
          + " stages, the space " + space.stages().size());
    }
    List<LayerSpec> layers = new ArrayList<>(8 + 4 * 4 * space.stages().size());
    SearchSpace.Stem stem = space.stem();
    int channels = SearchSpace.channels(stem.channels(), width);
    layers.add(new LayerSpec.Conv2d("stem", channels, stem.kernel(), stem.stride(), Padding.SAME,
        Activation.RELU6));
    String blockInput = "stem";
    for (int s = 0; s < space.stages().size(); s++) {
      SearchSpace.Stage stage = space.stages().get(s);
      int out = SearchSpace.channels(stage.channels(), width);
      List<Architecture.Block> blocks = architecture.stages().get(s).blocks();
      for (int b = 0; b < blocks.size(); b++) {
        Architecture.Block block = blocks.get(b);
        int stride = b == 0 ? stage.stride() : 1;
        String[] names = names(s, b);
        if (block.expansion() != 1) {
          layers.add(new LayerSpec.Conv2d(names[0], channels * block.expansion(), 1, 1,
              Padding.SAME, Activation.RELU6));
        }
        layers.add(new LayerSpec.DepthwiseConv2d(names[1], block.kernel(), stride, 1,
            Padding.SAME, Activation.RELU6));
        layers.add(new LayerSpec.Conv2d(names[2], out, 1, 1, Padding.SAME, Activation.NONE));
        if (stride == 1 && channels == out) {
          layers.add(new LayerSpec.Add(names[3], blockInput, Activation.NONE));
          blockInput = names[3];
        } else {
          blockInput = names[2];
        }
        channels = out;
      }
    }
    layers.add(new LayerSpec.Conv2d("head", SearchSpace.channels(space.headChannels(), width), 1, 1,
        Padding.SAME, Activation.RELU6));
    layers.add(new LayerSpec.GlobalAvgPool("pool"));
    layers.add(new LayerSpec.Dense("classifier", space.task().classes(), Activation.NONE));
    layers.add(new LayerSpec.Softmax("softmax"));
    int[] input = {resolution, resolution, space.task().channels()};
    return new ModelSpec(space.task().name(), input, INPUT_SCALE, INPUT_ZERO_POINT, layers);
  }

  /** expand, dw, project and add names of block {@code b} of stage {@code s}. */
  private static String[] names(int s, int b) {
    return s < NAMED_STAGES && b < NAMED_BLOCKS ? NAMES[s][b] : blockNames(s, b);
  }

  private static String[][][] names() {
    String[][][] names = new String[NAMED_STAGES][NAMED_BLOCKS][];
    for (int s = 0; s < NAMED_STAGES; s++) {
      for (int b = 0; b < NAMED_BLOCKS; b++) {
        names[s][b] = blockNames(s, b);
      }
    }
    return names;
  }

  private static String[] blockNames(int s, int b) {
    String prefix = "s" + (s + 1) + "b" + (b + 1) + "_";
    return new String[] {prefix + "expand", prefix + "dw", prefix + "project", prefix + "add"};
  }
}
