package dev.tinyforge.weights;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes a {@link WeightsFile} in the format its javadoc describes. */
public final class WeightsFileWriter {
  private WeightsFileWriter() {}

  public static byte[] write(WeightsFile file) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(le(12).putInt(WeightsFile.MAGIC).putInt(WeightsFile.VERSION)
        .putInt(file.layers().size()).array());
    for (WeightsFile.LayerRecord layer : file.layers()) {
      byte[] name = layer.name().getBytes(StandardCharsets.UTF_8);
      out.writeBytes(le(2).putShort((short) name.length).array());
      out.writeBytes(name);
      out.writeBytes(le(12).putFloat(layer.outputScale()).putInt(layer.outputZeroPoint())
          .putInt(layer.weights().length).array());
      out.writeBytes(layer.weights());
      ByteBuffer scales = le(4 + 4 * layer.scales().length).putInt(layer.scales().length);
      for (float scale : layer.scales()) {
        scales.putFloat(scale);
      }
      out.writeBytes(scales.array());
      ByteBuffer bias = le(4 + 4 * layer.bias().length).putInt(layer.bias().length);
      for (int b : layer.bias()) {
        bias.putInt(b);
      }
      out.writeBytes(bias.array());
    }
    return out.toByteArray();
  }

  private static ByteBuffer le(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }
}
