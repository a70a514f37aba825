package dev.tinyforge.firmware;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What a harness program printed, read back. Lines starting with '@' are facts (the protocol of
 * {@link HarnessMainEmitter} and c-runtime's bare-metal {@code startup.c}); any other line is text
 * for people and kept only for error messages.
 *
 * @param outputs one entry per {@code @output <hex>} line, in order
 * @param instructions one entry per {@code @instructions <index> <count>} line, in order
 * @param traces one entry per {@code @trace <input> <layer> <offset> <hex>} line, in order
 * @param layerInstructions one {input, layer, count} per {@code @layer-instructions} line
 * @param tailInstructions one {input, count} per {@code @tail-instructions} line
 * @param hookCalibration {total, calls} from {@code @hook-instructions}, empty when not printed
 * @param profileOverflow whether {@code @profile-overflow} was printed
 * @param stack from {@code @stack-high-water <used> <reserved>}, printed after main returned
 * @param fault the {@code @fault ...} line of a Cortex-M fault, without its tag
 * @param invokeFailure the {@code @invoke-failed <index> <status>} line, without its tag
 * @param stackOverflow whether {@code @stack-overflow} was printed
 * @param malformedLines fact lines that did not parse, each with the reason; collected rather
 *     than thrown because a crashed program prints garbage, and the crash is the better diagnosis
 */
record HarnessOutput(
    List<byte[]> outputs,
    List<Long> instructions,
    List<TracedBytes> traces,
    List<long[]> layerInstructions,
    List<long[]> tailInstructions,
    Optional<long[]> hookCalibration,
    boolean profileOverflow,
    Optional<StackUsage> stack,
    Optional<String> fault,
    Optional<String> invokeFailure,
    boolean stackOverflow,
    List<String> malformedLines) {

  static final String OUTPUT = "@output ";
  static final String INSTRUCTIONS = "@instructions ";
  static final String TRACE = "@trace ";
  static final String LAYER_INSTRUCTIONS = "@layer-instructions ";
  static final String TAIL_INSTRUCTIONS = "@tail-instructions ";
  static final String HOOK_INSTRUCTIONS = "@hook-instructions ";
  static final String PROFILE_OVERFLOW = "@profile-overflow";
  static final String STACK_HIGH_WATER = "@stack-high-water ";
  static final String STACK_OVERFLOW = "@stack-overflow";
  static final String FAULT = "@fault ";
  static final String INVOKE_FAILED = "@invoke-failed ";

  static HarnessOutput parse(String text) {
    List<byte[]> outputs = new ArrayList<>();
    List<Long> instructions = new ArrayList<>();
    List<TracedBytes> traces = new ArrayList<>();
    List<long[]> layerInstructions = new ArrayList<>();
    List<long[]> tailInstructions = new ArrayList<>();
    long[] hookCalibration = null;
    boolean profileOverflow = false;
    StackUsage stack = null;
    String fault = null;
    String invokeFailure = null;
    boolean stackOverflow = false;
    List<String> malformedLines = new ArrayList<>();
    for (String line : text.split("\r?\n")) {
      try {
        if (line.startsWith(OUTPUT)) {
          outputs.add(HexFormat.of().parseHex(line.substring(OUTPUT.length()).strip()));
        } else if (line.startsWith(INSTRUCTIONS)) {
          instructions.add(Long.parseLong(fields(line, INSTRUCTIONS, 2)[1]));
        } else if (line.startsWith(TRACE)) {
          String[] fields = fields(line, TRACE, 4);
          byte[] bytes = HexFormat.of().parseHex(fields[3]);
          TracePoint point =
              new TracePoint(
                  Integer.parseInt(fields[0]),
                  Integer.parseInt(fields[1]),
                  Integer.parseInt(fields[2]),
                  bytes.length);
          traces.add(new TracedBytes(point, bytes));
        } else if (line.startsWith(LAYER_INSTRUCTIONS)) {
          layerInstructions.add(numbers(line, LAYER_INSTRUCTIONS, 3));
        } else if (line.startsWith(TAIL_INSTRUCTIONS)) {
          tailInstructions.add(numbers(line, TAIL_INSTRUCTIONS, 2));
        } else if (line.startsWith(HOOK_INSTRUCTIONS)) {
          hookCalibration = numbers(line, HOOK_INSTRUCTIONS, 2);
        } else if (line.startsWith(PROFILE_OVERFLOW)) {
          profileOverflow = true;
        } else if (line.startsWith(STACK_HIGH_WATER)) {
          String[] numbers = fields(line, STACK_HIGH_WATER, 2);
          stack = new StackUsage(Integer.parseInt(numbers[0]), Integer.parseInt(numbers[1]));
        } else if (line.startsWith(STACK_OVERFLOW)) {
          stackOverflow = true;
        } else if (line.startsWith(FAULT)) {
          fault = line.substring(FAULT.length()).strip();
        } else if (line.startsWith(INVOKE_FAILED)) {
          invokeFailure = line.substring(INVOKE_FAILED.length()).strip();
        }
      } catch (RuntimeException e) {
        malformedLines.add("'" + abbreviate(line) + "': " + e.getMessage());
      }
    }
    return new HarnessOutput(
        List.copyOf(outputs),
        List.copyOf(instructions),
        List.copyOf(traces),
        List.copyOf(layerInstructions),
        List.copyOf(tailInstructions),
        Optional.ofNullable(hookCalibration),
        profileOverflow,
        Optional.ofNullable(stack),
        Optional.ofNullable(fault),
        Optional.ofNullable(invokeFailure),
        stackOverflow,
        List.copyOf(malformedLines));
  }

  private static long[] numbers(String line, String tag, int count) {
    String[] fields = fields(line, tag, count);
    long[] numbers = new long[count];
    for (int i = 0; i < count; i++) {
      numbers[i] = Long.parseLong(fields[i]);
    }
    return numbers;
  }

  private static String[] fields(String line, String tag, int count) {
    String[] fields = line.substring(tag.length()).strip().split(" +");
    if (fields.length != count) {
      throw new IllegalArgumentException(
          "expected " + count + " numbers after '" + tag.strip() + "'");
    }
    return fields;
  }

  private static String abbreviate(String line) {
    return line.length() <= 120 ? line : line.substring(0, 120) + "...";
  }
}
