package dev.tinyforge.plan;

import dev.tinyforge.plan.patch.PatchSearch;
import dev.tinyforge.plan.patch.PatchStage;
import java.util.List;
import java.util.Optional;

/**
 * What the planner decided beyond lifetimes and offsets, for the lowering and the report: the
 * in-place ops, and the patch-based stage with the working buffers it runs in.
 *
 * @param inPlace ops whose output shares their dying input's buffer, in op order
 * @param stage the patch-based stage, if one pays
 * @param gatherBuffer buffer id of the stage's input patch, -1 when patches are whole rows
 * @param patchBuffers per spatial op of the stage, the buffer id of its output tile, -1 where it
 *     writes straight into the stage output (whole-row patches)
 * @param accumulatorBuffer buffer id of the int32 accumulators of an ACCUMULATE sink, else -1
 * @param search how the stage was chosen, when patching was allowed
 */
public record Decisions(List<InPlace> inPlace, Optional<PatchStage> stage, int gatherBuffer,
    int[] patchBuffers, int accumulatorBuffer, Optional<PatchSearch> search) {
  public static final Decisions NONE =
      new Decisions(List.of(), Optional.empty(), -1, new int[0], -1, Optional.empty());

  Decisions withSearch(PatchSearch patchSearch) {
    return new Decisions(inPlace, stage, gatherBuffer, patchBuffers, accumulatorBuffer,
        Optional.of(patchSearch));
  }

  public Decisions {
    inPlace = List.copyOf(inPlace);
  }
}
