package dev.tinyforge.emit.c;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The c-runtime's files, read from the processor's class path (tinyforge/c/ in its jar). */
public final class CRuntimeSources {
  private static final String ROOT = "tinyforge/c/";

  private final ClassLoader loader;

  public CRuntimeSources(ClassLoader loader) {
    this.loader = loader;
  }

  /** The bytes of {@code path} ("src/conv/tforge_conv2d_s8.c", "include/tforge.h"). */
  public byte[] read(String path) {
    try (InputStream in = loader.getResourceAsStream(ROOT + path)) {
      if (in == null) {
        throw new IllegalStateException("the c-runtime file " + path + " is not on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
