package dev.tinyforge.example;

import dev.tinyforge.engine.LayerFacts;
import dev.tinyforge.firmware.CTarget;
import dev.tinyforge.firmware.ModelRunner;
import dev.tinyforge.firmware.RunResult;
import dev.tinyforge.mirror.ModelMirror;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The main job: for each example model, the layer table and the memory and flash figures against
 * the board's budget; then inferences through the Java mirror and through the generated C built
 * with the host compiler, compared byte for byte.
 */
public final class Main {
  private static final PrintStream OUT = System.out;

  private Main() {}

  public static void main(String[] args) throws IOException {
    Path firmware = Path.of(System.getProperty("tinyforge.firmware",
        "example-app/target/generated-sources/annotations/tinyforge"));
    DigitSamples samples = DigitSamples.load();
    List<ModelMirror> models =
        List.of(new DigitsMlpMirror(), new DigitsCnnMirror(), new DigitsNasMirror());
    boolean allAgree = true;
    for (ModelMirror model : models) {
      printFacts(model);
      allAgree &= compareWithFirmware(model, firmware.resolve(model.name()), samples);
      OUT.println();
    }
    if (!allAgree) {
      OUT.println("MISMATCH: the Java mirror and the generated C disagree");
      System.exit(1);
    }
    OUT.println("All models: the Java mirror and the generated C agree byte for byte.");
  }

  private static void printFacts(ModelMirror model) {
    OUT.printf(Locale.ROOT, "== %s on %s ==%n", model.name(), model.board());
    OUT.printf(Locale.ROOT, "%-18s %-18s %-12s %10s %8s %10s%n", "layer", "op", "output", "MACs",
        "params", "live B");
    for (LayerFacts layer : model.layers()) {
      int[] s = layer.outputShape();
      String shape = s[0] == 1 && s[1] == 1 ? "[" + s[2] + "]" : s[0] + "x" + s[1] + "x" + s[2];
      OUT.printf(Locale.ROOT, "%-18s %-18s %-12s %,10d %,8d %,10d%n", layer.name(), layer.op(),
          shape, layer.macs(), layer.params(), layer.bytesLive());
    }
    OUT.printf(Locale.ROOT, "MACs %,d%n", model.macs());
    OUT.printf(Locale.ROOT, "peak SRAM %,d B of %,d B (%.1f%%), arena incl. input and output%n",
        model.peakSramBytes(), model.sramBudgetBytes(),
        100.0 * model.peakSramBytes() / model.sramBudgetBytes());
    OUT.printf(Locale.ROOT, "flash     %,d B of %,d B (%.1f%%), weights + estimated code%n",
        model.flashBytesEstimate(), model.flashBudgetBytes(),
        100.0 * model.flashBytesEstimate() / model.flashBudgetBytes());
  }

  private static boolean compareWithFirmware(ModelMirror model, Path folder,
      DigitSamples samples) throws IOException {
    Path work = Files.createTempDirectory("tinyforge-example-");
    List<byte[]> inputs = samples.inputsFor(model.inputBytes());
    RunResult c = ModelRunner.on(CTarget.HOST).run(folder, model.name(), inputs, work);
    int agree = 0;
    int mirrorCorrect = 0;
    int cCorrect = 0;
    for (int i = 0; i < inputs.size(); i++) {
      byte[] java = model.invoke(inputs.get(i));
      if (Arrays.equals(java, c.output(i))) {
        agree++;
      }
      mirrorCorrect += argMax(java) == samples.labels().get(i) ? 1 : 0;
      cCorrect += argMax(c.output(i)) == samples.labels().get(i) ? 1 : 0;
      if (i == 0) {
        OUT.printf(Locale.ROOT, "digit %d: mirror %s%n", samples.labels().get(i),
            Arrays.toString(java));
        OUT.printf(Locale.ROOT, "digit %d: host C %s%n", samples.labels().get(i),
            Arrays.toString(c.output(i)));
      }
    }
    OUT.printf(Locale.ROOT, "%d of %d digits: mirror and C agree byte for byte%n", agree,
        inputs.size());
    OUT.printf(Locale.ROOT, "int8 accuracy on the %d shipped digits: mirror %d/%d (%.0f%%),"
            + " generated C %d/%d (%.0f%%)%n", inputs.size(), mirrorCorrect, inputs.size(),
        100.0 * mirrorCorrect / inputs.size(), cCorrect, inputs.size(),
        100.0 * cCorrect / inputs.size());
    return agree == inputs.size();
  }

  private static int argMax(byte[] scores) {
    int best = 0;
    for (int i = 1; i < scores.length; i++) {
      if (scores[i] > scores[best]) {
        best = i;
      }
    }
    return best;
  }
}
