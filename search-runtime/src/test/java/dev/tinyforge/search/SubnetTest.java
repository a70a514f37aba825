package dev.tinyforge.search;

import static com.google.common.truth.Truth.assertThat;

import dev.tinyforge.spec.LayerSpec;
import dev.tinyforge.spec.ModelSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubnetTest {
  @Test
  void roundsChannelsAsMobileNetDoes() {
    assertThat(SearchSpace.channels(16, 0.2)).isEqualTo(8); // 3.2: never below 8
    assertThat(SearchSpace.channels(32, 0.35)).isEqualTo(16); // 11.2 -> 8 is >10% low -> 16
    assertThat(SearchSpace.channels(24, 0.5)).isEqualTo(16); // 12 rounds up
    assertThat(SearchSpace.channels(40, 0.5)).isEqualTo(24); // 20 rounds up
    assertThat(SearchSpace.channels(96, 0.75)).isEqualTo(72);
    assertThat(SearchSpace.channels(320, 1.0)).isEqualTo(320);
  }

  @Test
  void spellsOutBlocksWithResidualsWhereShapesAgree() {
    SearchSpace space = SearchSpaces.digits();
    Architecture architecture = new Architecture(List.of(
        stage(new Architecture.Block(3, 6), new Architecture.Block(5, 3)),
        stage(new Architecture.Block(7, 4), new Architecture.Block(3, 3)),
        stage(new Architecture.Block(3, 3), new Architecture.Block(3, 3)),
        stage(new Architecture.Block(5, 6), new Architecture.Block(5, 6),
            new Architecture.Block(5, 6))));
    ModelSpec spec = Subnet.spec(space, 1.0, 28, architecture);

    assertThat(spec.inputShape()).isEqualTo(new int[] {28, 28, 1});
    List<LayerSpec> layers = spec.layers();
    assertThat(layers.get(0)).isInstanceOf(LayerSpec.Conv2d.class);
    // stage 1, block 1: 16 -> 96 expand, dw 3x3 stride 2, project to 24, no residual
    assertThat(((LayerSpec.Conv2d) layers.get(1)).filters()).isEqualTo(96);
    LayerSpec.DepthwiseConv2d dw = (LayerSpec.DepthwiseConv2d) layers.get(2);
    assertThat(dw.kernel()).isEqualTo(3);
    assertThat(dw.stride()).isEqualTo(2);
    assertThat(((LayerSpec.Conv2d) layers.get(3)).filters()).isEqualTo(24);
    // block 2 has stride 1 and 24 -> 24: a residual add back to block 1's projection
    assertThat(layers.get(7)).isEqualTo(
        new LayerSpec.Add("s1b2_add", "s1b1_project", dev.tinyforge.kernels.Activation.NONE));
    // 4 stages of 2 + 2 + 2 + 3 blocks: 5 adds (stage 4 starts at stride 1 but 80 -> 96)
    long adds = layers.stream().filter(l -> l instanceof LayerSpec.Add).count();
    assertThat(adds).isEqualTo(1 + 1 + 1 + 2);
    // the second residual of stage 4 chains from the first one
    assertThat(layers.stream().filter(l -> l.name().equals("s4b3_add")).findFirst().get())
        .isEqualTo(new LayerSpec.Add("s4b3_add", "s4b2_add",
            dev.tinyforge.kernels.Activation.NONE));
    List<String> head = layers.subList(layers.size() - 4, layers.size()).stream()
        .map(LayerSpec::kind).toList();
    assertThat(head).containsExactly("conv2d", "global_avg_pool", "dense", "softmax").inOrder();
    assertThat(((LayerSpec.Dense) layers.get(layers.size() - 2)).units()).isEqualTo(10);
  }

  @Test
  void everySampledArchitectureUsesTheSpacesChoices() {
    SearchSpace space = SearchSpaces.digits();
    for (Architecture architecture : Stage1.sample(space, 200, 9)) {
      assertThat(architecture.stages()).hasSize(space.stages().size());
      for (Architecture.StageChoice stage : architecture.stages()) {
        assertThat(space.depths()).contains(stage.depth());
        for (Architecture.Block block : stage.blocks()) {
          assertThat(space.kernels()).contains(block.kernel());
          assertThat(space.expansions()).contains(block.expansion());
        }
      }
    }
  }

  private static Architecture.StageChoice stage(Architecture.Block... blocks) {
    return new Architecture.StageChoice(List.of(blocks));
  }
}
