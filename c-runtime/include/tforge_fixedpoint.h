/*
 * Fixed-point requantization shared by every int8 kernel.
 *
 * The arithmetic is TF Lite Micro's reference int8 contract: a real multiplier M is stored as a
 * Q31 integer and a power-of-two shift (M = multiplier * 2^(shift - 31)); applying it is a
 * saturating rounding doubling high multiply followed by a rounding divide by a power of two
 * ("double rounding"). Integer only: no float is used at inference time.
 */
#ifndef TFORGE_FIXEDPOINT_H
#define TFORGE_FIXEDPOINT_H

#include <stdint.h>

/*
 * (a * b * 2) >> 32 rounded to nearest, ties toward +infinity (1.5 -> 2, -1.5 -> -1: the nudge
 * is not symmetric); saturates the one overflowing case.
 */
static inline int32_t tforge_sat_rounding_doubling_high_mul(int32_t a, int32_t b) {
    if (a == INT32_MIN && b == INT32_MIN) {
        return INT32_MAX;
    }
    const int64_t ab = (int64_t)a * (int64_t)b;
    const int64_t nudge = ab >= 0 ? (1 << 30) : (1 - (1 << 30));
    /* Division, not a shift: the reference truncates toward zero here. */
    return (int32_t)((ab + nudge) / ((int64_t)1 << 31));
}

/* x / 2^exponent rounded to nearest, ties away from zero. */
static inline int32_t tforge_rounding_divide_by_pot(int32_t x, int32_t exponent) {
    const int32_t mask = (int32_t)(((int64_t)1 << exponent) - 1);
    const int32_t remainder = x & mask;
    const int32_t threshold = (mask >> 1) + ((x < 0) ? 1 : 0);
    return (x >> exponent) + ((remainder > threshold) ? 1 : 0);
}

/* x * multiplier * 2^(shift - 31); shift > 0 shifts left before the multiply. */
static inline int32_t tforge_requantize(int32_t x, int32_t multiplier, int32_t shift) {
    const int32_t left = shift > 0 ? shift : 0;
    const int32_t right = shift > 0 ? 0 : -shift;
    return tforge_rounding_divide_by_pot(
        tforge_sat_rounding_doubling_high_mul((int32_t)((uint32_t)x << left), multiplier), right);
}

static inline int32_t tforge_clamp(int32_t x, int32_t lo, int32_t hi) {
    return x < lo ? lo : (x > hi ? hi : x);
}

#endif
