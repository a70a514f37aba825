package dev.tinyforge.kernels;

/** The activation fused into a kernel's output clamp. */
public enum Activation {
  NONE,
  RELU,
  RELU6
}
