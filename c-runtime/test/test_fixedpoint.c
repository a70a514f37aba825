/*
 * tforge_fixedpoint.h against the hand-worked values of FixedPointTest.java, so the C and Java
 * requantization agree on the same independent expectations (ties, negatives, saturation,
 * positive shifts, the int32 wrap of the left shift).
 */
#include "tforge_fixedpoint.h"
#include "tforge_test.h"

#define Q_HALF 1073741824           /* 0.5 in Q31 */
#define Q_THREE_QUARTERS 1610612736 /* 0.75 in Q31 */

static void high_mul_exact_products(void) {
    CHECK_EQ_INT(1 << 29, tforge_sat_rounding_doubling_high_mul(Q_HALF, Q_HALF));
    CHECK_EQ_INT(-INT32_MAX, tforge_sat_rounding_doubling_high_mul(INT32_MIN, INT32_MAX));
    CHECK_EQ_INT(0, tforge_sat_rounding_doubling_high_mul(0, INT32_MIN));
}

static void high_mul_ties_round_toward_positive_infinity(void) {
    CHECK_EQ_INT(2, tforge_sat_rounding_doubling_high_mul(3, Q_HALF));   /* 1.5 */
    CHECK_EQ_INT(-1, tforge_sat_rounding_doubling_high_mul(-3, Q_HALF)); /* -1.5 */
    CHECK_EQ_INT(-2, tforge_sat_rounding_doubling_high_mul(-5, Q_HALF)); /* -2.5 */
    CHECK_EQ_INT(0, tforge_sat_rounding_doubling_high_mul(-1, Q_HALF));  /* -0.5 */
}

static void high_mul_non_ties_round_to_nearest(void) {
    CHECK_EQ_INT(4, tforge_sat_rounding_doubling_high_mul(5, Q_THREE_QUARTERS));   /* 3.75 */
    CHECK_EQ_INT(-4, tforge_sat_rounding_doubling_high_mul(-5, Q_THREE_QUARTERS));
    CHECK_EQ_INT(5, tforge_sat_rounding_doubling_high_mul(7, Q_THREE_QUARTERS));   /* 5.25 */
    CHECK_EQ_INT(-5, tforge_sat_rounding_doubling_high_mul(-7, Q_THREE_QUARTERS));
    CHECK_EQ_INT(INT32_MAX - 1, tforge_sat_rounding_doubling_high_mul(INT32_MAX, INT32_MAX));
}

static void high_mul_saturates_the_only_overflow(void) {
    CHECK_EQ_INT(INT32_MAX, tforge_sat_rounding_doubling_high_mul(INT32_MIN, INT32_MIN));
}

static void divide_ties_round_away_from_zero(void) {
    CHECK_EQ_INT(3, tforge_rounding_divide_by_pot(5, 1));
    CHECK_EQ_INT(-3, tforge_rounding_divide_by_pot(-5, 1));
    CHECK_EQ_INT(-2, tforge_rounding_divide_by_pot(-3, 1));
    CHECK_EQ_INT(1, tforge_rounding_divide_by_pot(1 << 30, 31));
    CHECK_EQ_INT(-1, tforge_rounding_divide_by_pot(-(1 << 30), 31));
}

static void divide_non_ties_round_to_nearest(void) {
    CHECK_EQ_INT(-2, tforge_rounding_divide_by_pot(-7, 2));
    CHECK_EQ_INT(-1, tforge_rounding_divide_by_pot(-5, 2));
    CHECK_EQ_INT(2, tforge_rounding_divide_by_pot(7, 2));
    CHECK_EQ_INT(0, tforge_rounding_divide_by_pot((1 << 30) - 1, 31));
    CHECK_EQ_INT(-1, tforge_rounding_divide_by_pot(INT32_MIN, 31));
    CHECK_EQ_INT(1, tforge_rounding_divide_by_pot(INT32_MAX, 31));
    CHECK_EQ_INT(-7, tforge_rounding_divide_by_pot(-7, 0));
    CHECK_EQ_INT(INT32_MIN, tforge_rounding_divide_by_pot(INT32_MIN, 0));
}

static void requantize_rounds_twice(void) {
    CHECK_EQ_INT(3, tforge_requantize(6, Q_THREE_QUARTERS, -1)); /* 2.25, single rounding: 2 */
    CHECK_EQ_INT(-2, tforge_requantize(-6, Q_HALF, -1));         /* -1.5 */
    CHECK_EQ_INT(-1, tforge_requantize(-3, Q_HALF, 0));          /* -1.5 */
    CHECK_EQ_INT(1, tforge_requantize(INT32_MAX, Q_HALF, -31));
}

static void requantize_positive_shift_shifts_left_first(void) {
    CHECK_EQ_INT(6, tforge_requantize(3, Q_HALF, 2));
    CHECK_EQ_INT(-21, tforge_requantize(-21, Q_HALF, 1));
    CHECK_EQ_INT(-(1 << 30), tforge_requantize(1 << 30, Q_HALF, 1)); /* the left shift wraps */
}

static void clamp_keeps_the_range(void) {
    CHECK_EQ_INT(-128, tforge_clamp(-200, -128, 127));
    CHECK_EQ_INT(127, tforge_clamp(200, -128, 127));
    CHECK_EQ_INT(5, tforge_clamp(5, -128, 127));
}

int main(void) {
    TFORGE_RUN(high_mul_exact_products);
    TFORGE_RUN(high_mul_ties_round_toward_positive_infinity);
    TFORGE_RUN(high_mul_non_ties_round_to_nearest);
    TFORGE_RUN(high_mul_saturates_the_only_overflow);
    TFORGE_RUN(divide_ties_round_away_from_zero);
    TFORGE_RUN(divide_non_ties_round_to_nearest);
    TFORGE_RUN(requantize_rounds_twice);
    TFORGE_RUN(requantize_positive_shift_shifts_left_first);
    TFORGE_RUN(clamp_keeps_the_range);
    return tforge_test_summary();
}
