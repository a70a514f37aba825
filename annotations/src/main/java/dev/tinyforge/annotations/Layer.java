package dev.tinyforge.annotations;

/**
 * The type of a layer field. Layers are fields of a {@link TinyModel} class, one annotation each,
 * and run in the order they are written: the field's name is the layer's name.
 */
public final class Layer {
  private Layer() {}
}
