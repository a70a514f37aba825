package dev.tinyforge.tflite;

import java.util.Arrays;

/** Decodes one {@code Tensor} table and checks what the rest of TinyForge relies on. */
final class TensorDecoder {
  // Tensor field ids in schema.fbs.
  private static final int SHAPE = 0;
  private static final int TYPE = 1;
  private static final int BUFFER = 2;
  private static final int NAME = 3;
  private static final int QUANTIZATION = 4;
  private static final int IS_VARIABLE = 5;
  private static final int SPARSITY = 6;
  private static final int SHAPE_SIGNATURE = 7;
  private static final int EXTERNAL_BUFFER = 10;

  // QuantizationParameters field ids (details is a union: type 4, value 5).
  private static final int SCALE = 2;
  private static final int ZERO_POINT = 3;
  private static final int DETAILS_TYPE = 4;
  private static final int QUANTIZED_DIMENSION = 6;

  private final ConstantBuffers buffers;

  TensorDecoder(ConstantBuffers buffers) {
    this.buffers = buffers;
  }

  TfliteTensor decode(CheckedTable table, int index) throws TfliteFormatException {
    String name = orEmpty(table.string(NAME, "name"));
    String where = table.where() + (name.isEmpty() ? "" : " ('" + name + "')");

    int typeCode = table.int8(TYPE, "type", 0);
    TfliteTensorType type = TfliteTensorType.fromCode(typeCode);
    if (type == null) {
      throw FlatBufferReader.malformed(where, "unknown tensor type code " + typeCode);
    }
    int[] shape = orEmpty(table.int32Vector(SHAPE, "shape"));
    for (int dimension : shape) {
      if (dimension < 0) {
        throw FlatBufferReader.malformed(where, "the shape " + Arrays.toString(shape)
            + " has a negative dimension");
      }
    }
    long elements = elementCountOrMinusOne(shape);
    if (elements < 0) {
      throw FlatBufferReader.malformed(where, "the shape " + Arrays.toString(shape)
          + " has more than 2^63 elements");
    }
    int[] signature = table.int32Vector(SHAPE_SIGNATURE, "shape_signature");

    if (table.has(SPARSITY)) {
      throw unsupported(where, "is sparse (sparsity parameters)");
    }
    long externalBuffer = table.uint32(EXTERNAL_BUFFER, "external_buffer", 0);
    if (externalBuffer != 0) {
      throw unsupported(where, "keeps its data in external buffer " + externalBuffer);
    }

    TfliteConstantData constant = constantData(table, where, type, shape, elements);
    TfliteQuantization quantization = quantization(table, where);
    boolean variable = table.bool(IS_VARIABLE, "is_variable", false);
    return new TfliteTensor(index, name, type, shape, signature == null ? shape : signature,
        bufferIndex(table, where), constant, quantization, variable);
  }

  private int bufferIndex(CheckedTable table, String where) throws TfliteFormatException {
    long index = table.uint32(BUFFER, "buffer", 0);
    if (index >= buffers.count()) {
      throw FlatBufferReader.malformed(where, "refers to buffer " + index + ", but the model has "
          + buffers.count() + " buffer" + (buffers.count() == 1 ? "" : "s"));
    }
    return (int) index;
  }

  private TfliteConstantData constantData(
      CheckedTable table, String where, TfliteTensorType type, int[] shape, long elements)
      throws TfliteFormatException {
    TfliteConstantData data = buffers.get(bufferIndex(table, where));
    if (data != null && type.elementBytes() > 0) {
      long expected = elements > Long.MAX_VALUE / 16 ? -1 : elements * type.elementBytes();
      if (expected != data.size()) {
        throw FlatBufferReader.malformed(where, "its constant data has " + data.size()
            + " bytes, but " + type + " " + Arrays.toString(shape) + " needs "
            + (expected < 0 ? "more than 2^59" : String.valueOf(expected)));
      }
    }
    return data;
  }

  private static TfliteQuantization quantization(CheckedTable tensor, String where)
      throws TfliteFormatException {
    CheckedTable table = tensor.table(QUANTIZATION, "quantization", where + ", quantization");
    if (table == null) {
      return TfliteQuantization.NONE;
    }
    if (table.uint8(DETAILS_TYPE, "details_type") != 0) {
      throw unsupported(where, "uses custom quantization details");
    }
    float[] scales = orEmpty(table.float32Vector(SCALE, "scale"));
    long[] zeroPoints = table.int64Vector(ZERO_POINT, "zero_point");
    zeroPoints = zeroPoints == null ? new long[0] : zeroPoints;
    int dimension = table.int32(QUANTIZED_DIMENSION, "quantized_dimension", 0);
    if (zeroPoints.length != 0 && scales.length != 0 && zeroPoints.length != scales.length) {
      throw FlatBufferReader.malformed(where, "its quantization has " + scales.length
          + " scales but " + zeroPoints.length + " zero points");
    }
    return new TfliteQuantization(scales, zeroPoints, dimension);
  }

  /** The product of the dimensions, or -1 when it does not fit in a long. */
  private static long elementCountOrMinusOne(int[] shape) {
    long count = 1;
    for (int dimension : shape) {
      if (dimension != 0 && count > Long.MAX_VALUE / dimension) {
        return -1;
      }
      count *= dimension;
    }
    return count;
  }

  private static TfliteFormatException unsupported(String where, String what) {
    return new TfliteFormatException("unsupported TFLite model: " + where + " " + what
        + ", which TinyForge does not read");
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  private static int[] orEmpty(int[] value) {
    return value == null ? new int[0] : value;
  }

  private static float[] orEmpty(float[] value) {
    return value == null ? new float[0] : value;
  }
}
