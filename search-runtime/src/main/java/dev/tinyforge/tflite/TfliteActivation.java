package dev.tinyforge.tflite;

/** TFLite's {@code ActivationFunctionType}: the activation fused into an operator's output. */
public enum TfliteActivation {
  NONE,
  RELU,
  RELU_N1_TO_1,
  RELU6,
  TANH,
  SIGN_BIT;

  static TfliteActivation fromCode(int code) {
    return code >= 0 && code < values().length ? values()[code] : null;
  }
}
