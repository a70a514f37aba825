package dev.tinyforge.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets TinyNAS choose the layers of a {@link TinyModel}: MobileNetV2-style inverted-residual
 * blocks searched under the model's board budgets (SRAM and flash, from {@code board} or
 * {@code sramKb}/{@code flashKb}). javac never trains: it reads the cached search result
 * ({@link #cache()}) and its int8 weights beside the class, written by
 * {@code tinyforge search --source <Model.java> --data <MNIST folder>}; a missing or stale cache
 * is a compile error naming that command. The class declares no layer fields, {@code input},
 * {@code weights}, {@code seed} or {@code tflite}.
 *
 * <p>Empty choice lists mean the task's ready-made choices (MCUNet's): kernels {3, 5, 7},
 * expansions {3, 4, 6}, depths {2, 3, 4}, widths 0.2 to 1.0 and, for digits, resolutions 12 to 28.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SearchSpace {
  /** The task and its stage table: "digits" (28x28 grey images, 10 classes, e.g. MNIST). */
  String task() default "digits";

  /** Depthwise kernel sizes a block may take (odd). */
  int[] kernels() default {};

  /** Expansion ratios a block may take. */
  int[] expansions() default {};

  /** Block counts a stage may take. */
  int[] depths() default {};

  /** Global width multipliers stage 1 compares. */
  double[] widths() default {};

  /** Input resolutions stage 1 compares (the images are resized to the chosen one). */
  int[] resolutions() default {};

  /** Networks stage 1 samples per (width, resolution). */
  int samples() default 1000;

  /** Seed of the whole search: sampling, training and evolution. */
  long seed() default 1;

  /** The cached search result beside the class. Default: {@code <ClassName>.search.json}. */
  String cache() default "";
}
