package bad;

import dev.tinyforge.annotations.Board;
import dev.tinyforge.annotations.TinyModel;

@TinyModel(board = Board.STM32F746, input = {4})
record ModelOnRecord(int units) {}
