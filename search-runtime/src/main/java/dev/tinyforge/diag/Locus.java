package dev.tinyforge.diag;

/**
 * Where in a model declaration a problem is: a member of the model annotation (layer = -1) or a
 * member of the annotation of layer {@code layer}. An empty member means the annotation itself.
 */
public record Locus(int layer, String member) {
  public static Locus model(String member) {
    return new Locus(-1, member);
  }

  public static Locus layer(int layer, String member) {
    return new Locus(layer, member);
  }

  public boolean isModel() {
    return layer < 0;
  }
}
