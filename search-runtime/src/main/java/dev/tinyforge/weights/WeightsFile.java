package dev.tinyforge.weights;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trained constants of a declared model, as stored in a {@code .tfw} file.
 *
 * <p>Format, version 1, all numbers little-endian:
 *
 * <pre>
 *   magic     4 bytes  "TFWT"
 *   version   u32      1
 *   records   u32      number of layer records, then each record:
 *     name          u16 byte length, UTF-8 bytes   the layer's field name
 *     output scale  f32                            quantization of the layer's output
 *     output zp     i32                            in [-128, 127]
 *     weights       u32 count, count x i8          layout of the layer's kernel (README)
 *     scales        u32 count, count x f32         per output channel (or 1: per tensor)
 *     bias          u32 count, count x i32         per output channel (0: none)
 * </pre>
 *
 * Layers that requantize (conv2d, depthwise_conv2d, dense, add) have a record; add has no
 * weights, only its output quantization.
 */
public record WeightsFile(List<LayerRecord> layers) {
  public static final int MAGIC = 0x54574654; // "TFWT" read little-endian
  public static final int VERSION = 1;

  public WeightsFile {
    layers = List.copyOf(layers);
  }

  public Map<String, LayerRecord> byName() {
    Map<String, LayerRecord> map = new LinkedHashMap<>();
    layers.forEach(layer -> map.put(layer.name(), layer));
    return map;
  }

  /** One layer's constants and output quantization. */
  public record LayerRecord(String name, float outputScale, int outputZeroPoint, byte[] weights,
      float[] scales, int[] bias) {}
}
