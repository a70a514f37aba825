package dev.tinyforge.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * One choice of one block position: expand 1x1 (ReLU6), depthwise kxk (ReLU6, strided in a
 * stage's first block), project 1x1 (linear), exactly as {@code Subnet} declares it. The skip
 * connection belongs to the position, not the choice, and is added by {@link SuperNet}.
 */
final class InvertedResidual extends AbstractBlock {
  final ConvBn expand;
  final ConvBn depthwise;
  final ConvBn project;

  InvertedResidual(int inSize, int inChannels, int outChannels, int kernel, int expansion,
      int stride) {
    int hidden = inChannels * expansion;
    expand = addChildBlock("expand", new ConvBn(inSize, inChannels, hidden, 1, 1, false, true));
    depthwise = addChildBlock("dw",
        new ConvBn(inSize, hidden, hidden, kernel, stride, true, true));
    project = addChildBlock("project",
        new ConvBn(depthwise.outSize(), hidden, outChannels, 1, 1, false, false));
  }

  List<ConvBn> layers() {
    return List.of(expand, depthwise, project);
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDList x = expand.forward(store, inputs, training);
    x = depthwise.forward(store, x, training);
    return project.forward(store, x, training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return project.getOutputShapes(depthwise.getOutputShapes(expand.getOutputShapes(inputs)));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
    expand.initialize(manager, dataType, inputs);
    Shape[] hidden = expand.getOutputShapes(inputs);
    depthwise.initialize(manager, dataType, hidden);
    project.initialize(manager, dataType, depthwise.getOutputShapes(hidden));
  }
}
