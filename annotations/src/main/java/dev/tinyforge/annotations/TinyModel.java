package dev.tinyforge.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an int8 neural network that TinyForge compiles, at {@code javac} time, into a C
 * inference engine for {@link #board()}, a Java mirror of it, and a report.
 *
 * <p>The layers are the annotated {@link Layer} fields of the class, in source order; or the
 * whole model comes from a trained int8 TFLite file named by {@link #tflite()}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface TinyModel {
  /** The target board; its SRAM and flash are the budgets the memory plan must meet. */
  Board board();

  /** Overrides the board's SRAM in KiB; required with {@link Board#CUSTOM}. 0 = the board's. */
  int sramKb() default 0;

  /** Overrides the board's flash in KiB; required with {@link Board#CUSTOM}. 0 = the board's. */
  int flashKb() default 0;

  /** Core clock in MHz of a {@link Board#CUSTOM} board. 0 = the board's. */
  int clockMhz() default 0;

  /** Input shape without the batch: {height, width, channels}, or {features}. */
  int[] input() default {};

  /** C identifier of the model (file and function prefix). Default: the class name in snake_case. */
  String name() default "";

  /** Real value of one input step; input real = inputScale * (q - inputZeroPoint). */
  double inputScale() default 1.0 / 255.0;

  /** Input zero point, in [-128, 127]. */
  int inputZeroPoint() default -128;

  /**
   * Weights file, relative to the class's package on the source or class path. Default:
   * {@code <ClassName>.tfw}. Without it the model gets deterministic seeded weights (a warning).
   */
  String weights() default "";

  /** Seed of the deterministic weights used when no weights file exists. */
  long seed() default 1;

  /**
   * A trained, fully int8 quantized {@code .tflite} model to compile instead of layer fields.
   * Found like {@link #weights()}: relative to the class's package on the source path, then on
   * the class path (e.g. {@code src/main/resources/<package>/model.tflite}); a leading {@code /}
   * makes it relative to their roots. The file gives the layers, the input shape and the
   * quantization, so such a model declares no layer fields, {@code input}, {@code inputScale},
   * {@code inputZeroPoint}, {@code weights} or {@code seed}. Default: none.
   */
  String tflite() default "";
}
