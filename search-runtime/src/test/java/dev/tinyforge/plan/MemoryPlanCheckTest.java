package dev.tinyforge.plan;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan's self-check covers working buffers (patch tiles) and in-place buffers too. */
class MemoryPlanCheckTest {
  @Test
  void aPatchTileOverlappingALiveTensorIsRejected() {
    List<Buffer> buffers = List.of(new Buffer(0, List.of(0), 16, 0, 2),
        new Buffer(1, List.of(), 8, 1, 1, "patch tile of conv"));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new MemoryPlan(buffers, new int[] {0, 8}, 24, new int[] {0}));
    assertThat(e).hasMessageThat().contains("buffers 0 and 1 are live together and overlap");
    assertThat(new MemoryPlan(buffers, new int[] {0, 16}, 24, new int[] {0}).arenaBytes())
        .isEqualTo(24);
  }

  @Test
  void anInPlaceOutputMustBeInItsInputsBuffer() {
    List<Buffer> buffers = List.of(new Buffer(0, List.of(0, 1), 16, 0, 2));
    assertThat(new MemoryPlan(buffers, new int[] {0}, 16, new int[] {0, 0}).offsetOfTensor(1))
        .isEqualTo(0);
    assertThrows(IllegalStateException.class,
        () -> new MemoryPlan(List.of(new Buffer(0, List.of(0), 16, 0, 2)), new int[] {0}, 16,
            new int[] {0, 0}));
  }

  @Test
  void aTensorOfAPatchStageHasNoOffset() {
    MemoryPlan plan = new MemoryPlan(List.of(new Buffer(0, List.of(0), 16, 0, 2)),
        new int[] {0}, 16, new int[] {0, -1});
    assertThat(plan.isMaterialized(1)).isFalse();
    assertThrows(IllegalArgumentException.class, () -> plan.offsetOfTensor(1));
  }
}
