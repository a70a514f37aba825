package dev.tinyforge.tflite;

import java.util.List;

/** Decodes one {@code Operator} table and checks its references to codes and tensors. */
final class OperatorDecoder {
  // Operator field ids in schema.fbs (builtin_options is a union: type 3, value 4).
  private static final int OPCODE_INDEX = 0;
  private static final int INPUTS = 1;
  private static final int OUTPUTS = 2;
  private static final int BUILTIN_OPTIONS_TYPE = 3;
  private static final int BUILTIN_OPTIONS = 4;

  private final List<OperatorCode> codes;
  private final int tensorCount;

  OperatorDecoder(List<OperatorCode> codes, int tensorCount) {
    this.codes = codes;
    this.tensorCount = tensorCount;
  }

  TfliteOperator decode(CheckedTable table, int index) throws TfliteFormatException {
    long opcodeIndex = table.uint32(OPCODE_INDEX, "opcode_index", 0);
    if (opcodeIndex >= codes.size()) {
      throw FlatBufferReader.malformed(table.where(), "its opcode_index " + opcodeIndex
          + " is past the model's " + codes.size() + " operator codes");
    }
    OperatorCode code = codes.get((int) opcodeIndex);
    String where = table.where() + " (" + BuiltinOperatorNames.nameOf(code.builtinCode()) + ")";

    int[] inputs = tensorIndices(table, INPUTS, "inputs", where);
    int[] outputs = tensorIndices(table, OUTPUTS, "outputs", where);
    int optionsType = table.uint8(BUILTIN_OPTIONS_TYPE, "builtin_options_type");
    TfliteOptions options = optionsType == 0 ? null : OptionsDecoder.decode(optionsType,
        table.table(BUILTIN_OPTIONS, "builtin_options", where + ", builtin options"));
    return new TfliteOperator(index, TfliteBuiltinOperator.fromCode(code.builtinCode()),
        code.builtinCode(), code.customCode(), code.version(), inputs, outputs, optionsType,
        options);
  }

  private int[] tensorIndices(CheckedTable table, int fieldId, String field, String where)
      throws TfliteFormatException {
    int[] indices = table.int32Vector(fieldId, field);
    if (indices == null) {
      return new int[0];
    }
    for (int i = 0; i < indices.length; i++) {
      int tensor = indices[i];
      if (tensor < TfliteOperator.ABSENT || tensor >= tensorCount) {
        throw FlatBufferReader.malformed(where, field + "[" + i + "] refers to tensor " + tensor
            + ", but the subgraph has " + tensorCount + " tensors");
      }
    }
    return indices;
  }
}
