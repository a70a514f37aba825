package dev.tinyforge.tflite;

import dev.tinyforge.tflite.CheckedTable.TableVector;
import java.util.ArrayList;
import java.util.List;

/** Decodes the root {@code Model} table of a file whose header was already checked. */
final class ModelDecoder {
  // Model field ids in schema.fbs.
  private static final int VERSION = 0;
  private static final int OPERATOR_CODES = 1;
  private static final int SUBGRAPHS = 2;
  private static final int DESCRIPTION = 3;
  private static final int BUFFERS = 4;

  /** The schema version every TFLite converter has written since 2018. */
  static final int SCHEMA_VERSION = 3;

  private ModelDecoder() {}

  static TfliteModel decode(FlatBufferReader reader) throws TfliteFormatException {
    CheckedTable model = reader.rootTable();
    long version = model.uint32(VERSION, "version", 0);
    if (version != SCHEMA_VERSION) {
      throw new TfliteFormatException("unsupported TFLite model: schema version " + version
          + "; TinyForge reads schema version " + SCHEMA_VERSION);
    }
    List<OperatorCode> codes = OperatorCode.decodeAll(
        model.tableVector(OPERATOR_CODES, "operator_codes"));
    ConstantBuffers buffers = new ConstantBuffers(model.tableVector(BUFFERS, "buffers"));

    TableVector subgraphTables = model.tableVector(SUBGRAPHS, "subgraphs");
    if (subgraphTables.length() == 0) {
      throw FlatBufferReader.malformed("the model table", "the model has no subgraphs");
    }
    SubgraphDecoder subgraphDecoder = new SubgraphDecoder(codes, buffers);
    List<TfliteSubgraph> subgraphs = new ArrayList<>(subgraphTables.length());
    for (int i = 0; i < subgraphTables.length(); i++) {
      subgraphs.add(subgraphDecoder.decode(subgraphTables.get(i, "subgraph " + i), i));
    }
    String description = model.string(DESCRIPTION, "description");
    return new TfliteModel((int) version, description == null ? "" : description, subgraphs);
  }
}
