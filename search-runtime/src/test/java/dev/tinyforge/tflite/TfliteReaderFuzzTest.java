package dev.tinyforge.tflite;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.common.collect.Range;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Mutates every shared model thousands of times (bit flips, byte and 16-bit overwrites, 32-bit
 * offsets at random positions, truncation), with a fixed seed, and reads each result: it must be a
 * model or a TfliteFormatException from a deliberate check, never another throwable. Positions
 * favour the flatbuffer structure over the constant data, where a mutation only changes weights.
 */
class TfliteReaderFuzzTest {
  private static final long SEED = 0x7F1_17EL;
  private static final int INPUTS_PER_MODEL = 2_000;

  @Test
  void mutatedModelsAreReadOrRejectedCleanly() throws Exception {
    Random random = new Random(SEED);
    int tried = 0;
    int rejected = 0;
    int accepted = 0;
    Map<String, Integer> reasons = new TreeMap<>();
    for (Path folder : SharedModels.folders()) {
      byte[] original = SharedModels.bytes(folder);
      boolean[] isData = constantDataPositions(original);
      int[] structure = positionsWhere(isData, false);
      for (int i = 0; i < INPUTS_PER_MODEL; i++) {
        List<String> mutations = new ArrayList<>();
        byte[] mutated = mutate(original, structure, random, mutations);
        tried++;
        try {
          TfliteModel model = TfliteReader.read(mutated);
          checkConsistent(model);
          accepted++;
        } catch (TfliteFormatException e) {
          if (e.getCause() != null) {
            throw new AssertionError(folder.getFileName() + " input " + i + " after " + mutations
                + ": an unchecked case reached the safety net", e);
          }
          reasons.merge(reason(e.getMessage()), 1, Integer::sum);
          rejected++;
        } catch (Throwable t) {
          throw new AssertionError(folder.getFileName() + " input " + i + " after " + mutations
              + ": " + t, t);
        }
      }
    }
    System.out.println("tflite fuzz: " + tried + " mutated inputs, " + rejected + " rejected, "
        + accepted + " accepted; " + reasons.size() + " kinds of rejection, the most common:");
    reasons.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(8)
        .forEach(reason -> System.out.println("  " + reason.getValue() + "  " + reason.getKey()));
    assertWithMessage("some mutations must be rejected").that(rejected).isGreaterThan(tried / 4);
  }

  private static byte[] mutate(byte[] original, int[] structure, Random random,
      List<String> log) {
    byte[] bytes = original.clone();
    int count = 1 + random.nextInt(3);
    for (int m = 0; m < count; m++) {
      int at = position(bytes.length, structure, random);
      switch (random.nextInt(5)) {
        case 0 -> {
          int bit = random.nextInt(8);
          bytes[at] ^= (byte) (1 << bit);
          log.add("flip bit " + bit + " of byte " + at);
        }
        case 1 -> {
          byte value = (byte) random.nextInt(256);
          bytes[at] = value;
          log.add("byte " + at + " = " + value);
        }
        case 2 -> {
          at = Math.min(at & ~1, bytes.length - 2);
          short value = (short) random.nextInt(1 << 16);
          ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(at, value);
          log.add("short at " + at + " = " + value);
        }
        case 3 -> {
          at = Math.min(at & ~3, bytes.length - 4);
          int value = offsetLike(bytes.length, at, random);
          ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
          log.add("int at " + at + " = " + value);
        }
        default -> {
          int length = random.nextInt(bytes.length);
          bytes = Arrays.copyOf(bytes, length);
          log.add("truncate to " + length);
          return bytes;
        }
      }
    }
    return bytes;
  }

  /** Mostly a byte of the flatbuffer structure; sometimes anywhere. */
  private static int position(int length, int[] structure, Random random) {
    int at = structure.length > 0 && random.nextInt(5) != 0
        ? structure[random.nextInt(structure.length)]
        : random.nextInt(length);
    return Math.min(at, length - 1);
  }

  /** The values that hurt most: offsets just inside, at and past the end, and extremes. */
  private static int offsetLike(int length, int at, Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> random.nextInt();
      case 1 -> random.nextInt(length);
      case 2 -> length - at - random.nextInt(8);
      case 3 -> -random.nextInt(length);
      case 4 -> new int[] {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0xFFFF}[random.nextInt(5)];
      default -> random.nextInt(64) - 32;
    };
  }

  /** Marks the bytes of every constant of at least 16 bytes, found by content in the file. */
  private static boolean[] constantDataPositions(byte[] file) throws TfliteFormatException {
    boolean[] isData = new boolean[file.length];
    for (TfliteTensor tensor : TfliteReader.read(file).tensors()) {
      byte[] data = tensor.data();
      if (data == null || data.length < 16) {
        continue;
      }
      int start = indexOf(file, data);
      if (start >= 0) {
        Arrays.fill(isData, start, start + data.length, true);
      }
    }
    return isData;
  }

  private static int indexOf(byte[] file, byte[] data) {
    outer:
    for (int i = 0; i + data.length <= file.length; i++) {
      for (int j = 0; j < data.length; j++) {
        if (file[i + j] != data[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static int[] positionsWhere(boolean[] flags, boolean value) {
    return IntStream.range(0, flags.length)
        .filter(i -> flags[i] == value)
        .toArray();
  }

  /** What a user of an accepted model relies on. */
  private static void checkConsistent(TfliteModel model) {
    for (TfliteSubgraph subgraph : model.subgraphs()) {
      int tensors = subgraph.tensors().size();
      for (TfliteTensor tensor : subgraph.tensors()) {
        long elements = tensor.elementCount();
        if (tensor.isConstant() && tensor.type().elementBytes() > 0) {
          assertWithMessage(tensor.toString())
              .that((long) tensor.constant().size())
              .isEqualTo(elements * tensor.type().elementBytes());
        }
      }
      for (TfliteOperator op : subgraph.operators()) {
        for (int index : op.inputs()) {
          assertWithMessage(op.toString()).that(index).isIn(range(-1, tensors));
        }
        for (int index : op.outputs()) {
          assertWithMessage(op.toString()).that(index).isIn(range(-1, tensors));
        }
      }
      for (int index : subgraph.inputs()) {
        assertWithMessage(subgraph.toString()).that(index).isIn(range(0, tensors));
      }
    }
    model.hashCode();
    model.toString();
  }

  private static Range<Integer> range(int from, int toExclusive) {
    return Range.closedOpen(from, toExclusive);
  }

  /** The message without numbers and names, to count kinds of rejection. */
  private static String reason(String message) {
    String withoutWhere = message.replaceAll("^malformed TFLite model: [^:]*: ", "malformed: ");
    return withoutWhere.replaceAll("'[^']*'", "'…'").replaceAll("-?\\d+", "N")
        .replaceAll("\\(.*\\)", "(…)");
  }
}
