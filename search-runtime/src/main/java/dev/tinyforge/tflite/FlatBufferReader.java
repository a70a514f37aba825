package dev.tinyforge.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked access to an untrusted flatbuffer. flatbuffers-java trusts every offset it reads;
 * this class checks each offset, vector length and table layout against the size of the file
 * before anything is read through it, and charges the work to a {@link ReadBudget}.
 *
 * <p>Offsets in a flatbuffer are unsigned and point forward (tables reach their vtable through a
 * signed offset, but a vtable is a leaf), and the schema is walked from the root by field, so a
 * crafted file cannot make the reader loop: the depth of the walk is fixed by the schema.
 */
final class FlatBufferReader {
  static final int OFFSET_BYTES = 4;

  private final ByteBuffer bytes;
  private final int size;
  private final ReadBudget budget;

  FlatBufferReader(byte[] file) {
    this.bytes = ByteBuffer.wrap(file).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    this.size = file.length;
    this.budget = new ReadBudget(file.length);
  }

  int size() {
    return size;
  }

  ReadBudget budget() {
    return budget;
  }

  /** The root table: the unsigned offset at byte 0 points to it. */
  CheckedTable rootTable() throws TfliteFormatException {
    return table(followOffset(0, "the root offset"), "the model table");
  }

  /** Reads the unsigned offset stored at {@code at} and returns the position it points to. */
  int followOffset(int at, String where) throws TfliteFormatException {
    require(at, OFFSET_BYTES, where, "an offset");
    long target = at + Integer.toUnsignedLong(bytes.getInt(at));
    if (target >= size) {
      throw malformed(where, "the offset at byte " + at + " points to byte " + target
          + ", past the end of the " + size + "-byte file");
    }
    return (int) target;
  }

  /** Checks the table at {@code position} and its vtable, then returns an accessor for it. */
  CheckedTable table(int position, String where) throws TfliteFormatException {
    budget.charge(1, where);
    require(position, OFFSET_BYTES, where, "a table");
    long vtable = (long) position - bytes.getInt(position);
    if (vtable < 0 || vtable + 4 > size) {
      throw malformed(where, "the table at byte " + position + " points to its field list (vtable)"
          + " at byte " + vtable + ", outside the " + size + "-byte file");
    }
    int vtableSize = Short.toUnsignedInt(bytes.getShort((int) vtable));
    int tableSize = Short.toUnsignedInt(bytes.getShort((int) vtable + 2));
    if (vtableSize < 4 || vtableSize % 2 != 0 || vtable + vtableSize > size) {
      throw malformed(where, "the field list (vtable) at byte " + vtable + " of the table at byte "
          + position + " has an invalid size of " + vtableSize + " bytes");
    }
    if (tableSize < OFFSET_BYTES || (long) position + tableSize > size) {
      throw malformed(where, "the table at byte " + position + " claims " + tableSize
          + " bytes, which do not fit in the " + size + "-byte file");
    }
    return new CheckedTable(this, bytes, position, tableSize, where);
  }

  /**
   * Checks the vector whose length prefix is at {@code position}: its elements of
   * {@code elementBytes} bytes each must all lie inside the file.
   */
  VectorRef vector(int position, int elementBytes, String where) throws TfliteFormatException {
    require(position, OFFSET_BYTES, where, "a vector length");
    long length = Integer.toUnsignedLong(bytes.getInt(position));
    long start = position + (long) OFFSET_BYTES;
    long remaining = size - start;
    if (length * elementBytes > remaining) {
      throw malformed(where, "the vector at byte " + position + " claims "
          + count(length, "element") + " of " + count(elementBytes, "byte") + ", but only "
          + remaining + " bytes remain in the " + size + "-byte file");
    }
    budget.charge(length, where);
    return new VectorRef((int) start, (int) length);
  }

  int[] int32s(VectorRef vector) {
    int[] values = new int[vector.length()];
    for (int i = 0; i < values.length; i++) {
      values[i] = bytes.getInt(vector.start() + 4 * i);
    }
    return values;
  }

  long[] int64s(VectorRef vector) {
    long[] values = new long[vector.length()];
    for (int i = 0; i < values.length; i++) {
      values[i] = bytes.getLong(vector.start() + 8 * i);
    }
    return values;
  }

  float[] float32s(VectorRef vector) {
    float[] values = new float[vector.length()];
    for (int i = 0; i < values.length; i++) {
      values[i] = bytes.getFloat(vector.start() + 4 * i);
    }
    return values;
  }

  byte[] bytes(VectorRef vector) {
    byte[] values = new byte[vector.length()];
    bytes.get(vector.start(), values);
    return values;
  }

  /** Decodes a string's bytes as UTF-8; invalid sequences become U+FFFD. */
  String utf8(VectorRef vector) {
    return new String(bytes(vector), StandardCharsets.UTF_8);
  }

  private void require(long position, int length, String where, String what)
      throws TfliteFormatException {
    if (position < 0 || position + length > size) {
      throw malformed(where, what + " at byte " + position + " needs " + length
          + " bytes, past the end of the " + size + "-byte file");
    }
  }

  private static String count(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  static TfliteFormatException malformed(String where, String problem) {
    return new TfliteFormatException("malformed TFLite model: " + where + ": " + problem);
  }

  /** A checked vector: {@code length} elements starting at byte {@code start}. */
  record VectorRef(int start, int length) {}
}
