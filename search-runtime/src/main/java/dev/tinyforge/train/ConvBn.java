package dev.tinyforge.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A convolution (plain or depthwise) without bias, batch normalization and an optional ReLU6,
 * with TF Lite's SAME padding made explicit: the extra row and column go after the input, as the
 * int8 kernels place them (a symmetric DJL padding would shift strided windows by one pixel).
 * Its BN folds into the convolution when the network is exported ({@link #folded()}).
 */
final class ConvBn extends AbstractBlock {
  static final float BN_EPSILON = 1e-5f;

  private final Conv2d conv;
  private final BatchNorm bn;
  private final int inChannels;
  private final int outChannels;
  private final int kernel;
  private final int stride;
  private final boolean depthwise;
  private final boolean relu6;
  private final int padBefore;
  private final int padAfter;
  private final int outSize;

  /** A conv over a square {@code inSize} input; depthwise keeps the channel count. */
  ConvBn(int inSize, int inChannels, int outChannels, int kernel, int stride, boolean depthwise,
      boolean relu6) {
    this.inChannels = inChannels;
    this.outChannels = depthwise ? inChannels : outChannels;
    this.kernel = kernel;
    this.stride = stride;
    this.depthwise = depthwise;
    this.relu6 = relu6;
    this.outSize = (inSize + stride - 1) / stride;
    int total = Math.max((outSize - 1) * stride + kernel - inSize, 0);
    this.padBefore = total / 2;
    this.padAfter = total - padBefore;
    Conv2d.Builder builder = Conv2d.builder()
        .setKernelShape(new Shape(kernel, kernel))
        .setFilters(this.outChannels)
        .optStride(new Shape(stride, stride))
        .optPadding(new Shape(0, 0))
        .optBias(false);
    if (depthwise) {
      builder.optGroups(inChannels);
    }
    this.conv = addChildBlock("conv", builder.build());
    this.bn = addChildBlock("bn",
        BatchNorm.builder().optEpsilon(BN_EPSILON).optMomentum(0.9f).build());
  }

  int outSize() {
    return outSize;
  }

  int outChannels() {
    return outChannels;
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    if (padBefore != 0 || padAfter != 0) {
      // (left, right, top, bottom) of the last two axes, NCHW
      x = x.pad(new Shape(padBefore, padAfter, padBefore, padAfter), 0);
    }
    NDList y = conv.forward(store, new NDList(x), training);
    y = bn.forward(store, y, training);
    NDArray out = y.singletonOrThrow();
    return new NDList(relu6 ? out.clip(0, 6) : out);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return new Shape[] {new Shape(inputs[0].get(0), outChannels, outSize, outSize)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
    Shape in = inputs[0];
    Shape padded = new Shape(in.get(0), inChannels, in.get(2) + padBefore + padAfter,
        in.get(3) + padBefore + padAfter);
    conv.initialize(manager, dataType, padded);
    bn.initialize(manager, dataType, getOutputShapes(new Shape[] {in}));
  }

  /** Sets BN's scale (gamma) to 0: the block's output starts at 0. */
  void zeroLastScale() {
    param(bn, "gamma").getArray().muli(0);
  }

  /**
   * The convolution with BN folded in, in the int8 kernel's layout: conv {@code [out][kh][kw][in]},
   * depthwise {@code [kh][kw][out]}; bias = beta - mean * gamma / sqrt(var + eps).
   */
  FoldedConv folded() {
    return fold(param(conv, "weight").getArray().toFloatArray(), outChannels, inChannels, kernel,
        depthwise, bn);
  }

  /**
   * Folds {@code bn} into convolution weights given in DJL's layout {@code [out][in/groups][k][k]}
   * and returns them in the int8 kernel's layout.
   */
  static FoldedConv fold(float[] w, int outChannels, int inChannels, int kernel,
      boolean depthwise, BatchNorm bn) {
    float[] gamma = param(bn, "gamma").getArray().toFloatArray();
    float[] beta = param(bn, "beta").getArray().toFloatArray();
    float[] mean = param(bn, "runningMean").getArray().toFloatArray();
    float[] var = param(bn, "runningVar").getArray().toFloatArray();
    float[] weights = new float[w.length];
    float[] bias = new float[outChannels];
    int k2 = kernel * kernel;
    for (int o = 0; o < outChannels; o++) {
      float s = (float) (gamma[o] / Math.sqrt(var[o] + BN_EPSILON));
      bias[o] = beta[o] - mean[o] * s;
      if (depthwise) {
        for (int t = 0; t < k2; t++) {
          weights[t * outChannels + o] = w[o * k2 + t] * s;
        }
      } else {
        for (int i = 0; i < inChannels; i++) {
          for (int t = 0; t < k2; t++) {
            weights[(o * k2 + t) * inChannels + i] = w[(o * inChannels + i) * k2 + t] * s;
          }
        }
      }
    }
    return new FoldedConv(weights, bias);
  }

  /** Folded float weights and bias. */
  record FoldedConv(float[] weights, float[] bias) {}

  static Parameter param(ai.djl.nn.Block block, String name) {
    for (var pair : block.getParameters()) {
      if (pair.getKey().equals(name) || pair.getKey().endsWith("_" + name)) {
        return pair.getValue();
      }
    }
    throw new IllegalStateException("no parameter " + name + " in " + block);
  }
}
