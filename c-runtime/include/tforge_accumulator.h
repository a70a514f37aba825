/*
 * The int32 accumulator of the int8 multiply-accumulate kernels (conv, depthwise, fully
 * connected) and the tail they share: bias, requantization, output offset, activation clamp,
 * in the order of TF Lite Micro's reference kernels.
 *
 * The reference sums in int32_t; on every two's-complement target an overflow wraps. In C a
 * signed overflow is undefined behaviour, so the sum is held in a uint32_t, where it wraps by
 * definition: unsigned multiply and add produce the same 32 bits as the signed ones, and the
 * Java mirror (whose int wraps) agrees for every input. On Cortex-M the instructions are the same.
 */
#ifndef TFORGE_ACCUMULATOR_H
#define TFORGE_ACCUMULATOR_H

#include <stddef.h>
#include <stdint.h>

#include "tforge.h"
#include "tforge_fixedpoint.h"

/* acc + filter * (input + input_offset), wrapping in 32 bits. */
static inline uint32_t tforge_mac_s8(uint32_t acc, int8_t filter, int8_t input,
                                     uint32_t input_offset) {
    return acc + (uint32_t)filter * ((uint32_t)input + input_offset);
}

/* One output channel's accumulator to its int8 value; bias may be NULL. */
static inline int8_t tforge_output_s8(uint32_t acc, const int32_t *bias, int32_t channel,
                                      const tforge_requant *rq) {
    int32_t scaled;
    if (bias != NULL) {
        acc += (uint32_t)bias[channel];
    }
    scaled = tforge_requantize((int32_t)acc, rq->multiplier[channel], rq->shift[channel]);
    /* A saturated requantization plus a positive offset would overflow int32: wrap it too. */
    scaled = (int32_t)((uint32_t)scaled + (uint32_t)rq->output_offset);
    return (int8_t)tforge_clamp(scaled, rq->act_min, rq->act_max);
}

#endif
