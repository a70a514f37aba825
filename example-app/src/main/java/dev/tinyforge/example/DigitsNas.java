package dev.tinyforge.example;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.SearchSpace;
import dev.tinyforge.annotations.TinyModel;

/**
 * A digit classifier whose layers TinyNAS chose for 64 KiB of SRAM and 256 KiB of flash on an
 * STM32F746: javac builds it from DigitsNas.search.json and DigitsNas.tfw beside this file,
 * written by {@code java -jar processor/target/tinyforge.jar search --source
 * example-app/src/main/java/dev/tinyforge/example/DigitsNas.java --data ../shared/data/mnist}.
 */
@TinyModel(board = Board.STM32F746, sramKb = 64, flashKb = 256)
@SearchSpace(seed = 1)
final class DigitsNas {}
