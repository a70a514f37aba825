package dev.tinyforge.build;

import dev.tinyforge.graph.QuantParams;
import dev.tinyforge.graph.Weights;

/** The constants of one layer and the quantization of its output. */
public record LayerParams(Weights weights, int[] bias, QuantParams outputQuant) {}
