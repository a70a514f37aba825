package dev.tinyforge.tflite;

/** Decodes the {@code BuiltinOptions} union of an operator into a {@link TfliteOptions} record. */
final class OptionsDecoder {
  // BuiltinOptions union type codes in schema.fbs (position in the union, NONE = 0).
  static final int CONV_2D = 1;
  static final int DEPTHWISE_CONV_2D = 2;
  static final int POOL_2D = 5;
  static final int FULLY_CONNECTED = 8;
  static final int SOFTMAX = 9;
  static final int CONCATENATION = 10;
  static final int ADD = 11;
  static final int RESHAPE = 17;
  static final int MUL = 21;
  static final int PAD = 22;
  static final int REDUCER = 27;
  static final int SQUEEZE = 30;
  static final int PAD_V2 = 43;

  private OptionsDecoder() {}

  /** The options, or null when absent or of a type this reader does not decode. */
  static TfliteOptions decode(int type, CheckedTable table) throws TfliteFormatException {
    if (table == null) {
      return null;
    }
    return switch (type) {
      case CONV_2D -> conv2d(table);
      case DEPTHWISE_CONV_2D -> depthwiseConv2d(table);
      case POOL_2D -> pool2d(table);
      case FULLY_CONNECTED -> fullyConnected(table);
      case SOFTMAX -> new TfliteOptions.Softmax(table.float32(0, "beta", 0f));
      case CONCATENATION -> new TfliteOptions.Concatenation(
          table.int32(0, "axis", 0), activation(table, 1));
      case ADD -> new TfliteOptions.Add(
          activation(table, 0), table.bool(1, "pot_scale_int16", true));
      case RESHAPE -> new TfliteOptions.Reshape(intsOrEmpty(table.int32Vector(0, "new_shape")));
      case MUL -> new TfliteOptions.Mul(activation(table, 0));
      case PAD -> new TfliteOptions.Pad();
      case REDUCER -> new TfliteOptions.Reducer(table.bool(0, "keep_dims", false));
      case SQUEEZE -> new TfliteOptions.Squeeze(intsOrEmpty(table.int32Vector(0, "squeeze_dims")));
      case PAD_V2 -> new TfliteOptions.PadV2();
      default -> null;
    };
  }

  // Conv2DOptions: padding 0, stride_w 1, stride_h 2, fused_activation_function 3,
  // dilation_w_factor 4, dilation_h_factor 5.
  private static TfliteOptions conv2d(CheckedTable table) throws TfliteFormatException {
    return new TfliteOptions.Conv2D(
        padding(table, 0),
        table.int32(1, "stride_w", 0),
        table.int32(2, "stride_h", 0),
        activation(table, 3),
        table.int32(4, "dilation_w_factor", 1),
        table.int32(5, "dilation_h_factor", 1));
  }

  // DepthwiseConv2DOptions: padding 0, stride_w 1, stride_h 2, depth_multiplier 3,
  // fused_activation_function 4, dilation_w_factor 5, dilation_h_factor 6.
  private static TfliteOptions depthwiseConv2d(CheckedTable table) throws TfliteFormatException {
    return new TfliteOptions.DepthwiseConv2D(
        padding(table, 0),
        table.int32(1, "stride_w", 0),
        table.int32(2, "stride_h", 0),
        table.int32(3, "depth_multiplier", 0),
        activation(table, 4),
        table.int32(5, "dilation_w_factor", 1),
        table.int32(6, "dilation_h_factor", 1));
  }

  // Pool2DOptions: padding 0, stride_w 1, stride_h 2, filter_width 3, filter_height 4,
  // fused_activation_function 5.
  private static TfliteOptions pool2d(CheckedTable table) throws TfliteFormatException {
    return new TfliteOptions.Pool2D(
        padding(table, 0),
        table.int32(1, "stride_w", 0),
        table.int32(2, "stride_h", 0),
        table.int32(3, "filter_width", 0),
        table.int32(4, "filter_height", 0),
        activation(table, 5));
  }

  // FullyConnectedOptions: fused_activation_function 0, weights_format 1, keep_num_dims 2,
  // asymmetric_quantize_inputs 3.
  private static TfliteOptions fullyConnected(CheckedTable table) throws TfliteFormatException {
    int weightsFormat = table.int8(1, "weights_format", 0);
    if (weightsFormat != 0 && weightsFormat != 1) {
      throw FlatBufferReader.malformed(table.where(), "unknown weights_format " + weightsFormat);
    }
    return new TfliteOptions.FullyConnected(
        activation(table, 0),
        weightsFormat == 1,
        table.bool(2, "keep_num_dims", false),
        table.bool(3, "asymmetric_quantize_inputs", false));
  }

  private static TflitePadding padding(CheckedTable table, int fieldId)
      throws TfliteFormatException {
    int code = table.int8(fieldId, "padding", 0);
    TflitePadding padding = TflitePadding.fromCode(code);
    if (padding == null) {
      throw FlatBufferReader.malformed(table.where(), "unknown padding code " + code);
    }
    return padding;
  }

  private static TfliteActivation activation(CheckedTable table, int fieldId)
      throws TfliteFormatException {
    int code = table.int8(fieldId, "fused_activation_function", 0);
    TfliteActivation activation = TfliteActivation.fromCode(code);
    if (activation == null) {
      throw FlatBufferReader.malformed(table.where(), "unknown fused activation code " + code);
    }
    return activation;
  }

  private static int[] intsOrEmpty(int[] values) {
    return values == null ? new int[0] : values;
  }
}
