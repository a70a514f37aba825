package dev.tinyforge.tflite;

import dev.tinyforge.tflite.CheckedTable.TableVector;

/**
 * The model's {@code buffers}, decoded on first use and shared by every tensor that refers to the
 * same buffer, so each buffer's bytes are copied (and charged to the budget) once.
 */
final class ConstantBuffers {
  // Buffer field ids in schema.fbs.
  private static final int DATA = 0;
  private static final int OFFSET = 1;
  private static final int SIZE = 2;

  private final TableVector tables;
  private final TfliteConstantData[] decoded;
  private final boolean[] done;

  ConstantBuffers(TableVector tables) {
    this.tables = tables;
    this.decoded = new TfliteConstantData[tables.length()];
    this.done = new boolean[tables.length()];
  }

  int count() {
    return tables.length();
  }

  /** The data of buffer {@code index}, or null when the buffer is empty. */
  TfliteConstantData get(int index) throws TfliteFormatException {
    if (!done[index]) {
      decoded[index] = decode(index);
      done[index] = true;
    }
    return decoded[index];
  }

  private TfliteConstantData decode(int index) throws TfliteFormatException {
    CheckedTable buffer = tables.get(index, "buffer " + index);
    long offset = buffer.uint64(OFFSET, "offset");
    if (Long.compareUnsigned(offset, 1) > 0) {
      long size = buffer.uint64(SIZE, "size");
      throw new TfliteFormatException("unsupported TFLite model: buffer " + index
          + " keeps its data outside the flatbuffer (at file offset "
          + Long.toUnsignedString(offset) + ", " + Long.toUnsignedString(size)
          + " bytes), as converters do for models larger"
          + " than 2 GB; TinyForge reads only models whose data is inside the flatbuffer");
    }
    byte[] data = buffer.byteVector(DATA, "data");
    return data == null || data.length == 0 ? null : new TfliteConstantData(data);
  }
}
