package dev.tinyforge.tflite;

/** TFLite's {@code Padding}: SAME pads so that output = ceil(input / stride), VALID never pads. */
public enum TflitePadding {
  SAME,
  VALID;

  static TflitePadding fromCode(int code) {
    return code >= 0 && code < values().length ? values()[code] : null;
  }
}
