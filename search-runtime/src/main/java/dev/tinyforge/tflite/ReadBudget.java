package dev.tinyforge.tflite;

/**
 * Bounds the work of one read by the size of the file. Every table visited and every vector
 * element or string byte decoded costs one unit. A well-formed file without shared vectors costs
 * at most one unit per byte (each element takes at least one byte of its own); the limit allows
 * four times that, so only files that point many tables at the same large vector run out, and no
 * crafted file can make the reader do more than linear work or allocate more than linear memory.
 */
final class ReadBudget {
  private static final long UNITS_PER_BYTE = 4;
  private static final long BASE_UNITS = 4096;

  private final long limit;
  private long used;

  ReadBudget(int fileSize) {
    this.limit = UNITS_PER_BYTE * fileSize + BASE_UNITS;
  }

  void charge(long units, String where) throws TfliteFormatException {
    used += units;
    if (used > limit) {
      throw new TfliteFormatException(
          "malformed TFLite model: " + where + ": the file refers to the same data so often that"
              + " decoding it would take more than " + limit + " steps for "
              + (limit - BASE_UNITS) / UNITS_PER_BYTE + " bytes");
    }
  }

  long used() {
    return used;
  }

  long limit() {
    return limit;
  }
}
