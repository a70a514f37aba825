package dev.tinyforge.kernels;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Just enough of a .tflite flatbuffer for the kernel goldens: a tensor's float32 scale and zero
 * point, a constant tensor's bytes, and SOFTMAX's beta. INDEX.txt prints some scales with six
 * digits only; the kernels need the exact float32 the interpreter used. Field numbers are those
 * of TF Lite's schema.fbs (Model.subgraphs = 2, Model.buffers = 4, SubGraph.tensors = 0,
 * SubGraph.operators = 3, Tensor.buffer = 2, Tensor.quantization = 4, Quantization.scale = 2,
 * Quantization.zero_point = 3, Buffer.data = 0, Operator.outputs = 2,
 * Operator.builtin_options = 4, SoftmaxOptions.beta = 0).
 */
final class TfliteModelFile {
  private final ByteBuffer buf;

  TfliteModelFile(byte[] bytes) {
    this.buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 8 || buf.getInt(4) != 0x334c4654) { // "TFL3"
      throw new IllegalArgumentException("not a TF Lite flatbuffer");
    }
  }

  float scale(int tensor) {
    int scales = field(quantization(tensor), 2);
    return buf.getFloat(vectorStart(scales));
  }

  int zeroPoint(int tensor) {
    int zeroPoints = field(quantization(tensor), 3);
    return (int) buf.getLong(vectorStart(zeroPoints));
  }

  /** The raw bytes of a constant tensor's buffer. */
  byte[] constant(int tensor) {
    int bufferIndex = buf.getInt(fieldPosition(tensorTable(tensor), 2));
    int buffer = element(field(root(), 4), bufferIndex);
    int data = field(buffer, 0);
    byte[] bytes = new byte[buf.getInt(data)];
    buf.get(vectorStart(data), bytes);
    return bytes;
  }

  /** beta of the subgraph-0 operator that writes {@code outputTensor}, read as SoftmaxOptions. */
  float softmaxBetaProducing(int outputTensor) {
    int operators = field(subgraph(), 3);
    for (int i = 0; i < buf.getInt(operators); i++) {
      int op = element(operators, i);
      int outputs = field(op, 2);
      if (buf.getInt(vectorStart(outputs)) == outputTensor) {
        return buf.getFloat(fieldPosition(field(op, 4), 0));
      }
    }
    throw new IllegalArgumentException("no operator writes tensor " + outputTensor);
  }

  private int quantization(int tensor) {
    return field(tensorTable(tensor), 4);
  }

  private int tensorTable(int tensor) {
    return element(field(subgraph(), 0), tensor);
  }

  private int subgraph() {
    return element(field(root(), 2), 0);
  }

  private int root() {
    return buf.getInt(0);
  }

  /** Position of field {@code id} of the table at {@code table}; fails when absent. */
  private int fieldPosition(int table, int id) {
    int vtable = table - buf.getInt(table);
    int vtableSize = buf.getShort(vtable) & 0xffff;
    int slot = 4 + 2 * id;
    int offset = slot < vtableSize ? buf.getShort(vtable + slot) & 0xffff : 0;
    if (offset == 0) {
      throw new IllegalArgumentException("field " + id + " absent in table at " + table);
    }
    return table + offset;
  }

  /** Follows the offset stored in a table/vector/string field. */
  private int field(int table, int id) {
    int position = fieldPosition(table, id);
    return position + buf.getInt(position);
  }

  private static int vectorStart(int vector) {
    return vector + 4;
  }

  /** The table that element {@code i} of a vector of tables points to. */
  private int element(int vector, int i) {
    int position = vectorStart(vector) + 4 * i;
    return position + buf.getInt(position);
  }
}
