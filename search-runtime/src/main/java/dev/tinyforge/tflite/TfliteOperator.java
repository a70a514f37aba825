package dev.tinyforge.tflite;

import java.util.Arrays;
import java.util.Objects;

/**
 * One operator of a subgraph, in execution order.
 *
 * @param index position in the subgraph's operator list
 * @param op the builtin operator, or {@link TfliteBuiltinOperator#OTHER} for codes not named there
 * @param builtinCode the builtin code from the file (the larger of the deprecated byte code and
 *     the 32-bit code)
 * @param customCode the custom operator's name for {@code CUSTOM}, otherwise null
 * @param version the operator version from its operator code
 * @param inputs tensor indices; -1 marks an absent optional input
 * @param outputs tensor indices
 * @param optionsType the {@code BuiltinOptions} union type code (0 = none)
 * @param options the decoded options, or null when absent or of a type this reader does not decode
 */
public record TfliteOperator(
    int index,
    TfliteBuiltinOperator op,
    int builtinCode,
    String customCode,
    int version,
    int[] inputs,
    int[] outputs,
    int optionsType,
    TfliteOptions options) {

  /** Marks an absent optional input. */
  public static final int ABSENT = -1;

  public TfliteOperator {
    Objects.requireNonNull(op, "op");
    inputs = inputs.clone();
    outputs = outputs.clone();
  }

  @Override
  public int[] inputs() {
    return inputs.clone();
  }

  @Override
  public int[] outputs() {
    return outputs.clone();
  }

  /** The schema name of the operator, e.g. "CONV_2D", also for codes outside the enum. */
  public String opName() {
    return BuiltinOperatorNames.nameOf(builtinCode);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TfliteOperator that
        && index == that.index
        && op == that.op
        && builtinCode == that.builtinCode
        && Objects.equals(customCode, that.customCode)
        && version == that.version
        && Arrays.equals(inputs, that.inputs)
        && Arrays.equals(outputs, that.outputs)
        && optionsType == that.optionsType
        && Objects.equals(options, that.options);
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, builtinCode, Arrays.hashCode(inputs), Arrays.hashCode(outputs));
  }

  @Override
  public String toString() {
    return "op" + index + " " + opName() + (customCode == null ? "" : "(" + customCode + ")")
        + " in=" + Arrays.toString(inputs) + " out=" + Arrays.toString(outputs)
        + (options == null ? "" : " " + options);
  }
}
