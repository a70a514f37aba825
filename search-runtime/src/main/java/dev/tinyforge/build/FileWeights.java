package dev.tinyforge.build;

import dev.tinyforge.diag.Locus;
import dev.tinyforge.diag.Message;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.graph.QuantParams;
import dev.tinyforge.graph.Weights;
import dev.tinyforge.weights.WeightsFile;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Constants from a weights file. Every layer must find a record of the right sizes with sane
 * quantization; {@link #checkAllUsed} then reports records that match no layer.
 */
public final class FileWeights implements WeightSource {
  private static final Locus WHERE = Locus.model("weights");

  private final String fileName;
  private final Map<String, WeightsFile.LayerRecord> records;
  private final Set<String> used = new LinkedHashSet<>();

  public FileWeights(String fileName, WeightsFile file) {
    this.fileName = fileName;
    this.records = file.byName();
  }

  @Override
  public LayerParams params(LayerRequest request, Problems problems) {
    WeightsFile.LayerRecord record = records.get(request.name());
    if (record == null) {
      return mismatch(problems, "it has no record for " + request.kind() + " '"
          + request.name() + "'");
    }
    used.add(request.name());
    String layer = request.kind() + " '" + request.name() + "'";
    if (!(record.outputScale() > 0) || Float.isInfinite(record.outputScale())) {
      return mismatch(problems, layer + " has output scale " + record.outputScale()
          + " (must be a positive number)");
    }
    if (record.outputZeroPoint() < -128 || record.outputZeroPoint() > 127) {
      return mismatch(problems, layer + " has output zero point " + record.outputZeroPoint()
          + " (must be in [-128, 127])");
    }
    QuantParams outQuant = new QuantParams(record.outputScale(), record.outputZeroPoint());
    if (!request.hasWeights()) {
      if (record.weights().length != 0 || record.bias().length != 0) {
        return mismatch(problems, layer + " takes no weights but the file gives "
            + record.weights().length);
      }
      return new LayerParams(null, null, outQuant);
    }
    if (record.weights().length != request.weightCount()) {
      return mismatch(problems, layer + " needs " + request.weightCount() + " weights, the file"
          + " has " + record.weights().length);
    }
    int scales = record.scales().length;
    if (scales != request.channels() && scales != 1) {
      return mismatch(problems, layer + " needs " + request.channels() + " weight scales (or 1),"
          + " the file has " + scales);
    }
    for (float scale : record.scales()) {
      if (!(scale > 0) || Float.isInfinite(scale)) {
        return mismatch(problems, layer + " has weight scale " + scale
            + " (must be a positive number)");
      }
    }
    int[] bias = record.bias();
    if (bias.length != request.channels() && bias.length != 0) {
      return mismatch(problems, layer + " needs " + request.channels() + " biases, the file has "
          + bias.length);
    }
    return new LayerParams(new Weights(record.weights(), record.scales()),
        bias.length == 0 ? null : bias, outQuant);
  }

  /** Reports records that belong to no layer: the file is for another model. */
  public void checkAllUsed(Problems problems) {
    for (String name : records.keySet()) {
      if (!used.contains(name)) {
        mismatch(problems, "its record '" + name + "' matches no layer that takes weights");
      }
    }
  }

  private LayerParams mismatch(Problems problems, String why) {
    problems.error(WHERE, Message.WEIGHTS_MISMATCH, fileName, why);
    return null;
  }
}
