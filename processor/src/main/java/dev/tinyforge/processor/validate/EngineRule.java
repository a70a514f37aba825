package dev.tinyforge.processor.validate;

import dev.tinyforge.diag.Problems;
import dev.tinyforge.engine.Engine;

/** One check of a planned engine, before anything is written. */
public interface EngineRule {
  void check(Engine engine, Problems problems);
}
