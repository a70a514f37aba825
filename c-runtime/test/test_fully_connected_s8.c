/*
 * Hand-worked cases for tforge_fully_connected_s8; FullyConnectedTest.java checks the Java
 * mirror against the same numbers. Q31 multipliers used: 2^30 = 0.5.
 */
#include "tforge.h"
#include "tforge_test.h"

#define Q_HALF 1073741824 /* 0.5 in Q31 */

/*
 * input [3, -1, 0], input zero point -1 (offset +1) -> shifted [4, 0, 1]
 * acc0 = 1*4 + 2*0 + 3*1 = 7,  + bias 10  = 17
 * acc1 = -2*4 + 5*0 + 7*1 = -1, + bias -20 = -21
 * ch0 x 0.5  (2^30, 0):  17 -> high-mul 8.5 -> 9 (ties round up) -> 9
 * ch1 x 0.25 (2^30, -1): -21 -> high-mul -10.5 -> -10 (ties round up, i.e. toward zero here)
 *                              -> /2 = -5 exactly -> -5
 * output zero point -2: [7, -7]
 */
static void per_channel_multipliers_bias_and_offsets(void) {
    const int8_t input[3] = {3, -1, 0};
    const int8_t weights[2 * 3] = {1, 2, 3, -2, 5, 7};
    const int32_t bias[2] = {10, -20};
    const int32_t multiplier[2] = {Q_HALF, Q_HALF};
    const int32_t shift[2] = {0, -1};
    const tforge_requant rq = {1, -2, -128, 127, multiplier, shift};
    const int8_t expected[2] = {7, -7};
    int8_t output[2] = {0, 0};
    tforge_fully_connected_s8(input, 3, weights, bias, output, 2, &rq);
    CHECK_EQ_S8_ARRAY(expected, output, 2);
}

/*
 * Same input and weights, no bias: acc [7, -1].
 * ch0: 7 x 0.5 -> 3.5 -> 4; - 2 = 2 -> clamped to 1
 * ch1: -1 x 0.25 -> high-mul -0.5 -> 0 -> /2 = 0; - 2 = -2 -> clamped to -1
 */
static void null_bias_and_activation_clamp(void) {
    const int8_t input[3] = {3, -1, 0};
    const int8_t weights[2 * 3] = {1, 2, 3, -2, 5, 7};
    const int32_t multiplier[2] = {Q_HALF, Q_HALF};
    const int32_t shift[2] = {0, -1};
    const tforge_requant rq = {1, -2, -1, 1, multiplier, shift};
    const int8_t expected[2] = {1, -1};
    int8_t output[2] = {0, 0};
    tforge_fully_connected_s8(input, 3, weights, NULL, output, 2, &rq);
    CHECK_EQ_S8_ARRAY(expected, output, 2);
}

/*
 * The widest products: input -128 with zero point -128 (offset 128) is 0, input 127 is 255.
 * ch0: 127*255*3 = 97155 x 0.5 = 48577.5 -> 48578 -> clamped to 127
 * ch1: -128*255*3 = -97920 x 0.5 = -48960 -> clamped to -128
 */
static void saturates_to_int8_range(void) {
    const int8_t input[3] = {127, 127, 127};
    const int8_t weights[2 * 3] = {127, 127, 127, -128, -128, -128};
    const int32_t multiplier[2] = {Q_HALF, Q_HALF};
    const int32_t shift[2] = {0, 0};
    const tforge_requant rq = {128, 0, -128, 127, multiplier, shift};
    const int8_t expected[2] = {127, -128};
    int8_t output[2] = {0, 0};
    tforge_fully_connected_s8(input, 3, weights, NULL, output, 2, &rq);
    CHECK_EQ_S8_ARRAY(expected, output, 2);
}

int main(void) {
    TFORGE_RUN(per_channel_multipliers_bias_and_offsets);
    TFORGE_RUN(null_bias_and_activation_clamp);
    TFORGE_RUN(saturates_to_int8_range);
    return tforge_test_summary();
}
