package search;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.SearchSpace;
import dev.tinyforge.annotations.TinyModel;

@TinyModel(board = Board.STM32F746, sramKb = 1, flashKb = 256)
@SearchSpace(widths = {0.3}, resolutions = {16}, kernels = {4}, samples = 20)
final class SearchedTooSmall {}
