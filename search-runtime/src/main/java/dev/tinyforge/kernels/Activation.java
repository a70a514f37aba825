package dev.tinyforge.kernels;

/** The activations TF Lite fuses into an op's output clamp (its FusedActivationFunctionType). */
public enum Activation {
  NONE,
  RELU,
  RELU6
}
