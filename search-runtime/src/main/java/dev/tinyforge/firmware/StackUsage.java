package dev.tinyforge.firmware;

/**
 * How much of the reserved stack a Cortex-M run used, measured by painting: start-up fills the
 * stack with a pattern and, after main returns, finds the deepest word that changed. It covers
 * the whole program (harness and start-up frames too, a few dozen bytes), so it is an upper
 * bound for one inference.
 *
 * @param highWaterBytes bytes between the top of the stack and the deepest word written
 * @param reservedBytes the stack reserved by the linker script ({@code STACK_SIZE})
 */
public record StackUsage(int highWaterBytes, int reservedBytes) {
  public StackUsage {
    if (highWaterBytes < 0 || reservedBytes <= 0 || highWaterBytes > reservedBytes) {
      throw new IllegalArgumentException(
          "implausible stack usage " + highWaterBytes + " of " + reservedBytes + " bytes");
    }
  }
}
