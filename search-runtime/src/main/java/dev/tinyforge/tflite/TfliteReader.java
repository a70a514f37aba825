package dev.tinyforge.tflite;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads a {@code .tflite} file (a TFLite flatbuffer, schema version 3) into a {@link TfliteModel}.
 *
 * <p>The file is untrusted input: every offset, length and index is checked before use, the work
 * done is linear in the size of the file, and every problem ends in a
 * {@link TfliteFormatException} that says what is wrong and where.
 */
public final class TfliteReader {
  /** Bytes 4..8 of every TFLite flatbuffer. */
  public static final String FILE_IDENTIFIER = "TFL3";

  private static final int HEADER_BYTES = 8;
  private static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

  private TfliteReader() {}

  /** Reads a model from the bytes of a {@code .tflite} file. The array is not kept. */
  public static TfliteModel read(byte[] file) throws TfliteFormatException {
    Objects.requireNonNull(file, "file");
    checkHeader(file);
    try {
      return ModelDecoder.decode(new FlatBufferReader(file));
    } catch (IndexOutOfBoundsException | BufferUnderflowException | NegativeArraySizeException
        | ArithmeticException | IllegalArgumentException | IllegalStateException e) {
      // Unreachable by design: every read is checked first. Kept so that a gap in those checks
      // still reaches the caller as a clear rejection, never as a crash.
      throw new TfliteFormatException("malformed TFLite model: the reader failed on an unchecked"
          + " case (" + e + "); this is a bug in TinyForge's TFLite reader, please report it", e);
    }
  }

  /** Reads a model from a {@code .tflite} file; problems reading the file are reported alike. */
  public static TfliteModel read(Path file) throws TfliteFormatException {
    Objects.requireNonNull(file, "file");
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw new TfliteFormatException(
            "cannot read TFLite model " + file + ": it is a directory, not a .tflite file");
      }
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw new TfliteFormatException("cannot read TFLite model " + file + ": it has " + size
            + " bytes; TinyForge reads models smaller than 2 GB");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new TfliteFormatException("cannot read TFLite model " + file + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new TfliteFormatException(
          "cannot read TFLite model " + file + ": permission denied", e);
    } catch (IOException e) {
      throw new TfliteFormatException(
          "cannot read TFLite model " + file + ": " + e.getMessage(), e);
    }
    try {
      return read(bytes);
    } catch (TfliteFormatException e) {
      throw new TfliteFormatException(file + ": " + e.getMessage(), e.getCause());
    }
  }

  private static void checkHeader(byte[] file) throws TfliteFormatException {
    if (file.length == 0) {
      throw new TfliteFormatException("not a TFLite model: the file is empty");
    }
    if (file.length < HEADER_BYTES) {
      throw new TfliteFormatException("not a TFLite model: the file has only " + file.length
          + " byte" + (file.length == 1 ? "" : "s") + ", less than the 8-byte flatbuffer header"
          + " (root table offset, then the identifier \"" + FILE_IDENTIFIER + "\")");
    }
    byte[] expected = FILE_IDENTIFIER.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < expected.length; i++) {
      if (file[4 + i] != expected[i]) {
        throw new TfliteFormatException("not a TFLite model: bytes 4..8 should hold the file"
            + " identifier \"" + FILE_IDENTIFIER + "\" but hold " + describe(file, 4, 4));
      }
    }
  }

  /** Hex and printable ASCII, e.g. {@code 50 4b 03 04 ("PK..")}. */
  private static String describe(byte[] bytes, int from, int count) {
    StringBuilder hex = new StringBuilder();
    StringBuilder text = new StringBuilder();
    for (int i = from; i < from + count; i++) {
      int b = Byte.toUnsignedInt(bytes[i]);
      hex.append(hex.length() == 0 ? "" : " ").append(String.format("%02x", b));
      text.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
    }
    return hex + " (\"" + text + "\")";
  }
}
