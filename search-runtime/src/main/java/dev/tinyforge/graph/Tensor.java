package dev.tinyforge.graph;

/** An activation tensor of the graph (weights are constants held by their ops). */
public record Tensor(int id, String name, Shape shape, QuantParams quant) {}
