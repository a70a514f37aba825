package dev.tinyforge.tflite;

import com.google.flatbuffers.Table;
import dev.tinyforge.tflite.FlatBufferReader.VectorRef;
import java.nio.ByteBuffer;

/**
 * One flatbuffer table whose position, vtable and inline size {@link FlatBufferReader#table} has
 * already checked. Fields are addressed by their id in {@code schema.fbs} (a union takes two ids:
 * its type, then its value). Each accessor checks that the field lies inside the table before
 * reading it, and every offset it follows is checked again by the reader.
 */
final class CheckedTable extends Table {
  private final FlatBufferReader reader;
  private final int tableSize;
  private final String where;

  CheckedTable(
      FlatBufferReader reader, ByteBuffer bytes, int position, int tableSize, String where) {
    this.reader = reader;
    this.tableSize = tableSize;
    this.where = where;
    __reset(position, bytes);
  }

  /** What this table is, for messages: e.g. "subgraph 0, tensor 12". */
  String where() {
    return where;
  }

  int int32(int fieldId, String field, int defaultValue) throws TfliteFormatException {
    int at = fieldPosition(fieldId, 4, field);
    return at < 0 ? defaultValue : bb.getInt(at);
  }

  long uint32(int fieldId, String field, long defaultValue) throws TfliteFormatException {
    int at = fieldPosition(fieldId, 4, field);
    return at < 0 ? defaultValue : Integer.toUnsignedLong(bb.getInt(at));
  }

  /** An unsigned 64-bit field, returned as its raw bits. */
  long uint64(int fieldId, String field) throws TfliteFormatException {
    int at = fieldPosition(fieldId, 8, field);
    return at < 0 ? 0 : bb.getLong(at);
  }

  int int8(int fieldId, String field, int defaultValue) throws TfliteFormatException {
    int at = fieldPosition(fieldId, 1, field);
    return at < 0 ? defaultValue : bb.get(at);
  }

  int uint8(int fieldId, String field) throws TfliteFormatException {
    int at = fieldPosition(fieldId, 1, field);
    return at < 0 ? 0 : Byte.toUnsignedInt(bb.get(at));
  }

  boolean bool(int fieldId, String field, boolean defaultValue) throws TfliteFormatException {
    int at = fieldPosition(fieldId, 1, field);
    return at < 0 ? defaultValue : bb.get(at) != 0;
  }

  float float32(int fieldId, String field, float defaultValue) throws TfliteFormatException {
    int at = fieldPosition(fieldId, 4, field);
    return at < 0 ? defaultValue : bb.getFloat(at);
  }

  boolean has(int fieldId) {
    return __offset(slot(fieldId)) != 0;
  }

  /** A sub-table, or null when the field is absent. */
  CheckedTable table(int fieldId, String field, String subWhere) throws TfliteFormatException {
    int at = fieldPosition(fieldId, FlatBufferReader.OFFSET_BYTES, field);
    if (at < 0) {
      return null;
    }
    return reader.table(reader.followOffset(at, where + ", " + field), subWhere);
  }

  /** A vector field, or null when absent. */
  VectorRef vector(int fieldId, String field, int elementBytes) throws TfliteFormatException {
    int at = fieldPosition(fieldId, FlatBufferReader.OFFSET_BYTES, field);
    if (at < 0) {
      return null;
    }
    String fieldWhere = where + ", " + field;
    return reader.vector(reader.followOffset(at, fieldWhere), elementBytes, fieldWhere);
  }

  /** An [int] field; absent reads as null. */
  int[] int32Vector(int fieldId, String field) throws TfliteFormatException {
    VectorRef vector = vector(fieldId, field, 4);
    return vector == null ? null : reader.int32s(vector);
  }

  /** A [long] field; absent reads as null. */
  long[] int64Vector(int fieldId, String field) throws TfliteFormatException {
    VectorRef vector = vector(fieldId, field, 8);
    return vector == null ? null : reader.int64s(vector);
  }

  /** A [float] field; absent reads as null. */
  float[] float32Vector(int fieldId, String field) throws TfliteFormatException {
    VectorRef vector = vector(fieldId, field, 4);
    return vector == null ? null : reader.float32s(vector);
  }

  /** A [ubyte] field; absent reads as null. */
  byte[] byteVector(int fieldId, String field) throws TfliteFormatException {
    VectorRef vector = vector(fieldId, field, 1);
    return vector == null ? null : reader.bytes(vector);
  }

  /** A string field; absent reads as null. */
  String string(int fieldId, String field) throws TfliteFormatException {
    VectorRef vector = vector(fieldId, field, 1);
    return vector == null ? null : reader.utf8(vector);
  }

  /** A vector of tables; absent reads as an empty vector. */
  TableVector tableVector(int fieldId, String field) throws TfliteFormatException {
    VectorRef vector = vector(fieldId, field, FlatBufferReader.OFFSET_BYTES);
    VectorRef offsets = vector == null ? new VectorRef(0, 0) : vector;
    return new TableVector(reader, offsets, where + ", " + field);
  }

  /** Byte position of the field, or -1 when absent; the field must lie inside this table. */
  private int fieldPosition(int fieldId, int width, String field) throws TfliteFormatException {
    int offset = __offset(slot(fieldId));
    if (offset == 0) {
      return -1;
    }
    if (offset < FlatBufferReader.OFFSET_BYTES || offset + width > tableSize) {
      throw FlatBufferReader.malformed(where, "field '" + field + "' at byte " + (bb_pos + offset)
          + " lies outside its " + tableSize + "-byte table at byte " + bb_pos);
    }
    return bb_pos + offset;
  }

  private static int slot(int fieldId) {
    return 4 + 2 * fieldId;
  }

  /** A checked vector of table offsets. */
  static final class TableVector {
    private final FlatBufferReader reader;
    private final VectorRef offsets;
    private final String where;

    private TableVector(FlatBufferReader reader, VectorRef offsets, String where) {
      this.reader = reader;
      this.offsets = offsets;
      this.where = where;
    }

    int length() {
      return offsets.length();
    }

    CheckedTable get(int index, String elementWhere) throws TfliteFormatException {
      int at = offsets.start() + FlatBufferReader.OFFSET_BYTES * index;
      return reader.table(reader.followOffset(at, where + "[" + index + "]"), elementWhere);
    }
  }
}
