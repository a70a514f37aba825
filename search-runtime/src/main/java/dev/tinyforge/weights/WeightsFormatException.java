package dev.tinyforge.weights;

/** A weights file that cannot be read: the message says what is wrong and at which byte. */
public final class WeightsFormatException extends Exception {
  public WeightsFormatException(String message) {
    super(message);
  }
}
