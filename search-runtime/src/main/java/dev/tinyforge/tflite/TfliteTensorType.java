package dev.tinyforge.tflite;

/** TFLite's {@code TensorType}, with the code stored in the file and the size of one element. */
public enum TfliteTensorType {
  FLOAT32(0, 4),
  FLOAT16(1, 2),
  INT32(2, 4),
  UINT8(3, 1),
  INT64(4, 8),
  STRING(5, 0),
  BOOL(6, 1),
  INT16(7, 2),
  COMPLEX64(8, 8),
  INT8(9, 1),
  FLOAT64(10, 8),
  COMPLEX128(11, 16),
  UINT64(12, 8),
  RESOURCE(13, 0),
  VARIANT(14, 0),
  UINT32(15, 4),
  UINT16(16, 2),
  INT4(17, 0),
  BFLOAT16(18, 2),
  INT2(19, 0),
  UINT4(20, 0),
  FLOAT8_E4M3FN(21, 1),
  FLOAT8_E5M2(22, 1);

  private static final TfliteTensorType[] BY_CODE = values();

  private final int code;
  private final int elementBytes;

  TfliteTensorType(int code, int elementBytes) {
    this.code = code;
    this.elementBytes = elementBytes;
  }

  /** The number stored in the file. */
  public int code() {
    return code;
  }

  /**
   * Bytes per element, or 0 when elements have no fixed whole-byte size (strings, resources,
   * variants, and the packed 2- and 4-bit types).
   */
  public int elementBytes() {
    return elementBytes;
  }

  /** The type with this code, or null when the code is not a known TFLite type. */
  static TfliteTensorType fromCode(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }
}
