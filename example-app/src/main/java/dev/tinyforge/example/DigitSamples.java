package dev.tinyforge.example;

import dev.tinyforge.data.Images;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Twenty MNIST test digits shipped with the app (digits-sample.bin: per digit one label byte and
 * 784 pixel bytes, row-major), quantized for a model input with scale 1/255 and zero point -128.
 */
record DigitSamples(List<Integer> labels, List<byte[]> inputs) {
  static final int PIXELS = 28 * 28;

  /**
   * The digits as inputs of {@code bytes} bytes: 28x28 as shipped, or resized to a smaller square
   * resolution the way TinyNAS trained a searched model ({@code Images.resize}).
   */
  List<byte[]> inputsFor(int bytes) {
    if (bytes == PIXELS) {
      return inputs;
    }
    int size = (int) Math.round(Math.sqrt(bytes));
    List<byte[]> resized = new ArrayList<>();
    for (byte[] input : inputs) {
      byte[] pixels = new byte[PIXELS];
      for (int i = 0; i < PIXELS; i++) {
        pixels[i] = (byte) (input[i] + 128);
      }
      resized.add(Images.toInt8(Images.resize(pixels, 28, size)));
    }
    return resized;
  }

  static DigitSamples load() {
    try (InputStream in = DigitSamples.class.getResourceAsStream("digits-sample.bin")) {
      byte[] bytes = in.readAllBytes();
      List<Integer> labels = new ArrayList<>();
      List<byte[]> inputs = new ArrayList<>();
      for (int at = 0; at + 1 + PIXELS <= bytes.length; at += 1 + PIXELS) {
        labels.add(bytes[at] & 0xFF);
        byte[] input = new byte[PIXELS];
        for (int i = 0; i < PIXELS; i++) {
          // pixel / 255 in real terms: q = pixel + zero point (-128).
          input[i] = (byte) ((bytes[at + 1 + i] & 0xFF) - 128);
        }
        inputs.add(input);
      }
      return new DigitSamples(labels, inputs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
