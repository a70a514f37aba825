/*
 * The inner products and the output tail of TinyForge's fast int8 MAC kernels
 * (tforge_conv2d_1x1_s8, tforge_conv2d_im2col_s8, tforge_fully_connected_fast_s8,
 * tforge_depthwise_conv2d_3x3_s8).
 *
 * Folded input offset. The reference sums (x + input_offset) * w. The fast kernels sum x * w and
 * start from a folded bias, bias + input_offset * (sum of the channel's weights), which the
 * processor computes at compile time. Both sums are taken modulo 2^32, so they are equal to the
 * bit for every input: integer addition does not depend on order. Padding with the input zero
 * point (-input_offset) keeps the identity, since its term (zp + input_offset) * w is 0 either way.
 *
 * Cortex-M DSP path (__ARM_FEATURE_DSP: M4, M7, M33, M55): four int8 values per word load,
 * SXTB16 (and SXTB16 with ROR #8) splits them into two int16 pairs, SMLAD adds two products per
 * instruction. SMLAD wraps like the uint32_t sums of the portable path (it only sets the Q flag).
 * The portable path beside it is plain C99 and runs everywhere else, the host included.
 */
#ifndef TFORGE_GEMM_S8_H
#define TFORGE_GEMM_S8_H

#include <stdint.h>
#include <string.h>

#include "tforge.h"
#include "tforge_fixedpoint.h"

#if defined(__ARM_FEATURE_DSP)
#include <arm_acle.h>
#define TFORGE_DSP 1
#else
#define TFORGE_DSP 0
#endif

/* Four bytes as one word; a plain LDR on Cortex-M3 and up (unaligned access is allowed). */
static inline uint32_t tforge_load4_s8(const int8_t *p) {
    uint32_t word;
    memcpy(&word, p, sizeof word);
    return word;
}

#if TFORGE_DSP
/* Bytes 1 and 3 sign-extended to two int16 lanes: one SXTB16 with its free rotation. */
static inline int32_t tforge_sxtb16_ror8(uint32_t word) {
    int32_t lanes;
    __asm__("sxtb16 %0, %1, ror #8" : "=r"(lanes) : "r"(word));
    return lanes;
}
#endif

#if TFORGE_DSP
/* Two int16 lanes (low, high) in one word, for SMLAD: one PKHBT. */
static inline int32_t tforge_pack16(int32_t low, int32_t high) {
    int32_t packed;
    __asm__("pkhbt %0, %1, %2, lsl #16" : "=r"(packed) : "r"(low), "r"(high));
    return packed;
}
#endif

/*
 * x * multiplier * 2^(shift - 31), equal to tforge_requantize() for every x when multiplier is
 * not INT32_MIN (TF Lite's Q31 multipliers lie in [2^30, 2^31) or are 0) and shift is in
 * [-31, 30]: without the saturating case the doubling high multiply is (x * m + 2^30) >> 31, and
 * the rounding divide by 2^e (ties away from zero) is ceil(t / 2) with
 * t = (x - [x < 0]) >> (e - 1).
 */
static inline int32_t tforge_requantize_fast(int32_t x, int32_t multiplier, int32_t shift) {
    int32_t high;
    int32_t t;
    if (shift > 0) {
        x = (int32_t)((uint32_t)x << shift);
    }
    high = (int32_t)(((int64_t)x * (int64_t)multiplier + ((int64_t)1 << 30)) >> 31);
    if (shift >= 0) {
        return high;
    }
    t = (high + (high >> 31)) >> (-shift - 1);
    return (t >> 1) + (t & 1);
}

/* One output: folded accumulator to int8 (offset wraps as in tforge_output_s8). */
static inline int8_t tforge_output_fast_s8(uint32_t acc, int32_t channel,
                                           const int32_t *folded_bias, const tforge_requant *rq) {
    int32_t v = tforge_requantize_fast((int32_t)(acc + (uint32_t)folded_bias[channel]),
                                       rq->multiplier[channel], rq->shift[channel]);
    v = (int32_t)((uint32_t)v + (uint32_t)rq->output_offset);
    v = v < rq->act_min ? rq->act_min : v;
    return (int8_t)(v > rq->act_max ? rq->act_max : v);
}

/*
 * sum[2r + c] = row r . column c over k int8 pairs, r and c in {0, 1}, where row 1 starts k bytes
 * after row 0 and column 1 k bytes after column 0; wraps modulo 2^32. Two base pointers and one
 * stride keep the DSP loop's operands in registers (four loads, eight SXTB16, eight SMLAD).
 */
static inline void tforge_dot_2x2_s8(const int8_t *row, const int8_t *col, int32_t k,
                                     uint32_t sum[4]) {
    int32_t i = 0;
#if TFORGE_DSP
    int32_t s00 = 0;
    int32_t s01 = 0;
    int32_t s10 = 0;
    int32_t s11 = 0;
    const int8_t *a = row;
    const int8_t *b = col;
    const int8_t *const end = row + (k & ~3);
    while (a != end) {
        const uint32_t a0 = tforge_load4_s8(a);
        const uint32_t a1 = tforge_load4_s8(a + k);
        const uint32_t b0 = tforge_load4_s8(b);
        const uint32_t b1 = tforge_load4_s8(b + k);
        const int32_t a0e = __sxtb16(a0);
        const int32_t a1e = __sxtb16(a1);
        const int32_t b0e = __sxtb16(b0);
        const int32_t b1e = __sxtb16(b1);
        s00 = __smlad(a0e, b0e, s00);
        s01 = __smlad(a0e, b1e, s01);
        s10 = __smlad(a1e, b0e, s10);
        s11 = __smlad(a1e, b1e, s11);
        {
            const int32_t a0o = tforge_sxtb16_ror8(a0);
            const int32_t a1o = tforge_sxtb16_ror8(a1);
            const int32_t b0o = tforge_sxtb16_ror8(b0);
            const int32_t b1o = tforge_sxtb16_ror8(b1);
            s00 = __smlad(a0o, b0o, s00);
            s01 = __smlad(a0o, b1o, s01);
            s10 = __smlad(a1o, b0o, s10);
            s11 = __smlad(a1o, b1o, s11);
        }
        a += 4;
        b += 4;
    }
    i = k & ~3;
    sum[0] = (uint32_t)s00;
    sum[1] = (uint32_t)s01;
    sum[2] = (uint32_t)s10;
    sum[3] = (uint32_t)s11;
#else
    sum[0] = 0;
    sum[1] = 0;
    sum[2] = 0;
    sum[3] = 0;
#endif
    for (; i < k; ++i) {
        const int32_t a0 = row[i];
        const int32_t a1 = row[k + i];
        const int32_t b0 = col[i];
        const int32_t b1 = col[k + i];
        sum[0] += (uint32_t)(a0 * b0);
        sum[1] += (uint32_t)(a0 * b1);
        sum[2] += (uint32_t)(a1 * b0);
        sum[3] += (uint32_t)(a1 * b1);
    }
}

/* sum[c] = row . column c over k int8 pairs, c in {0, 1}, column 1 k bytes after column 0. */
static inline void tforge_dot_1x2_s8(const int8_t *row, const int8_t *col, int32_t k,
                                     uint32_t sum[2]) {
    int32_t i = 0;
#if TFORGE_DSP
    int32_t s0 = 0;
    int32_t s1 = 0;
    const int8_t *a = row;
    const int8_t *b = col;
    const int8_t *const end = row + (k & ~3);
    while (a != end) {
        const uint32_t x = tforge_load4_s8(a);
        const uint32_t b0 = tforge_load4_s8(b);
        const uint32_t b1 = tforge_load4_s8(b + k);
        const int32_t xe = __sxtb16(x);
        const int32_t xo = tforge_sxtb16_ror8(x);
        s0 = __smlad(xe, __sxtb16(b0), s0);
        s1 = __smlad(xe, __sxtb16(b1), s1);
        s0 = __smlad(xo, tforge_sxtb16_ror8(b0), s0);
        s1 = __smlad(xo, tforge_sxtb16_ror8(b1), s1);
        a += 4;
        b += 4;
    }
    i = k & ~3;
    sum[0] = (uint32_t)s0;
    sum[1] = (uint32_t)s1;
#else
    sum[0] = 0;
    sum[1] = 0;
#endif
    for (; i < k; ++i) {
        const int32_t x = row[i];
        sum[0] += (uint32_t)(x * col[i]);
        sum[1] += (uint32_t)(x * col[k + i]);
    }
}

/* row . column over k int8 pairs; wraps modulo 2^32. */
static inline uint32_t tforge_dot_1x1_s8(const int8_t *row, const int8_t *col, int32_t k) {
    int32_t i = 0;
    uint32_t sum;
#if TFORGE_DSP
    int32_t s = 0;
    for (; i + 4 <= k; i += 4) {
        const uint32_t x = tforge_load4_s8(row + i);
        const uint32_t w = tforge_load4_s8(col + i);
        s = __smlad(__sxtb16(x), __sxtb16(w), s);
        s = __smlad(tforge_sxtb16_ror8(x), tforge_sxtb16_ror8(w), s);
    }
    sum = (uint32_t)s;
#else
    sum = 0;
#endif
    for (; i < k; ++i) {
        sum += (uint32_t)((int32_t)row[i] * col[i]);
    }
    return sum;
}

/*
 * out[r * out_step + c] for rows r < rows (1 or 2; row 1 starts k bytes after row 0) and every
 * column c < cols: the inner products with the weight rows weights[c * k .. c * k + k),
 * requantized. Two columns per pass.
 */
static inline void tforge_gemm_rows_s8(const int8_t *row, int32_t rows, const int8_t *weights,
                                       int32_t k, int32_t cols, const int32_t *folded_bias,
                                       const tforge_requant *rq, int8_t *out, int32_t out_step) {
    int32_t c;
    for (c = 0; c + 2 <= cols; c += 2) {
        const int8_t *w = weights + (size_t)c * (size_t)k;
        if (rows == 2) {
            uint32_t sum[4];
            tforge_dot_2x2_s8(row, w, k, sum);
            out[c] = tforge_output_fast_s8(sum[0], c, folded_bias, rq);
            out[c + 1] = tforge_output_fast_s8(sum[1], c + 1, folded_bias, rq);
            out[out_step + c] = tforge_output_fast_s8(sum[2], c, folded_bias, rq);
            out[out_step + c + 1] = tforge_output_fast_s8(sum[3], c + 1, folded_bias, rq);
        } else {
            uint32_t sum[2];
            tforge_dot_1x2_s8(row, w, k, sum);
            out[c] = tforge_output_fast_s8(sum[0], c, folded_bias, rq);
            out[c + 1] = tforge_output_fast_s8(sum[1], c + 1, folded_bias, rq);
        }
    }
    if (c < cols) {
        const int8_t *w = weights + (size_t)c * (size_t)k;
        out[c] = tforge_output_fast_s8(tforge_dot_1x1_s8(row, w, k), c, folded_bias, rq);
        if (rows == 2) {
            out[out_step + c] =
                tforge_output_fast_s8(tforge_dot_1x1_s8(row + k, w, k), c, folded_bias, rq);
        }
    }
}

#endif
