package search;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.SearchSpace;
import dev.tinyforge.annotations.TinyModel;

@TinyModel(board = Board.STM32F746, sramKb = 32, flashKb = 256)
@SearchSpace(widths = {0.3}, resolutions = {16}, depths = {2}, samples = 50, seed = 1)
final class Searched {}
