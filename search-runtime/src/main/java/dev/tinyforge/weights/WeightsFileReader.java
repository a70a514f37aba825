package dev.tinyforge.weights;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads a {@link WeightsFile}, checking every count against the bytes that remain. */
public final class WeightsFileReader {
  private final ByteBuffer in;

  private WeightsFileReader(byte[] bytes) {
    this.in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  public static WeightsFile read(byte[] bytes) throws WeightsFormatException {
    return new WeightsFileReader(bytes).read();
  }

  private WeightsFile read() throws WeightsFormatException {
    need(12, "the header");
    if (in.getInt() != WeightsFile.MAGIC) {
      throw new WeightsFormatException("it does not start with \"TFWT\" (not a weights file)");
    }
    int version = in.getInt();
    if (version != WeightsFile.VERSION) {
      throw new WeightsFormatException("version " + Integer.toUnsignedString(version)
          + " is not supported (this TinyForge reads version " + WeightsFile.VERSION + ")");
    }
    int count = count(1, "layer records");
    List<WeightsFile.LayerRecord> layers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      layers.add(record(i));
    }
    if (in.hasRemaining()) {
      throw new WeightsFormatException(in.remaining() + " unexpected bytes after the last record"
          + " at byte " + in.position());
    }
    return new WeightsFile(layers);
  }

  private WeightsFile.LayerRecord record(int index) throws WeightsFormatException {
    need(2, "the name of record " + index);
    int nameLength = Short.toUnsignedInt(in.getShort());
    need(nameLength, "the name of record " + index);
    byte[] nameBytes = new byte[nameLength];
    in.get(nameBytes);
    String name;
    try {
      name = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(nameBytes)).toString();
    } catch (CharacterCodingException e) {
      throw new WeightsFormatException("the name of record " + index + " is not UTF-8");
    }
    need(8, "the output quantization of '" + name + "'");
    float outputScale = in.getFloat();
    int outputZeroPoint = in.getInt();
    byte[] weights = new byte[count(1, "weights of '" + name + "'")];
    in.get(weights);
    float[] scales = new float[count(4, "scales of '" + name + "'")];
    for (int i = 0; i < scales.length; i++) {
      scales[i] = in.getFloat();
    }
    int[] bias = new int[count(4, "biases of '" + name + "'")];
    for (int i = 0; i < bias.length; i++) {
      bias[i] = in.getInt();
    }
    return new WeightsFile.LayerRecord(name, outputScale, outputZeroPoint, weights, scales, bias);
  }

  /** Reads a u32 count of elements of {@code width} bytes and checks they are all there. */
  private int count(int width, String what) throws WeightsFormatException {
    need(4, "the count of " + what);
    long count = Integer.toUnsignedLong(in.getInt());
    if (count * width > in.remaining()) {
      throw new WeightsFormatException("the count of " + what + " (" + count + ") runs past the"
          + " end of the file at byte " + in.position());
    }
    return (int) count;
  }

  private void need(int bytes, String what) throws WeightsFormatException {
    if (in.remaining() < bytes) {
      throw new WeightsFormatException("the file ends inside " + what + " at byte "
          + in.position() + " (truncated?)");
    }
  }
}
