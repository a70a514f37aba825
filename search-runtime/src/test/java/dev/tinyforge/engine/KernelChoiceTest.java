package dev.tinyforge.engine;

import static com.google.common.truth.Truth.assertThat;

import dev.tinyforge.graph.Graph;
import dev.tinyforge.plan.NaivePlannerTest;
import org.junit.jupiter.api.Test;

/** The specialized kernels are used unless their extra code alone breaks the flash budget. */
class KernelChoiceTest {
  private static final Graph GRAPH = NaivePlannerTest.residualNet();

  private static Engine lower(long flashBytes) {
    return Lowering.lower(GRAPH, new Budget("CUSTOM", "Cortex-M4", 64 << 10, flashBytes, 64));
  }

  @Test
  void aModelThatFitsEitherWayGetsTheSpecializedKernels() {
    Engine roomy = lower(1 << 20);
    assertThat(roomy.fastKernels()).isTrue();
    assertThat(roomy.steps().stream().anyMatch(s -> roomy.fastKernel(s).isPresent())).isTrue();
  }

  @Test
  void aModelThatFitsOnlyWithTheReferenceKernelsGetsThem() {
    Engine specialized = lower(1 << 20);
    long referenceFlash = specialized.withReferenceKernels().flashBytesEstimate();
    assertThat(referenceFlash).isLessThan(specialized.flashBytesEstimate());

    Engine tight = lower(referenceFlash);
    assertThat(tight.fastKernels()).isFalse();
    assertThat(tight.flashBytesEstimate()).isEqualTo(referenceFlash);
    assertThat(tight.steps().stream().noneMatch(s -> tight.fastKernel(s).isPresent())).isTrue();
    assertThat(lower(specialized.flashBytesEstimate()).fastKernels()).isTrue();
  }
}
