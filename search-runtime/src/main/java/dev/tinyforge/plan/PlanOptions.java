package dev.tinyforge.plan;

/**
 * How far {@link MemoryPlanner} may go beyond whole-graph lifetime planning.
 *
 * @param inPlace whether element-wise ops may write over their dying input
 * @param patchMacOverhead the most extra multiply-accumulates a patch-based stage may cost, as a
 *     fraction of the model's (0.2 = 20% more); negative disables patch-based execution
 */
public record PlanOptions(boolean inPlace, double patchMacOverhead) {
  /**
   * 20%: the smallest round bound at which person_detect's arena meets its 28 KiB goal (4x4
   * patches over its first 8 layers, 17.7% more MACs, 22,488 B; at 10% the best plan is 2x3 and
   * 29,832 B, at 15% 3x4 and 24,312 B). Models whose single-layer stage recomputes nothing
   * (micro_speech) pay no MACs at all. Raise it to trade latency for SRAM, or disable patching.
   */
  public static final double DEFAULT_PATCH_MAC_OVERHEAD = 0.2;

  /**
   * What the architecture search plans with: in-place ops, no patches. Searching every stage and
   * grid for each of thousands of candidates costs minutes, not seconds; a candidate's arena is
   * then an upper bound of its engine's, which may still patch.
   */
  public static final PlanOptions SEARCH = new PlanOptions(true, -1);

  public static PlanOptions defaults() {
    return new PlanOptions(true, DEFAULT_PATCH_MAC_OVERHEAD);
  }

  public boolean patching() {
    return patchMacOverhead >= 0;
  }
}
