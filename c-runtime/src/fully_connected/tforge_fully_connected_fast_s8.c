/*
 * int8 fully connected layer with the input offset folded into the bias and two output rows
 * per pass (see tforge_gemm_s8.h; SMLAD on Cortex-M with DSP). Bit-exact with
 * tforge_fully_connected_s8 and TF Lite Micro's reference FullyConnectedPerChannel.
 */
#include "tforge_fast.h"
#include "tforge_gemm_s8.h"

void tforge_fully_connected_fast_s8(const int8_t *input, int32_t in_depth,
                                    const int8_t *weights, const int32_t *folded_bias,
                                    int8_t *output, int32_t out_depth,
                                    const tforge_requant *rq) {
    tforge_gemm_rows_s8(input, 1, weights, in_depth, out_depth, folded_bias, rq, output,
                        out_depth);
}
