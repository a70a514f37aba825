package good;

import dev.tinyforge.engine.LayerFacts;
import dev.tinyforge.kernels.Add;
import dev.tinyforge.kernels.AddParams;
import dev.tinyforge.kernels.AvgPool;
import dev.tinyforge.kernels.Conv2d;
import dev.tinyforge.kernels.DepthwiseConv2d;
import dev.tinyforge.kernels.Dims;
import dev.tinyforge.kernels.FullyConnected;
import dev.tinyforge.kernels.Quantize;
import dev.tinyforge.kernels.Requant;
import dev.tinyforge.kernels.Softmax;
import dev.tinyforge.kernels.SoftmaxParams;
import dev.tinyforge.kernels.Window;
import dev.tinyforge.mirror.ConstantBlob;
import dev.tinyforge.mirror.ModelMirror;
import java.util.Arrays;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Java mirror of the tiny_conv engine for STM32F412: runs bit-exactly like its firmware.
 */
@Generated("dev.tinyforge.processor.TinyModelProcessor")
public final class TinyConvMirror implements ModelMirror {
  public static final String NAME = "tiny_conv";

  public static final String BOARD = "STM32F412";

  public static final int INPUT_BYTES = 36;

  public static final int OUTPUT_BYTES = 3;

  public static final int ARENA_BYTES = 144;

  public static final float INPUT_SCALE = 0.003921569f;

  public static final int INPUT_ZERO_POINT = -128;

  public static final float OUTPUT_SCALE = 0.00390625f;

  public static final int OUTPUT_ZERO_POINT = -128;

  public static final long MACS = 1350L;

  public static final long CONSTANT_BYTES = 174L;

  public static final long FLASH_BYTES_ESTIMATE = 6514L;

  public static final long PEAK_SRAM_BYTES = 162L;

  public static final long SRAM_BUDGET_BYTES = 262144L;

  public static final long FLASH_BUDGET_BYTES = 1048576L;

  /**
   * The layers in order: op, output shape, MACs, parameters, arena placement.
   */
  public static final List<LayerFacts> LAYERS = List.of(
    new LayerFacts("conv", "conv2d", new int[] {6, 6, 2}, 648L, 20L, 42L, 0, 72, 108),
    new LayerFacts("depthwise", "depthwise_conv2d", new int[] {6, 6, 2}, 648L, 20L, 42L, 72, 72, 144),
    new LayerFacts("residual", "add", new int[] {6, 6, 2}, 0L, 0L, 0L, 72, 72, 144),
    new LayerFacts("pool", "avg_pool2d", new int[] {3, 3, 2}, 0L, 0L, 0L, 0, 18, 90),
    new LayerFacts("features", "flatten", new int[] {1, 1, 18}, 0L, 0L, 0L, 0, 18, 18),
    new LayerFacts("logits", "dense", new int[] {1, 1, 3}, 54L, 57L, 90L, 20, 3, 21),
    new LayerFacts("probabilities", "softmax", new int[] {1, 1, 3}, 0L, 0L, 0L, 20, 3, 3)
  );

  private static final Requant CONV_REQUANT;

  private static final byte[] CONV_FILTER;

  private static final int[] CONV_BIAS;

  private static final Requant DEPTHWISE_REQUANT;

  private static final byte[] DEPTHWISE_FILTER;

  private static final int[] DEPTHWISE_BIAS;

  private static final AddParams RESIDUAL_PARAMS = new AddParams(128, 128, 0, 20, 1073741824, 0, 1611120215, -1, 1073741824, -19, -128, 127);

  private static final Requant LOGITS_REQUANT;

  private static final byte[] LOGITS_WEIGHTS;

  private static final int[] LOGITS_BIAS;

  private static final SoftmaxParams PROBABILITIES_PARAMS = new SoftmaxParams(1276366720, 21, -992);

  static {
    ConstantBlob blob = ConstantBlob.load(TinyConvMirror.class, "TinyConvMirror.bin");
    CONV_REQUANT = new Requant(128, -128, -128, 127, blob.ints(2), blob.ints(2));
    CONV_FILTER = blob.bytes(18);
    CONV_BIAS = blob.ints(2);
    DEPTHWISE_REQUANT = new Requant(128, -128, -128, 127, blob.ints(2), blob.ints(2));
    DEPTHWISE_FILTER = blob.bytes(18);
    DEPTHWISE_BIAS = blob.ints(2);
    LOGITS_REQUANT = new Requant(0, 0, -128, 127, blob.ints(3), blob.ints(3));
    LOGITS_WEIGHTS = blob.bytes(54);
    LOGITS_BIAS = blob.ints(3);
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
   * Runs one inference: 36 input bytes in, 3 output bytes out.
   */
  @Override
  public byte[] invoke(byte[] input) {
    if (input.length != INPUT_BYTES) {
      throw new IllegalArgumentException("the input must have " + INPUT_BYTES + " bytes, not " + input.length);
    }
    System.arraycopy(input, 0, arena, 72, INPUT_BYTES);
    run();
    return Arrays.copyOfRange(arena, 20, 20 + OUTPUT_BYTES);
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
    Conv2d.run(arena, 72, new Dims(6, 6, 1), CONV_FILTER, CONV_BIAS, arena, 0, new Dims(6, 6, 2), new Window(3, 3, 1, 1, 1, 1, 1, 1), CONV_REQUANT);
    DepthwiseConv2d.run(arena, 0, new Dims(6, 6, 2), DEPTHWISE_FILTER, DEPTHWISE_BIAS, arena, 72, new Dims(6, 6, 2), 1, new Window(3, 3, 1, 1, 1, 1, 1, 1), DEPTHWISE_REQUANT);
    Add.run(arena, 72, arena, 0, arena, 72, 72, RESIDUAL_PARAMS);
    AvgPool.run(arena, 72, new Dims(6, 6, 2), arena, 0, new Dims(3, 3, 2), new Window(2, 2, 2, 2, 1, 1, 0, 0), -128, 127);
    FullyConnected.run(arena, 0, 18, LOGITS_WEIGHTS, LOGITS_BIAS, arena, 20, 3, LOGITS_REQUANT);
    Softmax.run(arena, 20, arena, 20, 1, 3, PROBABILITIES_PARAMS);
  }
}
