package dev.tinyforge.tflite;

import dev.tinyforge.tflite.CheckedTable.TableVector;
import java.util.ArrayList;
import java.util.List;

/** Decodes one {@code SubGraph} table: tensors first, then the operators that refer to them. */
final class SubgraphDecoder {
  // SubGraph field ids in schema.fbs.
  private static final int TENSORS = 0;
  private static final int INPUTS = 1;
  private static final int OUTPUTS = 2;
  private static final int OPERATORS = 3;
  private static final int NAME = 4;

  private final List<OperatorCode> codes;
  private final TensorDecoder tensorDecoder;

  SubgraphDecoder(List<OperatorCode> codes, ConstantBuffers buffers) {
    this.codes = codes;
    this.tensorDecoder = new TensorDecoder(buffers);
  }

  TfliteSubgraph decode(CheckedTable table, int index) throws TfliteFormatException {
    String where = table.where();
    TableVector tensorTables = table.tableVector(TENSORS, "tensors");
    List<TfliteTensor> tensors = new ArrayList<>(tensorTables.length());
    for (int i = 0; i < tensorTables.length(); i++) {
      tensors.add(tensorDecoder.decode(tensorTables.get(i, where + ", tensor " + i), i));
    }
    int[] inputs = tensorIndices(table, INPUTS, "inputs", tensors.size());
    int[] outputs = tensorIndices(table, OUTPUTS, "outputs", tensors.size());

    OperatorDecoder operatorDecoder = new OperatorDecoder(codes, tensors.size());
    TableVector operatorTables = table.tableVector(OPERATORS, "operators");
    List<TfliteOperator> operators = new ArrayList<>(operatorTables.length());
    for (int i = 0; i < operatorTables.length(); i++) {
      operators.add(operatorDecoder.decode(operatorTables.get(i, where + ", operator " + i), i));
    }
    String name = table.string(NAME, "name");
    return new TfliteSubgraph(index, name == null ? "" : name, tensors, operators, inputs, outputs);
  }

  private static int[] tensorIndices(CheckedTable table, int fieldId, String field, int count)
      throws TfliteFormatException {
    int[] indices = table.int32Vector(fieldId, field);
    if (indices == null) {
      return new int[0];
    }
    for (int i = 0; i < indices.length; i++) {
      if (indices[i] < 0 || indices[i] >= count) {
        throw FlatBufferReader.malformed(table.where(), field + "[" + i + "] refers to tensor "
            + indices[i] + ", but the subgraph has " + count + " tensors");
      }
    }
    return indices;
  }
}
