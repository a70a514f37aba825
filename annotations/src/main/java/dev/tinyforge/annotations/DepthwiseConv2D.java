package dev.tinyforge.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A depthwise convolution: each input channel has its own {@code depthMultiplier} filters. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface DepthwiseConv2D {
  int kernel() default 3;

  int stride() default 1;

  int depthMultiplier() default 1;

  Padding padding() default Padding.SAME;

  Activation activation() default Activation.NONE;
}
