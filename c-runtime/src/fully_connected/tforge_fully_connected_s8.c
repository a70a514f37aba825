/*
 * int8 fully connected layer, bit-exact with TF Lite Micro's reference FullyConnectedPerChannel
 * and with the Java mirror's FullyConnected. Weights are [out_depth][in_depth], symmetric.
 */
#include "tforge.h"
#include "tforge_accumulator.h"

void tforge_fully_connected_s8(const int8_t *input, int32_t in_depth,
                               const int8_t *weights, const int32_t *bias,
                               int8_t *output, int32_t out_depth,
                               const tforge_requant *rq) {
    const uint32_t input_offset = (uint32_t)rq->input_offset;
    int32_t o;
    for (o = 0; o < out_depth; ++o) {
        const int8_t *row = weights + (size_t)o * (size_t)in_depth;
        uint32_t acc = 0;
        int32_t i;
        for (i = 0; i < in_depth; ++i) {
            acc = tforge_mac_s8(acc, row[i], input[i], input_offset);
        }
        output[o] = tforge_output_s8(acc, bias, o, rq);
    }
}
