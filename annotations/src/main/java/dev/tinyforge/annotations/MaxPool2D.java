package dev.tinyforge.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Max pooling over {@code pool x pool} windows; stride 0 means the pool size. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface MaxPool2D {
  int pool() default 2;

  int stride() default 0;

  Padding padding() default Padding.VALID;
}
