package dev.tinyforge.plan.patch;

/**
 * How the patch plan was chosen, for the report.
 *
 * @param bound the MAC overhead allowed (fraction of the model's MACs)
 * @param candidates stages and grids considered
 * @param withinBound those whose recomputed halos cost at most {@code bound}
 * @param arenaWithout the arena of the best plan without patches
 * @param arenaWith the arena of the chosen patch plan (equal to arenaWithout when none pays)
 * @param modelMacs the model's MACs without patches
 */
public record PatchSearch(double bound, int candidates, int withinBound, int arenaWithout,
    int arenaWith, long modelMacs) {}
