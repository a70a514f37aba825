package dev.tinyforge.firmware;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A successful run: the program exited with status 0 (anything else throws {@link
 * ModelRunException}) and printed one output per input.
 *
 * @param target where it ran
 * @param outputs the model's output bytes, one array per input, in input order
 * @param instructions executed instructions of each {@code <name>_invoke} call on Cortex-M (exact
 *     under QEMU's -icount, in steps of 40), empty on the host
 * @param stack the painted stack's high-water mark on Cortex-M, empty on the host
 * @param runTime wall-clock time of the run (QEMU start-up included), not of the build
 * @param buildDirectory where main.c, the binary and the logs were left for inspection
 * @param executable the linked program (an ELF image for Cortex-M), with its link map beside it
 *     as {@code <name>.map}
 * @param traces the arena regions printed for {@link ModelRunner#withTrace}, in the order asked
 * @param profiles one per input, in input order, for {@link ModelRunner#withLayerProfile()};
 *     empty otherwise
 */
public record RunResult(
    CTarget target,
    List<byte[]> outputs,
    List<Long> instructions,
    Optional<StackUsage> stack,
    Duration runTime,
    Path buildDirectory,
    Path executable,
    List<TracedBytes> traces,
    List<LayerProfile> profiles) {

  public RunResult {
    outputs = outputs.stream().map(byte[]::clone).toList();
    instructions = List.copyOf(instructions);
    traces = List.copyOf(traces);
    profiles = List.copyOf(profiles);
  }

  /** The bytes printed for {@code point}, which must have been asked for. */
  public byte[] traced(TracePoint point) {
    for (TracedBytes traced : traces) {
      if (traced.point().equals(point)) {
        return traced.bytes();
      }
    }
    throw new IllegalArgumentException(point + " was not traced in this run");
  }

  /** A copy of the output for input {@code index}. */
  public byte[] output(int index) {
    return outputs.get(index).clone();
  }

  /** The outputs; each array is a copy, so callers may keep or change them. */
  @Override
  public List<byte[]> outputs() {
    return outputs.stream().map(byte[]::clone).toList();
  }

  /** Instructions executed by the inference of input {@code index}, when counted. */
  public OptionalLong instructionsOf(int index) {
    return index < instructions.size()
        ? OptionalLong.of(instructions.get(index))
        : OptionalLong.empty();
  }
}
