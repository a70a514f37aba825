package dev.tinyforge.build;

import dev.tinyforge.diag.Problems;

/** Supplies each requantizing layer's constants: a weights file, or seeded values. */
public interface WeightSource {
  /** The constants for the layer, or null after adding a problem that says why there are none. */
  LayerParams params(LayerRequest request, Problems problems);
}
