package dev.tinyforge.tflite;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import org.junit.jupiter.api.Test;

class BuiltinOperatorNamesTest {

  @Test
  void coversEveryCodeOfTheSchema() {
    assertThat(BuiltinOperatorNames.knownCount()).isEqualTo(210);
    assertThat(BuiltinOperatorNames.nameOf(127)).isEqualTo("PLACEHOLDER_FOR_GREATER_OP_CODES");
    assertThat(BuiltinOperatorNames.nameOf(150)).isEqualTo("GELU");
    assertThat(BuiltinOperatorNames.nameOf(209)).isEqualTo("STABLEHLO_CASE");
  }

  @Test
  void namedOperatorsAgreeWithTheTable() {
    for (TfliteBuiltinOperator op : TfliteBuiltinOperator.values()) {
      if (op != TfliteBuiltinOperator.OTHER) {
        assertWithMessage(op.name()).that(BuiltinOperatorNames.nameOf(op.code()))
            .isEqualTo(op.name());
        assertThat(TfliteBuiltinOperator.fromCode(op.code())).isEqualTo(op);
      }
    }
  }

  @Test
  void unknownCodesKeepTheirNumber() {
    assertThat(BuiltinOperatorNames.nameOf(210)).isEqualTo("BUILTIN_210");
    assertThat(BuiltinOperatorNames.nameOf(-1)).isEqualTo("BUILTIN_-1");
    assertThat(TfliteBuiltinOperator.fromCode(126)).isEqualTo(TfliteBuiltinOperator.OTHER);
  }
}
