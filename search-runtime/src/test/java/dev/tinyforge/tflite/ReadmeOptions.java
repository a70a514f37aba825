package dev.tinyforge.tflite;

import java.util.Arrays;

/** Writes an operator's options as the model READMEs print them: "stride 2x2, SAME, act=RELU". */
final class ReadmeOptions {
  private ReadmeOptions() {}

  static String describe(TfliteOperator op) {
    TfliteOptions options = op.options();
    if (options instanceof TfliteOptions.Conv2D c) {
      return "stride " + c.strideH() + "x" + c.strideW() + ", " + c.padding() + ", act="
          + c.activation();
    }
    if (options instanceof TfliteOptions.Pool2D p) {
      return "filter " + p.filterHeight() + "x" + p.filterWidth() + ", stride " + p.strideH() + "x"
          + p.strideW() + ", " + p.padding() + ", act=" + p.activation();
    }
    if (options instanceof TfliteOptions.FullyConnected f) {
      return "act=" + f.activation();
    }
    if (options instanceof TfliteOptions.Add a) {
      return "act=" + a.activation();
    }
    if (options instanceof TfliteOptions.Mul m) {
      return "act=" + m.activation();
    }
    if (options instanceof TfliteOptions.Concatenation c) {
      return "axis=" + c.axis() + ", act=" + c.activation();
    }
    if (options instanceof TfliteOptions.Reducer r) {
      return "keep_dims=" + r.keepDims();
    }
    if (options instanceof TfliteOptions.Squeeze s) {
      return "squeeze_dims=" + Arrays.toString(s.squeezeDims());
    }
    if (options instanceof TfliteOptions.Softmax s) {
      float beta = s.beta();
      String printed = beta == Math.rint(beta) ? String.valueOf((long) beta) : String.valueOf(beta);
      return "beta=" + printed;
    }
    return "";
  }
}
