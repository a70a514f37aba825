package dev.tinyforge.tflite;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads every model of the shared models directory and checks the result against what the
 * folders document independently: tensors/INDEX.txt (made by TF Lite Micro) and the README
 * operator tables.
 */
class TfliteReaderSharedModelsTest {
  private static final Pattern ACTIVATION_REF = Pattern.compile("t(\\d+) \\[([^\\]]*)\\]");
  private static final Pattern CONSTANT_REF = Pattern.compile(
      "const (\\w+) \\[([^\\]]*)\\](?: = (\\[.*\\]|-?\\d+))?(?: per-channel\\((\\d+)\\))?"
          + "(?: s=(\\S+) zp=(-?\\d+))?");
  private static final Pattern INTEGER = Pattern.compile("-?\\d+");

  static Stream<String> models() {
    return SharedModels.folders().stream().map(folder -> folder.getFileName().toString());
  }

  static Stream<String> modelsWithTensorIndex() {
    return models().filter(
        name -> Files.isRegularFile(SharedModels.folder(name).resolve("tensors/INDEX.txt")));
  }

  static Stream<String> modelsWithOperatorTable() {
    return models().filter(name -> {
      Path readme = SharedModels.folder(name).resolve("README.md");
      return Files.isRegularFile(readme) && !OperatorTable.read(readme).rows.isEmpty();
    });
  }

  @ParameterizedTest
  @MethodSource("models")
  void readsEveryModelAsOneSubgraphOfSchemaVersion3(String name) throws Exception {
    TfliteModel model = SharedModels.read(name);

    assertThat(model.schemaVersion()).isEqualTo(3);
    assertThat(model.subgraphCount()).isEqualTo(1);
    assertThat(model.inputs()).hasLength(1);
    assertThat(model.outputs()).hasLength(1);
    assertThat(model.operators()).isNotEmpty();
    for (TfliteOperator op : model.operators()) {
      assertWithMessage(name + " " + op).that(op.op()).isNotEqualTo(TfliteBuiltinOperator.OTHER);
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void readingBytesAndReadingThePathAgree(String name) throws Exception {
    TfliteModel fromPath = SharedModels.read(name);
    TfliteModel fromBytes = TfliteReader.read(SharedModels.bytes(SharedModels.folder(name)));

    assertThat(fromBytes).isEqualTo(fromPath);
  }

  @ParameterizedTest
  @MethodSource("modelsWithTensorIndex")
  void everyTensorInTheIndexMatches(String name) throws Exception {
    TfliteModel model = SharedModels.read(name);
    List<TensorIndexFile.Entry> entries =
        TensorIndexFile.read(SharedModels.folder(name).resolve("tensors/INDEX.txt"));
    assertThat(entries).isNotEmpty();

    for (TensorIndexFile.Entry entry : entries) {
      String what = name + " t" + entry.index();
      TfliteTensor tensor = model.tensors().get(entry.index());
      assertWithMessage(what).that(tensor.index()).isEqualTo(entry.index());
      assertWithMessage(what + " name").that(tensor.name()).isEqualTo(entry.name());
      assertWithMessage(what + " type").that(tensor.type().name()).isEqualTo(entry.type());
      assertWithMessage(what + " shape").that(tensor.shape()).isEqualTo(entry.shape());
      assertWithMessage(what + " constant").that(tensor.isConstant()).isFalse();
      double scale = Double.parseDouble(entry.scale());
      if (scale == 0) {
        assertWithMessage(what + " quantized").that(tensor.quantization().isQuantized()).isFalse();
        continue;
      }
      TfliteQuantization quantization = tensor.quantization();
      assertWithMessage(what + " per-tensor").that(quantization.isPerTensor()).isTrue();
      assertWithMessage(what + " scale").that((double) quantization.scale())
          .isWithin(TensorIndexFile.tolerance(entry.scale())).of(scale);
      assertWithMessage(what + " zero point").that(quantization.zeroPoint())
          .isEqualTo(entry.zeroPoint());
    }
  }

  @ParameterizedTest
  @MethodSource("modelsWithOperatorTable")
  void operatorsMatchTheReadmeTable(String name) throws Exception {
    TfliteModel model = SharedModels.read(name);
    OperatorTable table = OperatorTable.read(SharedModels.folder(name).resolve("README.md"));

    assertThat(model.operators()).hasSize(table.rows.size());
    for (OperatorTable.Row row : table.rows) {
      TfliteOperator op = model.operators().get(row.index());
      String what = name + " operator " + row.index();
      assertWithMessage(what).that(op.opName()).isEqualTo(row.op());
      assertWithMessage(what + " inputs").that(op.inputs()).hasLength(row.inputs().size());
      for (int i = 0; i < row.inputs().size(); i++) {
        checkInput(model, op.inputs()[i], row.inputs().get(i), what + " input " + i);
      }
      assertWithMessage(what + " outputs").that(op.outputs()).hasLength(row.outputs().size());
      for (int i = 0; i < row.outputs().size(); i++) {
        checkInput(model, op.outputs()[i], row.outputs().get(i), what + " output " + i);
      }
      assertWithMessage(what + " options").that(ReadmeOptions.describe(op))
          .isEqualTo(row.options());
    }
    assertThat(opCounts(model)).isEqualTo(new TreeMap<>(table.counts));
  }

  private static void checkInput(TfliteModel model, int tensorIndex, String cell, String what) {
    TfliteTensor tensor = model.tensors().get(tensorIndex);
    Matcher activation = ACTIVATION_REF.matcher(cell);
    if (activation.matches()) {
      assertWithMessage(what).that(tensorIndex).isEqualTo(Integer.parseInt(activation.group(1)));
      assertWithMessage(what + " shape").that(tensor.shape())
          .isEqualTo(TensorIndexFile.parseInts(activation.group(2)));
      assertWithMessage(what + " constant").that(tensor.isConstant()).isFalse();
      return;
    }
    Matcher constant = CONSTANT_REF.matcher(cell);
    assertWithMessage(what + ": cannot parse README cell '" + cell + "'").that(constant.matches())
        .isTrue();
    assertWithMessage(what + " constant").that(tensor.isConstant()).isTrue();
    assertWithMessage(what + " type").that(tensor.type().name())
        .isEqualTo(constant.group(1).toUpperCase());
    assertWithMessage(what + " shape").that(tensor.shape())
        .isEqualTo(TensorIndexFile.parseInts(constant.group(2)));
    if (constant.group(3) != null) {
      assertWithMessage(what + " values").that(values(tensor))
          .isEqualTo(integers(constant.group(3)));
    }
    if (constant.group(4) != null) {
      int channels = Integer.parseInt(constant.group(4));
      assertWithMessage(what + " per-channel scales").that(tensor.quantization().scales())
          .hasLength(channels);
    }
    if (constant.group(5) != null) {
      double scale = Double.parseDouble(constant.group(5));
      assertWithMessage(what + " scale").that((double) tensor.quantization().scale())
          .isWithin(Math.abs(scale) * 1e-5).of(scale);
      assertWithMessage(what + " zero point").that(tensor.quantization().zeroPoint())
          .isEqualTo(Long.parseLong(constant.group(6)));
    }
  }

  /** The constant's values as longs: int8 or little-endian int32. */
  private static List<Long> values(TfliteTensor tensor) {
    ByteBuffer data = tensor.constant().asReadOnlyBuffer();
    List<Long> values = new ArrayList<>();
    while (data.hasRemaining()) {
      values.add(tensor.type() == TfliteTensorType.INT32 ? (long) data.getInt() : data.get());
    }
    return values;
  }

  private static List<Long> integers(String text) {
    List<Long> values = new ArrayList<>();
    Matcher m = INTEGER.matcher(text);
    while (m.find()) {
      values.add(Long.parseLong(m.group()));
    }
    return values;
  }

  static Map<String, Integer> opCounts(TfliteModel model) {
    Map<String, Integer> counts = new TreeMap<>();
    for (TfliteOperator op : model.operators()) {
      counts.merge(op.opName(), 1, Integer::sum);
    }
    return counts;
  }
}
