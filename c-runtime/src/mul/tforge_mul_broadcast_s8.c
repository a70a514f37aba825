/*
 * int8 multiplication with input2 broadcast along the rows of input1 (TF Lite Micro's
 * BroadcastMul4DSlow, for the shapes it meets in practice: a [1,1,1,C] constant against
 * [1,H,W,C], or a scalar). Per element the arithmetic is tforge_mul_s8's. output may be exactly
 * input1; input2 must not overlap output. Bit-exact with dev.tinyforge.kernels.Mul.runBroadcast.
 */
#include "tforge.h"
#include "tforge_fixedpoint.h"

void tforge_mul_broadcast_s8(const int8_t *input1, const int8_t *input2, int8_t *output,
                             int32_t rows, int32_t depth, const tforge_mul_params *p) {
    int32_t r;
    int32_t c;
    for (r = 0; r < rows; r++) {
        const int8_t *row_in = input1 + (size_t)r * (size_t)depth;
        int8_t *row_out = output + (size_t)r * (size_t)depth;
        for (c = 0; c < depth; c++) {
            const int32_t product = (p->input1_offset + row_in[c]) * (p->input2_offset + input2[c]);
            const int32_t result =
                tforge_requantize(product, p->output_multiplier, p->output_shift) +
                p->output_offset;
            row_out[c] = (int8_t)tforge_clamp(result, p->act_min, p->act_max);
        }
    }
}
