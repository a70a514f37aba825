package dev.tinyforge.tflite;

/**
 * A {@code .tflite} file could not be read: it is not a TFLite flatbuffer, it is malformed (an
 * offset, a length or an index points outside the file or its tables), it uses a feature this
 * reader does not support, or the file itself could not be read. The message says what is wrong
 * and where (byte offset, subgraph, tensor or operator index).
 */
public final class TfliteFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public TfliteFormatException(String message) {
    super(message);
  }

  public TfliteFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
