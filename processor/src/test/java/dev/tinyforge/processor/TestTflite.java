package dev.tinyforge.processor;

import com.google.flatbuffers.FlatBufferBuilder;
import dev.tinyforge.tflite.TfliteReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** TFLite files for tests: the shared models with their goldens, and a small model built here. */
public final class TestTflite {
  private TestTflite() {}

  /** The folder of the shared models (surefire passes {@code tinyforge.models}). */
  public static Path modelsDir() {
    String dir = System.getProperty("tinyforge.models");
    if (dir == null || !Files.isDirectory(Path.of(dir))) {
      throw new IllegalStateException("set -Dtinyforge.models to the shared models folder, got "
          + dir);
    }
    return Path.of(dir);
  }

  /** The bytes of shared model {@code name} ({@code <models>/<name>/model.tflite}). */
  public static byte[] shared(String name) {
    try {
      return Files.readAllBytes(modelsDir().resolve(name).resolve("model.tflite"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A valid int8 model whose one operator is the custom operator {@code customCode}: input
   * [1,4] into output [1,1]. No importer will ever know it.
   */
  public static byte[] customOp(String customCode) {
    return singleOp(32, customCode, INT8, new int[] {1, 1}); // 32 = CUSTOM
  }

  /** A float32 model: one RELU computing in float, which an int8 engine cannot run. */
  public static byte[] floatRelu() {
    return singleOp(19, null, FLOAT32, new int[] {1, 4}); // 19 = RELU
  }

  private static final byte FLOAT32 = 0;
  private static final byte INT8 = 9;

  private static byte[] singleOp(int builtinCode, String customCode, byte type, int[] outShape) {
    FlatBufferBuilder b = new FlatBufferBuilder(512);
    int description = b.createString("single op");
    int custom = customCode == null ? 0 : b.createString(customCode);
    b.startTable(4);
    b.addByte(0, (byte) builtinCode, 0); // deprecated_builtin_code
    if (customCode != null) {
      b.addOffset(1, custom, 0);
    }
    b.addInt(2, 1, 1);
    b.addInt(3, builtinCode, 0); // builtin_code
    int opcodes = tables(b, b.endTable());

    b.startTable(1);
    int buffers = tables(b, b.endTable());
    int input = tensor(b, "input", new int[] {1, 4}, 0.5f, -3, type);
    int output = tensor(b, "output", outShape, 0.125f, 7, type);
    int tensors = tables(b, input, output);

    int opInputs = ints(b, 0);
    int opOutputs = ints(b, 1);
    b.startTable(3);
    b.addInt(0, 0, 0);
    b.addOffset(1, opInputs, 0);
    b.addOffset(2, opOutputs, 0);
    int operators = tables(b, b.endTable());

    int graphInputs = ints(b, 0);
    int graphOutputs = ints(b, 1);
    b.startTable(4);
    b.addOffset(0, tensors, 0);
    b.addOffset(1, graphInputs, 0);
    b.addOffset(2, graphOutputs, 0);
    b.addOffset(3, operators, 0);
    int subgraphs = tables(b, b.endTable());

    b.startTable(5);
    b.addInt(0, 3, 0);
    b.addOffset(1, opcodes, 0);
    b.addOffset(2, subgraphs, 0);
    b.addOffset(3, description, 0);
    b.addOffset(4, buffers, 0);
    b.finish(b.endTable(), TfliteReader.FILE_IDENTIFIER);
    return b.sizedByteArray();
  }

  private static int tensor(FlatBufferBuilder b, String name, int[] shape, float scale,
      long zeroPoint, byte type) {
    int shapeVector = ints(b, shape);
    int nameString = b.createString(name);
    b.startVector(4, 1, 4);
    b.addFloat(scale);
    int scales = b.endVector();
    b.startVector(8, 1, 8);
    b.addLong(zeroPoint);
    int zeroPoints = b.endVector();
    b.startTable(7);
    b.addOffset(2, scales, 0);
    b.addOffset(3, zeroPoints, 0);
    int quantization = b.endTable();
    b.startTable(5);
    b.addOffset(0, shapeVector, 0);
    b.addByte(1, type, -1);
    b.addInt(2, 0, 0);
    b.addOffset(3, nameString, 0);
    b.addOffset(4, quantization, 0);
    return b.endTable();
  }

  private static int ints(FlatBufferBuilder b, int... values) {
    b.startVector(4, values.length, 4);
    for (int i = values.length - 1; i >= 0; i--) {
      b.addInt(values[i]);
    }
    return b.endVector();
  }

  private static int tables(FlatBufferBuilder b, int... tables) {
    b.startVector(4, tables.length, 4);
    for (int i = tables.length - 1; i >= 0; i--) {
      b.addOffset(tables[i]);
    }
    return b.endVector();
  }
}
