package dev.tinyforge.data;

/** A data set that is missing, malformed, or does not fit the task; the message says which file and why. */
public final class DataSetException extends Exception {
  public DataSetException(String message) {
    super(message);
  }

  public DataSetException(String message, Throwable cause) {
    super(message, cause);
  }
}
