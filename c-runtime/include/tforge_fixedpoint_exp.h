/*
 * The fixed-point exp and reciprocal that TF Lite's int8 softmax takes from gemmlowp, on raw
 * int32 values. A raw value x in format "Qm" (m integer bits, sign excluded) stands for
 * x / 2^(31 - m); Q0 covers [-1, 1). Bit-exact with dev.tinyforge.quant.FixedPointExp.
 *
 * gemmlowp adds and shifts signed values directly; here every step that could wrap for some
 * input is done on uint32_t, which is defined in C and equals the two's-complement result the
 * reference produces for the inputs it accepts.
 */
#ifndef TFORGE_FIXEDPOINT_EXP_H
#define TFORGE_FIXEDPOINT_EXP_H

#include <stdint.h>

#include "tforge_fixedpoint.h"

/* Two's-complement wrap of a uint32_t back to int32_t without implementation-defined casts. */
static inline int32_t tforge_fp_from_bits(uint32_t bits) {
    return bits <= (uint32_t)INT32_MAX ? (int32_t)bits
                                       : (int32_t)(bits - (uint32_t)INT32_MAX - 1u) + INT32_MIN;
}

static inline int32_t tforge_fp_wrapping_add(int32_t a, int32_t b) {
    return tforge_fp_from_bits((uint32_t)a + (uint32_t)b);
}

static inline int32_t tforge_fp_wrapping_sub(int32_t a, int32_t b) {
    return tforge_fp_from_bits((uint32_t)a - (uint32_t)b);
}

/* x * 2^exponent for exponent in [1, 31), saturating at the int32 limits. */
static inline int32_t tforge_fp_saturating_shift_left(int32_t x, int32_t exponent) {
    const int32_t threshold = (int32_t)(((uint32_t)1 << (31 - exponent)) - 1u);
    if (x > threshold) {
        return INT32_MAX;
    }
    if (x < -threshold) {
        return INT32_MIN;
    }
    return tforge_fp_from_bits((uint32_t)x << exponent);
}

/* Moves a raw value from Q<from> to Q<to>: a saturating left or a rounding right shift. */
static inline int32_t tforge_fp_rescale(int32_t x, int32_t from_integer_bits,
                                        int32_t to_integer_bits) {
    const int32_t exponent = from_integer_bits - to_integer_bits;
    if (exponent > 0) {
        return tforge_fp_saturating_shift_left(x, exponent);
    }
    if (exponent < 0) {
        return tforge_rounding_divide_by_pot(x, -exponent);
    }
    return x;
}

/* (a + b) / 2 rounded half away from zero, without intermediate overflow. */
static inline int32_t tforge_fp_rounding_half_sum(int32_t a, int32_t b) {
    const int64_t sum = (int64_t)a + (int64_t)b;
    return (int32_t)((sum + (sum >= 0 ? 1 : -1)) / 2);
}

/*
 * exp(a) for a Q0 value a in [-1/4, 0): exp(-1/8) * (1 + x + x^2/2 + x^3/6 + x^4/24) with
 * x = a + 1/8, a Taylor expansion around the middle of the interval.
 */
static inline int32_t tforge_fp_exp_on_negative_quarter(int32_t a) {
    const int32_t exp_of_minus_one_eighth = 1895147668; /* Q0 */
    const int32_t one_third = 715827883;                /* Q0 */
    const int32_t x = a + (1 << 28);                     /* a >= -2^29: no overflow */
    const int32_t x2 = tforge_sat_rounding_doubling_high_mul(x, x);
    const int32_t x3 = tforge_sat_rounding_doubling_high_mul(x2, x);
    const int32_t x4 = tforge_sat_rounding_doubling_high_mul(x2, x2);
    const int32_t x4_over_4 = tforge_rounding_divide_by_pot(x4, 2);
    /* ((x^4/4 + x^3) / 3 + x^2) / 2 = x^4/24 + x^3/6 + x^2/2 */
    const int32_t higher_terms = tforge_rounding_divide_by_pot(
        tforge_fp_wrapping_add(
            tforge_sat_rounding_doubling_high_mul(tforge_fp_wrapping_add(x4_over_4, x3), one_third),
            x2),
        1);
    return tforge_fp_wrapping_add(
        exp_of_minus_one_eighth,
        tforge_sat_rounding_doubling_high_mul(exp_of_minus_one_eighth,
                                              tforge_fp_wrapping_add(x, higher_terms)));
}

/*
 * exp(a) in Q0 for a raw value a <= 0 in Q<integer_bits> (integer_bits in [0, 29]). The part of
 * a below a multiple of 1/4 goes through the polynomial; each set bit of the rest multiplies the
 * result by exp(-2^k), k = -2..4.
 */
static inline int32_t tforge_fp_exp_on_negative_values(int32_t a, int32_t integer_bits) {
    static const int32_t exp_of_minus_power_of_two[7] = {
        1672461947, 1302514674, 790015084, 290630308, 39332535, 720401, 242};
    const int32_t fractional_bits = 31 - integer_bits;
    const int32_t one_quarter = (int32_t)1 << (fractional_bits - 2);
    const int32_t below_quarter_minus_quarter = (a & (one_quarter - 1)) - one_quarter;
    int32_t result = tforge_fp_exp_on_negative_quarter(
        tforge_fp_rescale(below_quarter_minus_quarter, integer_bits, 0));
    /* A non-negative multiple of 1/4 for a <= 0; wrapping keeps other inputs defined. */
    const uint32_t remainder = (uint32_t)tforge_fp_wrapping_sub(below_quarter_minus_quarter, a);
    int32_t k;
    for (k = -2; k <= 4; k++) {
        if (integer_bits > k && (remainder & ((uint32_t)1 << (fractional_bits + k))) != 0u) {
            result =
                tforge_sat_rounding_doubling_high_mul(result, exp_of_minus_power_of_two[k + 2]);
        }
    }
    if (integer_bits > 5) { /* exp(-32) is below Q0's resolution: flush to zero */
        const int32_t minus_thirty_two = -((int32_t)1 << (36 - integer_bits));
        if (a < minus_thirty_two) {
            result = 0;
        }
    }
    return a == 0 ? INT32_MAX : result; /* exp(0) = 1, the largest Q0 value */
}

/* 1 / (1 + a) for a Q0 value a in [0, 1), by three Newton-Raphson steps; result in Q0. */
static inline int32_t tforge_fp_one_over_one_plus_x(int32_t a) {
    const int32_t forty_eight_seventeenths = 1515870810;       /* Q2 */
    const int32_t minus_thirty_two_seventeenths = -1010580540; /* Q2 */
    const int32_t one_q2 = (int32_t)1 << 29;
    const int32_t half_denominator = tforge_fp_rounding_half_sum(a, INT32_MAX); /* (1+a)/2, Q0 */
    /* Q0 x Q2 products are Q2; Q2 x Q2 products are Q4. */
    int32_t x = tforge_fp_wrapping_add(
        forty_eight_seventeenths,
        tforge_sat_rounding_doubling_high_mul(half_denominator, minus_thirty_two_seventeenths));
    int i;
    for (i = 0; i < 3; i++) {
        const int32_t error = tforge_fp_wrapping_sub(
            one_q2, tforge_sat_rounding_doubling_high_mul(half_denominator, x));
        x = tforge_fp_wrapping_add(
            x, tforge_fp_rescale(tforge_sat_rounding_doubling_high_mul(x, error), 4, 2));
    }
    /* x ~ 2 / (1 + a) in Q2; the same raw value read as Q1 is half of it. */
    return tforge_fp_rescale(x, 1, 0);
}

/* Leading zero bits of x; 32 for zero. A loop keeps this C99 without compiler builtins. */
static inline int32_t tforge_fp_count_leading_zeros(uint32_t x) {
    int32_t n = 0;
    if (x == 0u) {
        return 32;
    }
    while ((x & 0x80000000u) == 0u) {
        x <<= 1;
        n++;
    }
    return n;
}

/* (1 - a) / (1 + a) for a Q0 value a in [0, 1), by the same Newton-Raphson steps; result in Q0. */
static inline int32_t tforge_fp_one_minus_x_over_one_plus_x(int32_t a) {
    const int32_t forty_eight_seventeenths = 1515870810;       /* Q2 */
    const int32_t minus_thirty_two_seventeenths = -1010580540; /* Q2 */
    const int32_t one_q2 = (int32_t)1 << 29;
    const int32_t half_denominator = tforge_fp_rounding_half_sum(a, INT32_MAX);
    int32_t x = tforge_fp_wrapping_add(
        forty_eight_seventeenths,
        tforge_sat_rounding_doubling_high_mul(half_denominator, minus_thirty_two_seventeenths));
    int i;
    for (i = 0; i < 3; i++) {
        const int32_t error = tforge_fp_wrapping_sub(
            one_q2, tforge_sat_rounding_doubling_high_mul(half_denominator, x));
        x = tforge_fp_wrapping_add(
            x, tforge_fp_rescale(tforge_sat_rounding_doubling_high_mul(x, error), 4, 2));
    }
    /* x ~ 2 / (1 + a) in Q2, and 2 / (1 + a) - 1 = (1 - a) / (1 + a). */
    return tforge_fp_rescale(tforge_fp_wrapping_sub(x, one_q2), 2, 0);
}

/*
 * gemmlowp's logistic: 1 / (1 + exp(-a)) in Q0 for a raw a in Q<integer_bits>, a > INT32_MIN.
 * Computed for |a| and mirrored as "1" - y (the largest Q0 value) for negative a; 1/2 at zero.
 */
static inline int32_t tforge_fp_logistic(int32_t a, int32_t integer_bits) {
    int32_t for_positive;
    if (a == 0) {
        return (int32_t)1 << 30;
    }
    for_positive = tforge_fp_one_over_one_plus_x(
        tforge_fp_exp_on_negative_values(a > 0 ? -a : a, integer_bits));
    return a > 0 ? for_positive : INT32_MAX - for_positive;
}

/*
 * gemmlowp's tanh in Q0 for a raw a in Q<integer_bits>, a > INT32_MIN: tanh(|a|) =
 * (1 - exp(-2|a|)) / (1 + exp(-2|a|)), where -2|a| is the same raw value read with one more
 * integer bit; the sign is restored afterwards and zero maps to zero.
 */
static inline int32_t tforge_fp_tanh(int32_t a, int32_t integer_bits) {
    int32_t t;
    if (a == 0) {
        return 0;
    }
    t = tforge_fp_one_minus_x_over_one_plus_x(
        tforge_fp_exp_on_negative_values(a < 0 ? a : -a, integer_bits + 1));
    return a < 0 ? -t : t;
}

#endif
