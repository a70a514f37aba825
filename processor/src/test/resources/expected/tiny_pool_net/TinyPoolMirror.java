package good;

import dev.tinyforge.engine.LayerFacts;
import dev.tinyforge.kernels.AvgPool;
import dev.tinyforge.kernels.Conv2d;
import dev.tinyforge.kernels.Dims;
import dev.tinyforge.kernels.FullyConnected;
import dev.tinyforge.kernels.MaxPool;
import dev.tinyforge.kernels.Quantize;
import dev.tinyforge.kernels.Requant;
import dev.tinyforge.kernels.Window;
import dev.tinyforge.mirror.ConstantBlob;
import dev.tinyforge.mirror.ModelMirror;
import java.util.Arrays;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Java mirror of the tiny_pool_net engine for CUSTOM: runs bit-exactly like its firmware.
 */
@Generated("dev.tinyforge.processor.TinyModelProcessor")
public final class TinyPoolMirror implements ModelMirror {
  public static final String NAME = "tiny_pool_net";

  public static final String BOARD = "CUSTOM";

  public static final int INPUT_BYTES = 128;

  public static final int OUTPUT_BYTES = 2;

  public static final int ARENA_BYTES = 192;

  public static final float INPUT_SCALE = 0.003921569f;

  public static final int INPUT_ZERO_POINT = -128;

  public static final float OUTPUT_SCALE = 0.006967287f;

  public static final int OUTPUT_ZERO_POINT = -128;

  public static final long MACS = 136L;

  public static final long CONSTANT_BYTES = 88L;

  public static final long FLASH_BYTES_ESTIMATE = 4198L;

  public static final long PEAK_SRAM_BYTES = 196L;

  public static final long SRAM_BUDGET_BYTES = 8192L;

  public static final long FLASH_BUDGET_BYTES = 32768L;

  /**
   * The layers in order: op, output shape, MACs, parameters, arena placement.
   */
  public static final List<LayerFacts> LAYERS = List.of(
    new LayerFacts("pointwise", "conv2d", new int[] {4, 4, 4}, 128L, 12L, 56L, 128, 64, 192),
    new LayerFacts("max", "max_pool2d", new int[] {4, 4, 4}, 0L, 0L, 0L, 0, 64, 128),
    new LayerFacts("regrouped", "reshape", new int[] {2, 8, 4}, 0L, 0L, 0L, 0, 64, 64),
    new LayerFacts("pool", "global_avg_pool", new int[] {1, 1, 4}, 0L, 0L, 0L, 64, 4, 68),
    new LayerFacts("scores", "dense", new int[] {1, 1, 2}, 8L, 10L, 32L, 0, 2, 6)
  );

  private static final Requant POINTWISE_REQUANT;

  private static final byte[] POINTWISE_FILTER;

  private static final int[] POINTWISE_BIAS;

  private static final Requant SCORES_REQUANT;

  private static final byte[] SCORES_WEIGHTS;

  private static final int[] SCORES_BIAS;

  static {
    ConstantBlob blob = ConstantBlob.load(TinyPoolMirror.class, "TinyPoolMirror.bin");
    POINTWISE_REQUANT = new Requant(128, 0, -128, 127, blob.ints(4), blob.ints(4));
    POINTWISE_FILTER = blob.bytes(8);
    POINTWISE_BIAS = blob.ints(4);
    SCORES_REQUANT = new Requant(0, -128, -128, 127, blob.ints(2), blob.ints(2));
    SCORES_WEIGHTS = blob.bytes(8);
    SCORES_BIAS = blob.ints(2);
    blob.expectEnd();
  }

  private final byte[] arena = new byte[ARENA_BYTES];

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String board() {
    return BOARD;
  }

  @Override
  public int inputBytes() {
    return INPUT_BYTES;
  }

  @Override
  public int outputBytes() {
    return OUTPUT_BYTES;
  }

  @Override
  public int arenaBytes() {
    return ARENA_BYTES;
  }

  @Override
  public long macs() {
    return MACS;
  }

  @Override
  public long peakSramBytes() {
    return PEAK_SRAM_BYTES;
  }

  @Override
  public long flashBytesEstimate() {
    return FLASH_BYTES_ESTIMATE;
  }

  @Override
  public long sramBudgetBytes() {
    return SRAM_BUDGET_BYTES;
  }

  @Override
  public long flashBudgetBytes() {
    return FLASH_BUDGET_BYTES;
  }

  @Override
  public float inputScale() {
    return INPUT_SCALE;
  }

  @Override
  public int inputZeroPoint() {
    return INPUT_ZERO_POINT;
  }

  @Override
  public float outputScale() {
    return OUTPUT_SCALE;
  }

  @Override
  public int outputZeroPoint() {
    return OUTPUT_ZERO_POINT;
  }

  @Override
  public List<LayerFacts> layers() {
    return LAYERS;
  }

  /**
   * Runs one inference: 128 input bytes in, 2 output bytes out.
   */
  @Override
  public byte[] invoke(byte[] input) {
    if (input.length != INPUT_BYTES) {
      throw new IllegalArgumentException("the input must have " + INPUT_BYTES + " bytes, not " + input.length);
    }
    System.arraycopy(input, 0, arena, 0, INPUT_BYTES);
    run();
    return Arrays.copyOfRange(arena, 0, 0 + OUTPUT_BYTES);
  }

  /**
   * The float input as TF Lite Micro's QUANTIZE takes it to int8: x / scale in float32,
   * rounded half away from zero, plus the zero point, clamped.
   */
  @Override
  public byte[] quantizeInput(float[] values) {
    if (values.length != INPUT_BYTES) {
      throw new IllegalArgumentException("the input must have " + INPUT_BYTES + " values, not " + values.length);
    }
    byte[] codes = new byte[INPUT_BYTES];
    Quantize.fromFloat(values, 0, codes, 0, INPUT_BYTES, INPUT_SCALE, INPUT_ZERO_POINT);
    return codes;
  }

  /**
   * The int8 output as TF Lite Micro's DEQUANTIZE gives it: (q - zero point) * scale.
   */
  @Override
  public float[] dequantizeOutput(byte[] codes) {
    if (codes.length != OUTPUT_BYTES) {
      throw new IllegalArgumentException("the output must have " + OUTPUT_BYTES + " bytes, not " + codes.length);
    }
    float[] values = new float[OUTPUT_BYTES];
    Quantize.dequantize(codes, 0, values, 0, OUTPUT_BYTES, OUTPUT_SCALE, OUTPUT_ZERO_POINT);
    return values;
  }

  /**
   * Runs the layers on the arena, in the firmware's order.
   */
  private void run() {
    Conv2d.run(arena, 0, new Dims(8, 8, 2), POINTWISE_FILTER, POINTWISE_BIAS, arena, 128, new Dims(4, 4, 4), new Window(1, 1, 2, 2, 1, 1, 0, 0), POINTWISE_REQUANT);
    MaxPool.run(arena, 128, new Dims(4, 4, 4), arena, 0, new Dims(4, 4, 4), new Window(3, 3, 1, 1, 1, 1, 1, 1), -128, 127);
    AvgPool.run(arena, 0, new Dims(2, 8, 4), arena, 64, new Dims(1, 1, 4), new Window(2, 8, 1, 1, 1, 1, 0, 0), -128, 127);
    FullyConnected.run(arena, 64, 4, SCORES_WEIGHTS, SCORES_BIAS, arena, 0, 2, SCORES_REQUANT);
  }
}
