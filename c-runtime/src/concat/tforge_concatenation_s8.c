/*
 * int8 CONCATENATION with one quantization on every input and the output (TF Lite Micro does not
 * requantize int8 inputs): for each outer row, each input's chunk is copied in order. Bit-exact
 * with dev.tinyforge.kernels.Concatenation.
 */
#include <string.h>

#include "tforge.h"

void tforge_concatenation_s8(const int8_t *const *inputs, const int32_t *chunks, int32_t count,
                             int32_t rows, int8_t *output) {
    int32_t r;
    int32_t i;
    int8_t *o = output;
    for (r = 0; r < rows; r++) {
        for (i = 0; i < count; i++) {
            memcpy(o, inputs[i] + (size_t)r * (size_t)chunks[i], (size_t)chunks[i]);
            o += chunks[i];
        }
    }
}
