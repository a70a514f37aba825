package dev.tinyforge.annotations;

/** TF Lite's padding rules: SAME keeps ceil(in / stride) outputs, VALID only whole windows. */
public enum Padding {
  SAME,
  VALID
}
