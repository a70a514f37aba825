package dev.tinyforge.tflite;

import dev.tinyforge.tflite.CheckedTable.TableVector;
import java.util.ArrayList;
import java.util.List;

/** One entry of the model's {@code operator_codes}: which operator an operator index means. */
record OperatorCode(int builtinCode, String customCode, int version) {
  // OperatorCode field ids in schema.fbs.
  private static final int DEPRECATED_BUILTIN_CODE = 0;
  private static final int CUSTOM_CODE = 1;
  private static final int VERSION = 2;
  private static final int BUILTIN_CODE = 3;

  static List<OperatorCode> decodeAll(TableVector tables) throws TfliteFormatException {
    List<OperatorCode> codes = new ArrayList<>(tables.length());
    for (int i = 0; i < tables.length(); i++) {
      codes.add(decode(tables.get(i, "operator code " + i)));
    }
    return codes;
  }

  /**
   * Old files store the code in a byte; codes past 127 need the 32-bit field, and writers fill
   * the byte with 127 (PLACEHOLDER_FOR_GREATER_OP_CODES) then. The real code is the larger one.
   */
  private static OperatorCode decode(CheckedTable table) throws TfliteFormatException {
    int deprecated = table.int8(DEPRECATED_BUILTIN_CODE, "deprecated_builtin_code", 0);
    int extended = table.int32(BUILTIN_CODE, "builtin_code", 0);
    int code = Math.max(deprecated, extended);
    if (code < 0) {
      throw FlatBufferReader.malformed(table.where(), "the builtin operator code " + code
          + " is negative");
    }
    String customCode = table.string(CUSTOM_CODE, "custom_code");
    int version = table.int32(VERSION, "version", 1);
    return new OperatorCode(code, customCode, version);
  }
}
