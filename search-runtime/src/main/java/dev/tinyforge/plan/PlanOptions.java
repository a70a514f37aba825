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
   * 20%: MCUNetV2 reports 10-20% extra MACs for patch grids without receptive-field
   * redistribution at a 4-8x lower peak; beyond that the latency cost outweighs the memory it buys
   * for most models. person_detect's best plan under it costs 1.7%; see the report's patch plan.
   */
  public static final double DEFAULT_PATCH_MAC_OVERHEAD = 0.2;

  public static PlanOptions defaults() {
    return new PlanOptions(true, DEFAULT_PATCH_MAC_OVERHEAD);
  }

  public boolean patching() {
    return patchMacOverhead >= 0;
  }
}
