package dev.tinyforge.tflite;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each defect on its own, with the message a user would read. */
class TfliteReaderMalformedTest {

  @Test
  void readsTheTinyModel() throws Exception {
    TfliteModel model = TfliteReader.read(new TinyModelWriter().write());

    assertThat(model.description()).isEqualTo("tiny");
    assertThat(model.mainSubgraph().name()).isEqualTo("main");
    assertThat(model.tensors()).hasSize(3);
    TfliteTensor input = model.tensors().get(0);
    assertThat(input.name()).isEqualTo("input");
    assertThat(input.constant()).isNull();
    assertThat(input.quantization().scale()).isEqualTo(0.5f);
    assertThat(input.quantization().zeroPoint()).isEqualTo(-3);
    assertThat(model.tensors().get(1).data()).isEqualTo(new byte[] {1, -2, 3, -4});
    TfliteOperator op = model.operators().get(0);
    assertThat(op.op()).isEqualTo(TfliteBuiltinOperator.FULLY_CONNECTED);
    assertThat(op.inputs()).isEqualTo(new int[] {0, 1, TfliteOperator.ABSENT});
    assertThat(op.options()).isEqualTo(
        new TfliteOptions.FullyConnected(TfliteActivation.RELU, false, true, false));
  }

  @Test
  void emptyFile() {
    assertThat(reject(new byte[0])).isEqualTo("not a TFLite model: the file is empty");
  }

  @Test
  void truncatedHeader() {
    assertThat(reject(new byte[] {16, 0, 0, 0, 'T'})).isEqualTo("not a TFLite model: the file has"
        + " only 5 bytes, less than the 8-byte flatbuffer header (root table offset, then the"
        + " identifier \"TFL3\")");
  }

  @Test
  void wrongIdentifier() {
    byte[] zip = Arrays.copyOf("\u0000\u0000\u0000\u0000PK\u0003\u0004rest of a zip file"
        .getBytes(StandardCharsets.ISO_8859_1), 64);
    assertThat(reject(zip)).isEqualTo("not a TFLite model: bytes 4..8 should hold the file"
        + " identifier \"TFL3\" but hold 50 4b 03 04 (\"PK..\")");

    byte[] model = new TinyModelWriter().write();
    model[7] = '2';
    assertThat(reject(model)).contains("should hold the file identifier \"TFL3\" but hold"
        + " 54 46 4c 32 (\"TFL2\")");
  }

  @Test
  void vectorLengthPastTheEnd() {
    TinyModelWriter writer = new TinyModelWriter();
    byte[] model = writer.write();
    putInt(model, writer.weightsShapePosition, 1_000_000);

    int remaining = model.length - writer.weightsShapePosition - 4;
    assertThat(reject(model)).isEqualTo("malformed TFLite model: subgraph 0, tensor 1, shape: the"
        + " vector at byte " + writer.weightsShapePosition + " claims 1000000 elements of 4 bytes,"
        + " but only " + remaining + " bytes remain in the " + model.length + "-byte file");
  }

  @Test
  void vectorLengthWithTheTopBitSet() {
    TinyModelWriter writer = new TinyModelWriter();
    byte[] model = writer.write();
    putInt(model, writer.weightsShapePosition, 0xFFFF_FFF0);

    assertThat(reject(model)).contains("claims 4294967280 elements of 4 bytes");
  }

  @Test
  void rootOffsetPastTheEnd() {
    byte[] model = new TinyModelWriter().write();
    putInt(model, 0, 0x7FFF_FFF0);

    assertThat(reject(model)).isEqualTo("malformed TFLite model: the root offset: the offset at"
        + " byte 0 points to byte 2147483632, past the end of the " + model.length + "-byte file");
  }

  @Test
  void vtableOutsideTheFile() {
    byte[] model = new TinyModelWriter().write();
    int root = ByteBuffer.wrap(model).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
    putInt(model, root, -0x4000_0000);

    assertThat(reject(model)).isEqualTo("malformed TFLite model: the model table: the table at"
        + " byte " + root + " points to its field list (vtable) at byte " + (root + 0x4000_0000L)
        + ", outside the " + model.length + "-byte file");
  }

  @Test
  void truncatedFile() {
    byte[] model = new TinyModelWriter().write();
    assertThat(reject(Arrays.copyOf(model, model.length / 2)))
        .startsWith("malformed TFLite model: ");
  }

  @Test
  void operatorInputOutOfRange() {
    TinyModelWriter writer = new TinyModelWriter();
    writer.operatorInputs = new int[] {0, 7, -1};

    assertThat(reject(writer.write())).isEqualTo("malformed TFLite model: subgraph 0, operator 0"
        + " (FULLY_CONNECTED): inputs[1] refers to tensor 7, but the subgraph has 3 tensors");
  }

  @Test
  void operatorInputBelowMinusOne() {
    TinyModelWriter writer = new TinyModelWriter();
    writer.operatorInputs = new int[] {-2, 1, -1};

    assertThat(reject(writer.write())).contains("inputs[0] refers to tensor -2");
  }

  @Test
  void subgraphOutputOutOfRange() {
    TinyModelWriter writer = new TinyModelWriter();
    writer.subgraphOutputs = new int[] {3};

    assertThat(reject(writer.write())).isEqualTo("malformed TFLite model: subgraph 0: outputs[0]"
        + " refers to tensor 3, but the subgraph has 3 tensors");
  }

  @Test
  void opcodeIndexOutOfRange() {
    TinyModelWriter writer = new TinyModelWriter();
    writer.opcodeIndex = 5;

    assertThat(reject(writer.write())).isEqualTo("malformed TFLite model: subgraph 0, operator 0:"
        + " its opcode_index 5 is past the model's 1 operator codes");
  }

  @Test
  void bufferIndexOutOfRange() {
    TinyModelWriter writer = new TinyModelWriter();
    writer.weightsBuffer = 9;

    assertThat(reject(writer.write())).isEqualTo("malformed TFLite model: subgraph 0, tensor 1"
        + " ('weights'): refers to buffer 9, but the model has 2 buffers");
  }

  @Test
  void constantDataOfTheWrongSize() {
    TinyModelWriter writer = new TinyModelWriter();
    writer.weightsShape = new int[] {2, 4};

    assertThat(reject(writer.write())).isEqualTo("malformed TFLite model: subgraph 0, tensor 1"
        + " ('weights'): its constant data has 4 bytes, but INT8 [2, 4] needs 8");
  }

  @Test
  void negativeDimension() {
    TinyModelWriter writer = new TinyModelWriter();
    writer.weightsShape = new int[] {1, -4};

    assertThat(reject(writer.write())).isEqualTo("malformed TFLite model: subgraph 0, tensor 1"
        + " ('weights'): the shape [1, -4] has a negative dimension");
  }

  @Test
  void unknownTensorType() {
    TinyModelWriter writer = new TinyModelWriter();
    writer.weightsType = 99;

    assertThat(reject(writer.write())).isEqualTo("malformed TFLite model: subgraph 0, tensor 1"
        + " ('weights'): unknown tensor type code 99");
  }

  @Test
  void unsupportedSchemaVersion() {
    TinyModelWriter writer = new TinyModelWriter();
    writer.version = 2;

    assertThat(reject(writer.write())).isEqualTo("unsupported TFLite model: schema version 2;"
        + " TinyForge reads schema version 3");
  }

  @Test
  void buffersOutsideTheFlatbufferAreRejected() {
    TinyModelWriter writer = new TinyModelWriter();
    writer.externalOffset = 1L << 31;

    assertThat(reject(writer.write())).isEqualTo("unsupported TFLite model: buffer 1 keeps its"
        + " data outside the flatbuffer (at file offset 2147483648, 4 bytes), as converters do for"
        + " models larger than 2 GB; TinyForge reads only models whose data is inside the"
        + " flatbuffer");
  }

  @Test
  void builtinCodeIsTheLargerOfTheTwoFields() throws Exception {
    TinyModelWriter writer = new TinyModelWriter();
    writer.deprecatedBuiltinCode = 127; // PLACEHOLDER_FOR_GREATER_OP_CODES
    writer.builtinCode = 150;
    TfliteOperator gelu = TfliteReader.read(writer.write()).operators().get(0);
    assertThat(gelu.builtinCode()).isEqualTo(150);
    assertThat(gelu.op()).isEqualTo(TfliteBuiltinOperator.OTHER);
    assertThat(gelu.opName()).isEqualTo("GELU");

    writer.deprecatedBuiltinCode = 9; // old writers: only the byte
    writer.builtinCode = 0;
    assertThat(TfliteReader.read(writer.write()).operators().get(0).op())
        .isEqualTo(TfliteBuiltinOperator.FULLY_CONNECTED);

    writer.deprecatedBuiltinCode = 127;
    writer.builtinCode = 4000;
    assertThat(TfliteReader.read(writer.write()).operators().get(0).opName())
        .isEqualTo("BUILTIN_4000");
  }

  @Test
  void negativeBuiltinCode() {
    TinyModelWriter writer = new TinyModelWriter();
    writer.deprecatedBuiltinCode = -5;
    writer.builtinCode = -5;

    assertThat(reject(writer.write())).isEqualTo("malformed TFLite model: operator code 0: the"
        + " builtin operator code -5 is negative");
  }

  @Test
  void customOperatorKeepsItsName() throws Exception {
    TinyModelWriter writer = new TinyModelWriter();
    writer.deprecatedBuiltinCode = 32;
    writer.builtinCode = 32;
    writer.customCode = "TFLite_Detection_PostProcess";

    TfliteOperator op = TfliteReader.read(writer.write()).operators().get(0);
    assertThat(op.op()).isEqualTo(TfliteBuiltinOperator.CUSTOM);
    assertThat(op.customCode()).isEqualTo("TFLite_Detection_PostProcess");
  }

  @Test
  void sharedVectorsCannotMakeTheReadQuadratic() {
    TinyModelWriter writer = new TinyModelWriter();
    writer.weightsShape = new int[2000];
    Arrays.fill(writer.weightsShape, 1);
    writer.weightsData = new byte[1];
    writer.weightsRepeats = 3000; // 3000 tensors share one table with a 2000-int shape
    writer.subgraphOutputs = new int[] {3001};
    writer.operatorInputs = new int[] {0, 1, -1};
    byte[] model = writer.write();

    assertThat(reject(model)).contains("the file refers to the same data so often that decoding"
        + " it would take more than " + (4L * model.length + 4096) + " steps for " + model.length
        + " bytes");
  }

  @Test
  void pathThatDoesNotExist(@TempDir Path dir) {
    Path missing = dir.resolve("missing.tflite");
    TfliteFormatException e =
        assertThrows(TfliteFormatException.class, () -> TfliteReader.read(missing));
    assertThat(e).hasMessageThat()
        .isEqualTo("cannot read TFLite model " + missing + ": no such file");
  }

  @Test
  void pathThatIsADirectory(@TempDir Path dir) {
    TfliteFormatException e =
        assertThrows(TfliteFormatException.class, () -> TfliteReader.read(dir));
    assertThat(e).hasMessageThat()
        .isEqualTo("cannot read TFLite model " + dir + ": it is a directory, not a .tflite file");
  }

  @Test
  void malformedFileNamesTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("empty.tflite");
    Files.write(file, new byte[0]);
    TfliteFormatException e =
        assertThrows(TfliteFormatException.class, () -> TfliteReader.read(file));
    assertThat(e).hasMessageThat().isEqualTo(file + ": not a TFLite model: the file is empty");
  }

  private static String reject(byte[] file) {
    TfliteFormatException e =
        assertThrows(TfliteFormatException.class, () -> TfliteReader.read(file));
    assertThat(e.getCause()).isNull();
    return e.getMessage();
  }

  private static void putInt(byte[] bytes, int at, int value) {
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
  }
}
