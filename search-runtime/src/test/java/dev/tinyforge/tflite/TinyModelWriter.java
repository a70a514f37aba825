package dev.tinyforge.tflite;

import com.google.flatbuffers.FlatBufferBuilder;

/**
 * Writes a small valid TFLite model with FlatBufferBuilder: one FULLY_CONNECTED with input t0
 * (int8 [1,4], scale 0.5, zp -3), constant weights t1 (int8 [1,4], buffer 1), an absent bias (-1)
 * and output t2 (int8 [1,1]). Tests change the public fields to write one defect at a time.
 */
final class TinyModelWriter {
  long version = 3;
  int deprecatedBuiltinCode = 9;
  int builtinCode = 9;
  String customCode = null;
  int weightsType = 9;
  int[] weightsShape = {1, 4};
  long weightsBuffer = 1;
  byte[] weightsData = {1, -2, 3, -4};
  long externalOffset = 0;
  long opcodeIndex = 0;
  int[] operatorInputs = {0, 1, -1};
  int[] subgraphOutputs = {2};
  /** How many entries of the tensor vector point at the weights tensor (normally 1). */
  int weightsRepeats = 1;

  /** Byte position of the weights tensor's shape vector (its length prefix) in the last write. */
  int weightsShapePosition;

  byte[] write() {
    FlatBufferBuilder b = new FlatBufferBuilder(512);

    int description = b.createString("tiny");
    int custom = customCode == null ? 0 : b.createString(customCode);
    b.startTable(4);
    b.addByte(0, (byte) deprecatedBuiltinCode, 0);
    if (custom != 0) {
      b.addOffset(1, custom, 0);
    }
    b.addInt(2, 1, 1);
    b.addInt(3, builtinCode, 0);
    int opcode = b.endTable();
    int opcodes = vectorOfTables(b, opcode);

    b.startTable(1);
    int emptyBuffer = b.endTable();
    int data = b.createByteVector(weightsData);
    b.startTable(3);
    b.addOffset(0, data, 0);
    b.addLong(1, externalOffset, 0);
    b.addLong(2, externalOffset == 0 ? 0 : weightsData.length, 0);
    int weightsBufferTable = b.endTable();
    int buffers = vectorOfTables(b, emptyBuffer, weightsBufferTable);

    int input = tensor(b, "input", 9, new int[] {1, 4}, 0, 0.5f, -3);
    int weightsShapeVector = ints(b, weightsShape);
    int weights = tensor(b, "weights", weightsType, weightsShapeVector, weightsBuffer, 0.25f, 0);
    int output = tensor(b, "output", 9, ints(b, new int[] {1, 1}), 0, 0.125f, 7);
    int[] tensorTables = new int[weightsRepeats + 2];
    tensorTables[0] = input;
    for (int i = 0; i < weightsRepeats; i++) {
      tensorTables[1 + i] = weights;
    }
    tensorTables[tensorTables.length - 1] = output;
    int tensors = vectorOfTables(b, tensorTables);

    b.startTable(4);
    b.addByte(0, (byte) 1, 0); // fused_activation_function = RELU
    b.addBoolean(2, true, false); // keep_num_dims
    int options = b.endTable();
    int opInputs = ints(b, operatorInputs);
    int opOutputs = ints(b, new int[] {2});
    b.startTable(5);
    b.addInt(0, (int) opcodeIndex, 0);
    b.addOffset(1, opInputs, 0);
    b.addOffset(2, opOutputs, 0);
    b.addByte(3, (byte) 8, 0); // BuiltinOptions.FullyConnectedOptions
    b.addOffset(4, options, 0);
    int operator = b.endTable();
    int operators = vectorOfTables(b, operator);

    int graphInputs = ints(b, new int[] {0});
    int graphOutputs = ints(b, subgraphOutputs);
    int graphName = b.createString("main");
    b.startTable(5);
    b.addOffset(0, tensors, 0);
    b.addOffset(1, graphInputs, 0);
    b.addOffset(2, graphOutputs, 0);
    b.addOffset(3, operators, 0);
    b.addOffset(4, graphName, 0);
    int subgraph = b.endTable();
    int subgraphs = vectorOfTables(b, subgraph);

    b.startTable(5);
    b.addInt(0, (int) version, 0);
    b.addOffset(1, opcodes, 0);
    b.addOffset(2, subgraphs, 0);
    b.addOffset(3, description, 0);
    b.addOffset(4, buffers, 0);
    int model = b.endTable();
    b.finish(model, TfliteReader.FILE_IDENTIFIER);

    byte[] bytes = b.sizedByteArray();
    weightsShapePosition = bytes.length - weightsShapeVector;
    return bytes;
  }

  private static int tensor(FlatBufferBuilder b, String name, int type, int[] shape, long buffer,
      float scale, long zeroPoint) {
    return tensor(b, name, type, ints(b, shape), buffer, scale, zeroPoint);
  }

  private static int tensor(FlatBufferBuilder b, String name, int type, int shapeVector,
      long buffer, float scale, long zeroPoint) {
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
    b.addByte(1, (byte) type, -1);
    b.addInt(2, (int) buffer, 0);
    b.addOffset(3, nameString, 0);
    b.addOffset(4, quantization, 0);
    return b.endTable();
  }

  private static int ints(FlatBufferBuilder b, int[] values) {
    b.startVector(4, values.length, 4);
    for (int i = values.length - 1; i >= 0; i--) {
      b.addInt(values[i]);
    }
    return b.endVector();
  }

  private static int vectorOfTables(FlatBufferBuilder b, int... tables) {
    b.startVector(4, tables.length, 4);
    for (int i = tables.length - 1; i >= 0; i--) {
      b.addOffset(tables[i]);
    }
    return b.endVector();
  }
}
