package good;

import dev.tinyforge.engine.LayerFacts;
import dev.tinyforge.kernels.FullyConnected;
import dev.tinyforge.kernels.Quantize;
import dev.tinyforge.kernels.Requant;
import dev.tinyforge.kernels.Softmax;
import dev.tinyforge.kernels.SoftmaxParams;
import dev.tinyforge.mirror.ConstantBlob;
import dev.tinyforge.mirror.ModelMirror;
import java.util.Arrays;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Java mirror of the tiny_mlp engine for NRF52840: runs bit-exactly like its firmware.
 */
@Generated("dev.tinyforge.processor.TinyModelProcessor")
public final class TinyMlpMirror implements ModelMirror {
  public static final String NAME = "tiny_mlp";

  public static final String BOARD = "NRF52840";

  public static final int INPUT_BYTES = 4;

  public static final int OUTPUT_BYTES = 2;

  public static final int ARENA_BYTES = 8;

  public static final float INPUT_SCALE = 0.5f;

  public static final int INPUT_ZERO_POINT = 0;

  public static final float OUTPUT_SCALE = 0.00390625f;

  public static final int OUTPUT_ZERO_POINT = -128;

  public static final long MACS = 18L;

  public static final long CONSTANT_BYTES = 78L;

  public static final long FLASH_BYTES_ESTIMATE = 2048L;

  public static final long PEAK_SRAM_BYTES = 8L;

  public static final long SRAM_BUDGET_BYTES = 262144L;

  public static final long FLASH_BUDGET_BYTES = 1048576L;

  /**
   * The layers in order: op, output shape, MACs, parameters, arena placement.
   */
  public static final List<LayerFacts> LAYERS = List.of(
    new LayerFacts("hidden", "dense", new int[] {1, 1, 3}, 12L, 15L, 48L, 4, 3, 7),
    new LayerFacts("logits", "dense", new int[] {1, 1, 2}, 6L, 8L, 30L, 0, 2, 5),
    new LayerFacts("probabilities", "softmax", new int[] {1, 1, 2}, 0L, 0L, 0L, 0, 2, 2)
  );

  private static final Requant HIDDEN_REQUANT;

  private static final byte[] HIDDEN_WEIGHTS;

  private static final int[] HIDDEN_BIAS;

  private static final Requant LOGITS_REQUANT;

  private static final byte[] LOGITS_WEIGHTS;

  private static final int[] LOGITS_BIAS;

  private static final SoftmaxParams PROBABILITIES_PARAMS = new SoftmaxParams(1717986944, 23, -248);

  static {
    ConstantBlob blob = ConstantBlob.load(TinyMlpMirror.class, "TinyMlpMirror.bin");
    HIDDEN_REQUANT = new Requant(0, -128, -128, 127, blob.ints(3), blob.ints(3));
    HIDDEN_WEIGHTS = blob.bytes(12);
    HIDDEN_BIAS = blob.ints(3);
    LOGITS_REQUANT = new Requant(128, 5, -128, 127, blob.ints(2), blob.ints(2));
    LOGITS_WEIGHTS = blob.bytes(6);
    LOGITS_BIAS = blob.ints(2);
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
   * Runs one inference: 4 input bytes in, 2 output bytes out.
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
    FullyConnected.run(arena, 0, 4, HIDDEN_WEIGHTS, HIDDEN_BIAS, arena, 4, 3, HIDDEN_REQUANT);
    FullyConnected.run(arena, 4, 3, LOGITS_WEIGHTS, LOGITS_BIAS, arena, 0, 2, LOGITS_REQUANT);
    Softmax.run(arena, 0, arena, 0, 1, 2, PROBABILITIES_PARAMS);
  }
}
