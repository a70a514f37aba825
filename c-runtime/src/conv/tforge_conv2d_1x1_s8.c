/*
 * int8 pointwise convolution (1x1 kernel, stride 1, no padding): a matrix product of the
 * pixels x in_c input with the out_c x in_c filter, two pixels and two output channels per pass
 * (see tforge_gemm_s8.h for the folded input offset and the Cortex-M DSP path). Bit-exact with
 * tforge_conv2d_s8 and TF Lite Micro's reference ConvPerChannel for the same layer.
 */
#include "tforge_fast.h"
#include "tforge_gemm_s8.h"

void tforge_conv2d_1x1_s8(const int8_t *input, int32_t pixels, int32_t in_c,
                          const int8_t *filter, const int32_t *folded_bias,
                          int8_t *output, int32_t out_c, const tforge_requant *rq) {
    int32_t p;
    for (p = 0; p < pixels; p += 2) {
        const int8_t *row0 = input + (size_t)p * (size_t)in_c;
        const int32_t rows = p + 1 < pixels ? 2 : 1;
        tforge_gemm_rows_s8(row0, rows, filter, in_c, out_c, folded_bias, rq,
                            output + (size_t)p * (size_t)out_c, out_c);
    }
}
