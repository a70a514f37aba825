package dev.tinyforge.parity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Java sources of small {@code @TinyModel} classes, each around one op of random shape and
 * parameters, generated from a seed so that a failure can be reproduced.
 */
final class RandomModels {
  private static final String[] ACTIVATIONS = {"NONE", "RELU", "RELU6"};

  private final Random random;

  RandomModels(long seed) {
    this.random = new Random(seed);
  }

  /** A model: its class name, C name, input size and source. */
  record Source(String className, String cName, int inputBytes, String text) {}

  List<Source> generate(int count) {
    List<Source> sources = new ArrayList<>();
    String[] kinds = {"conv", "depthwise", "dense", "avgpool", "maxpool", "gap", "add", "softmax"};
    for (int i = 0; i < count; i++) {
      sources.add(model(i, kinds[i % kinds.length]));
    }
    return sources;
  }

  private Source model(int index, String kind) {
    int h = 1 + random.nextInt(12);
    int w = 1 + random.nextInt(12);
    int c = 1 + random.nextInt(12);
    String layers;
    switch (kind) {
      case "conv" -> {
        int kernel = pick(1, 3, 5);
        String padding = kernel <= Math.min(h, w) && random.nextBoolean() ? "VALID" : "SAME";
        layers = String.format(Locale.ROOT, "@Conv2D(filters = %d, kernel = %d, stride = %d,"
            + " padding = Padding.%s, activation = Activation.%s) Layer op;",
            1 + random.nextInt(16), kernel, 1 + random.nextInt(2), padding, activation());
      }
      case "depthwise" -> {
        int kernel = pick(3, 5, 7);
        String padding = kernel <= Math.min(h, w) && random.nextBoolean() ? "VALID" : "SAME";
        layers = String.format(Locale.ROOT, "@DepthwiseConv2D(kernel = %d, stride = %d,"
            + " depthMultiplier = %d, padding = Padding.%s, activation = Activation.%s) Layer op;",
            kernel, 1 + random.nextInt(2), 1 + random.nextInt(2), padding, activation());
      }
      case "dense" -> layers = String.format(Locale.ROOT,
          "@Flatten Layer flat; @Dense(units = %d, activation = Activation.%s) Layer op;",
          1 + random.nextInt(32), activation());
      case "avgpool", "maxpool" -> {
        int pool = 1 + random.nextInt(Math.min(3, Math.min(h, w)));
        String padding = random.nextBoolean() ? "VALID" : "SAME";
        layers = String.format(Locale.ROOT, "@%s(pool = %d, stride = %d, padding = Padding.%s)"
            + " Layer op;", kind.equals("avgpool") ? "AvgPool2D" : "MaxPool2D", pool,
            1 + random.nextInt(2), padding);
      }
      case "gap" -> layers = "@GlobalAvgPool Layer op;";
      case "add" -> layers = String.format(Locale.ROOT, "@Conv2D(filters = %d, kernel = 1) Layer"
          + " mix; @Add(with = \"input\", activation = Activation.%s) Layer op;", c, activation());
      default -> layers = "@Softmax Layer op;";
    }
    String className = String.format(Locale.ROOT, "Random%02d%s", index,
        Character.toUpperCase(kind.charAt(0)) + kind.substring(1));
    String cName = String.format(Locale.ROOT, "random%02d_%s", index, kind);
    String text = "package parity;\n"
        + "import dev.tinyforge.annotations.*;\n"
        + String.format(Locale.ROOT, "@TinyModel(board = Board.STM32F746, name = \"%s\","
            + " input = {%d, %d, %d}, inputScale = %s, inputZeroPoint = %d, seed = %d)\n",
            cName, h, w, c, (0.005 + random.nextDouble() * 0.05) + "", random.nextInt(256) - 128,
            random.nextInt(1000))
        + "final class " + className + " {\n  " + layers + "\n}\n";
    return new Source(className, cName, h * w * c, text);
  }

  private int pick(int... values) {
    return values[random.nextInt(values.length)];
  }

  private String activation() {
    return ACTIVATIONS[random.nextInt(ACTIVATIONS.length)];
  }
}
