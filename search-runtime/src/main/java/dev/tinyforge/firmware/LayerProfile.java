package dev.tinyforge.firmware;

import java.util.List;

/**
 * Executed instructions of one inference, layer by layer, from a run with {@link
 * ModelRunner#withLayerProfile()}: the harness reads the instruction counter each time the engine
 * calls {@code TFORGE_AFTER_LAYER(index)} and prints the table only after the inference.
 *
 * <p>Readings telescope: {@code rawSum() + tail() == total()}, the profiled inference's own
 * count. Each reading costs the hook call ({@code hookInstructions}, measured by timing {@value
 * HarnessMainEmitter#CALIBRATION_CALLS} calls before the inferences), which {@link
 * #instructions(int)} subtracts, so {@link #estimatedTotal()} is what the inference executes
 * without the hook, up to a tick of the counter (40 instructions on mps2).
 *
 * @param input the input's index
 * @param layers the layer index of each reading, in the order the engine announced them
 * @param raw instructions since the previous reading (the first: since the invoke call started),
 *     the hook's own cost included
 * @param tail instructions after the last reading until {@code <name>_invoke} returned
 * @param total the profiled inference's instructions, hook calls included
 * @param hookInstructions what one hook call costs, as calibrated (a fraction: total / calls)
 */
public record LayerProfile(
    int input, List<Integer> layers, List<Long> raw, long tail, long total,
    double hookInstructions) {
  public LayerProfile {
    layers = List.copyOf(layers);
    raw = List.copyOf(raw);
    if (layers.size() != raw.size()) {
      throw new IllegalArgumentException("one count per layer reading is needed");
    }
  }

  /** Instructions of the {@code k}-th reading's layer, the hook's cost taken out. */
  public double instructions(int k) {
    return raw.get(k) - hookInstructions;
  }

  public long rawSum() {
    return raw.stream().mapToLong(Long::longValue).sum();
  }

  /** Every layer's instructions plus the tail, without the hook calls. */
  public double estimatedTotal() {
    return rawSum() - hookInstructions * raw.size() + tail;
  }
}
