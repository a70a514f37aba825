package dev.tinyforge.tflite;

/**
 * The builtin operators TinyForge knows by name, with their {@code BuiltinOperator} code from
 * schema.fbs. Every other code reads as {@link #OTHER}; the operator keeps its number and
 * {@link BuiltinOperatorNames} gives its schema name.
 */
public enum TfliteBuiltinOperator {
  ADD(0),
  AVERAGE_POOL_2D(1),
  CONCATENATION(2),
  CONV_2D(3),
  DEPTHWISE_CONV_2D(4),
  DEQUANTIZE(6),
  FULLY_CONNECTED(9),
  LOGISTIC(14),
  MAX_POOL_2D(17),
  MUL(18),
  RELU(19),
  RELU6(21),
  RESHAPE(22),
  SOFTMAX(25),
  TANH(28),
  CUSTOM(32),
  PAD(34),
  MEAN(40),
  SQUEEZE(43),
  PADV2(60),
  QUANTIZE(114),
  HARD_SWISH(117),
  /** Any builtin code not listed above (the operator keeps the number). */
  OTHER(-1);

  private final int code;

  TfliteBuiltinOperator(int code) {
    this.code = code;
  }

  /** The code in schema.fbs; -1 for {@link #OTHER}. */
  public int code() {
    return code;
  }

  public static TfliteBuiltinOperator fromCode(int code) {
    for (TfliteBuiltinOperator op : values()) {
      if (op.code == code) {
        return op;
      }
    }
    return OTHER;
  }
}
