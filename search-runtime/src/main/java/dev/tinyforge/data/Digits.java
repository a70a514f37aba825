package dev.tinyforge.data;

import java.util.Arrays;

/**
 * Labelled grey images: {@code count} images of {@code size x size} unsigned pixels, row-major,
 * and one label in [0, classes) each.
 */
public record Digits(int size, byte[][] images, int[] labels) {
  public int count() {
    return labels.length;
  }

  /** Pixel {@code i} of image {@code n}, 0..255. */
  public int pixel(int n, int i) {
    return images[n][i] & 0xFF;
  }

  /** Images {@code from} (inclusive) to {@code to} (exclusive). */
  public Digits slice(int from, int to) {
    return new Digits(size, Arrays.copyOfRange(images, from, to), Arrays.copyOfRange(labels, from, to));
  }

  /** The first {@code n} images (all when there are fewer). */
  public Digits first(int n) {
    return slice(0, Math.min(n, count()));
  }

  /** Every image resized to {@code resolution x resolution} ({@link Images#resize}). */
  public Digits resized(int resolution) {
    if (resolution == size) {
      return this;
    }
    byte[][] resized = new byte[images.length][];
    for (int n = 0; n < images.length; n++) {
      resized[n] = Images.resize(images[n], size, resolution);
    }
    return new Digits(resolution, resized, labels);
  }

  /** The int8 model input of image {@code n} for input scale 1/255, zero point -128. */
  public byte[] int8Input(int n) {
    return Images.toInt8(images[n]);
  }
}
