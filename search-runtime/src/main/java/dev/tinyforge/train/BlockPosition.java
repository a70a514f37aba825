package dev.tinyforge.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import java.util.List;

/**
 * One block position of the super-network: the convolution weights all its choices share, sized
 * for the largest choice (MCUNet / Once-for-All weight sharing: a kxk depthwise kernel is the
 * centre of the largest one, expansion e uses the first e x C hidden channels), and one child
 * block per (kernel, expansion) choice with its own batch normalization. Independent weights
 * per choice were tried first: with nine choices per position the super-network did not learn
 * within the search's few epochs (held-out accuracy near chance); shared weights do.
 */
final class BlockPosition extends AbstractBlock {
  final Parameter expand;
  final Parameter depthwise;
  final Parameter project;
  final int inChannels;
  final int outChannels;
  final int maxHidden;
  final int maxKernel;

  BlockPosition(int inChannels, int outChannels, int maxExpansion, int maxKernel) {
    this.inChannels = inChannels;
    this.outChannels = outChannels;
    this.maxHidden = inChannels * maxExpansion;
    this.maxKernel = maxKernel;
    XavierInitializer he = new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
        XavierInitializer.FactorType.IN, 2);
    expand = addParameter(Parameter.builder().setName("expand").setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(maxHidden, inChannels, 1, 1)).optInitializer(he).build());
    depthwise = addParameter(Parameter.builder().setName("dw").setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(maxHidden, 1, maxKernel, maxKernel)).optInitializer(he).build());
    project = addParameter(Parameter.builder().setName("project").setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(outChannels, maxHidden, 1, 1)).optInitializer(he).build());
  }

  <T extends ai.djl.nn.Block> T addChoice(String name, T choice) {
    return addChildBlock(name, choice);
  }

  List<Parameter> shared() {
    return List.of(expand, depthwise, project);
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    throw new UnsupportedOperationException("a position runs through one of its choices");
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return inputs;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
    // the choices are initialized by SuperNet, which knows their input shapes
  }
}
