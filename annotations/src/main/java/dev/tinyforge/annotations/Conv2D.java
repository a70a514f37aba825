package dev.tinyforge.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A 2-D convolution with square kernels: {@code filters} output channels. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Conv2D {
  int filters();

  int kernel() default 3;

  int stride() default 1;

  Padding padding() default Padding.SAME;

  Activation activation() default Activation.NONE;
}
