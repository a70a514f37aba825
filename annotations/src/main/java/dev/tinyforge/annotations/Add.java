package dev.tinyforge.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A residual addition: the previous layer's output plus the output of the earlier layer named by
 * {@code with} (a field name). Use "input" for the model's input.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Add {
  String with();

  Activation activation() default Activation.NONE;
}
