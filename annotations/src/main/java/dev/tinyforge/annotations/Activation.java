package dev.tinyforge.annotations;

/** The activation fused into a layer's requantization clamp. */
public enum Activation {
  NONE,
  RELU,
  RELU6
}
