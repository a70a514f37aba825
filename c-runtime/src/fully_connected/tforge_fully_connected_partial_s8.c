/*
 * int8 fully connected layer fed one patch at a time. The int32 sums wrap like the reference's,
 * so adding the patches' shares in any order gives TF Lite Micro's FullyConnectedPerChannel
 * result bit for bit. Bit-exact with the Java mirror's FullyConnectedPartial.
 */
#include "tforge_patch.h"
#include "tforge_accumulator.h"

void tforge_fully_connected_partial_s8(const int8_t *input, int32_t columns,
                                       int32_t first_column, int32_t in_depth,
                                       const int8_t *weights, const int32_t *bias,
                                       int32_t *acc, int8_t *output, int32_t out_depth,
                                       int32_t is_first, int32_t is_last,
                                       const tforge_requant *rq) {
    const uint32_t input_offset = (uint32_t)rq->input_offset;
    int32_t o;
    for (o = 0; o < out_depth; ++o) {
        const int8_t *row = weights + (size_t)o * (size_t)in_depth + (size_t)first_column;
        uint32_t sum = is_first ? 0u : (uint32_t)acc[o];
        int32_t i;
        for (i = 0; i < columns; ++i) {
            sum = tforge_mac_s8(sum, row[i], input[i], input_offset);
        }
        if (is_last) {
            output[o] = tforge_output_s8(sum, bias, o, rq);
        } else {
            acc[o] = (int32_t)sum;
        }
    }
}
