package dev.tinyforge.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * One (kernel, expansion) choice of a {@link BlockPosition}: expand 1x1 (ReLU6), depthwise kxk
 * (ReLU6, strided in a stage's first block, TF SAME padding made explicit), project 1x1
 * (linear), exactly as {@code Subnet} declares the block; convolution weights are slices of the
 * position's shared ones, batch normalization is the choice's own. The skip connection belongs to
 * the position and is added by {@link SuperNet}.
 */
final class InvertedResidual extends AbstractBlock {
  private final BlockPosition position;
  private final int kernel;
  private final int hidden;
  private final int stride;
  private final int padBefore;
  private final int padAfter;
  private final int inSize;
  private final int outSize;
  private final BatchNorm bnExpand;
  private final BatchNorm bnDepthwise;
  private final BatchNorm bnProject;

  InvertedResidual(BlockPosition position, int inSize, int kernel, int expansion, int stride) {
    this.position = position;
    this.kernel = kernel;
    this.hidden = position.inChannels * expansion;
    this.stride = stride;
    this.inSize = inSize;
    this.outSize = (inSize + stride - 1) / stride;
    int total = Math.max((outSize - 1) * stride + kernel - inSize, 0);
    this.padBefore = total / 2;
    this.padAfter = total - padBefore;
    bnExpand = addChildBlock("bn_expand", bn());
    bnDepthwise = addChildBlock("bn_dw", bn());
    bnProject = addChildBlock("bn_project", bn());
  }

  private static BatchNorm bn() {
    return BatchNorm.builder().optEpsilon(ConvBn.BN_EPSILON).optMomentum(0.9f).build();
  }

  int outSize() {
    return outSize;
  }

  private NDIndex hiddenRows() {
    return new NDIndex("0:{}", hidden);
  }

  private NDIndex kernelWindow() {
    int off = (position.maxKernel - kernel) / 2;
    return new NDIndex("0:{}, :, {}:{}, {}:{}", hidden, off, off + kernel, off, off + kernel);
  }

  private NDIndex projectColumns() {
    return new NDIndex(":, 0:{}", hidden);
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray we = store.getValue(position.expand, x.getDevice(), training).get(hiddenRows());
    NDArray wd = store.getValue(position.depthwise, x.getDevice(), training).get(kernelWindow());
    NDArray wp = store.getValue(position.project, x.getDevice(), training)
        .get(projectColumns());
    NDArray y = Conv2d.conv2d(x, we).singletonOrThrow();
    y = bnExpand.forward(store, new NDList(y), training).singletonOrThrow().clip(0, 6);
    if (padBefore != 0 || padAfter != 0) {
      y = y.pad(new Shape(padBefore, padAfter, padBefore, padAfter), 0);
    }
    y = Conv2d.conv2d(y, wd, null, new Shape(stride, stride), new Shape(0, 0), new Shape(1, 1),
        hidden).singletonOrThrow();
    y = bnDepthwise.forward(store, new NDList(y), training).singletonOrThrow().clip(0, 6);
    y = Conv2d.conv2d(y, wp).singletonOrThrow();
    return bnProject.forward(store, new NDList(y), training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return new Shape[] {new Shape(inputs[0].get(0), position.outChannels, outSize, outSize)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
    long batch = inputs[0].get(0);
    bnExpand.initialize(manager, dataType, new Shape(batch, hidden, inSize, inSize));
    bnDepthwise.initialize(manager, dataType, new Shape(batch, hidden, outSize, outSize));
    bnProject.initialize(manager, dataType,
        new Shape(batch, position.outChannels, outSize, outSize));
  }

  /** BN's scale of the projection set to 0: a residual block starts as the identity. */
  void zeroLastScale() {
    ConvBn.param(bnProject, "gamma").getArray().muli(0);
  }

  /** The trainable parameters this choice runs: the shared weights and its own BN. */
  List<Parameter> parameters() {
    List<Parameter> result = new ArrayList<>(position.shared());
    for (var pair : getParameters()) {
      if (pair.getValue().requiresGradient()) {
        result.add(pair.getValue());
      }
    }
    return result;
  }

  /** Expand, depthwise and project with BN folded, in the int8 kernels' layouts. */
  List<ConvBn.FoldedConv> folded() {
    try (NDManager scratch = position.expand.getArray().getManager().newSubManager()) {
      NDArray we = position.expand.getArray().get(hiddenRows());
      NDArray wd = position.depthwise.getArray().get(kernelWindow());
      NDArray wp = position.project.getArray().get(projectColumns());
      we.attach(scratch);
      wd.attach(scratch);
      wp.attach(scratch);
      return List.of(
          ConvBn.fold(we.toFloatArray(), hidden, position.inChannels, 1, false, bnExpand),
          ConvBn.fold(wd.toFloatArray(), hidden, hidden, kernel, true, bnDepthwise),
          ConvBn.fold(wp.toFloatArray(), position.outChannels, hidden, 1, false, bnProject));
    }
  }
}
