/*
 * Hand-worked cases for tforge_conv2d_s8; Conv2dTest.java checks the Java mirror against the
 * same numbers. Q31 multipliers used: 2^30 = 0.5 and 3 * 2^29 = 0.75.
 */
#include "tforge.h"
#include "tforge_test.h"

#define Q_HALF 1073741824           /* 0.5 in Q31 */
#define Q_THREE_QUARTERS 1610612736 /* 0.75 in Q31 */

/*
 * 3x3x1 input 1..9 with zero point 1 (offset -1), so the shifted input s is
 *   0 1 2
 *   3 4 5
 *   6 7 8
 * 3x3 kernel, stride 2, padding 1 on top and left -> 2x2 output. Padding taps are skipped:
 * padding with a raw 0 instead would add -1 x filter per tap and change every sum.
 * oc0 = all ones, oc1 = Sobel-x [1 0 -1; 2 0 -2; 1 0 -1]. In-bounds taps per output:
 *   (0,0): kernel rows 1-2, cols 1-2 -> oc0 0+1+3+4 = 8    oc1 -2*1 - 1*4 = -6
 *   (0,1): kernel rows 1-2, cols 0-1 -> oc0 1+2+4+5 = 12   oc1  2*1 + 1*4 = 6
 *   (1,0): kernel rows 0-1, cols 1-2 -> oc0 3+4+6+7 = 20   oc1 -1*4 - 2*7 = -18
 *   (1,1): kernel rows 0-1, cols 0-1 -> oc0 4+5+7+8 = 24   oc1  1*4 + 2*7 = 18
 * bias [-3, 1] -> oc0 5 9 17 21, oc1 -5 7 -17 19
 * oc0 x 0.25 (2^30, -1), rounding twice as the reference does (high-mul, then divide by 2):
 *   5 -> 2.5 -> 3 -> 1.5 -> 2;  9 -> 4.5 -> 5 -> 3;  17 -> 9 -> 5;  21 -> 11 -> 6
 *   (a single rounding of 1.25, 2.25, 4.25, 5.25 would give 1 2 4 5)
 * oc1 x 0.75 (3*2^29, 0): -3.75 -> -4;  5.25 -> 5;  -12.75 -> -13;  14.25 -> 14
 * output zero point 3: oc0 5 6 8 9, oc1 -1 8 -10 17
 */
static void padding_stride2_per_channel(void) {
    const int8_t input[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    const int8_t filter[2 * 3 * 3 * 1] = {
        1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 0, -1, 2, 0, -2, 1, 0, -1,
    };
    const int32_t bias[2] = {-3, 1};
    const int32_t multiplier[2] = {Q_HALF, Q_THREE_QUARTERS};
    const int32_t shift[2] = {-1, 0};
    const tforge_requant rq = {-1, 3, -128, 127, multiplier, shift};
    const tforge_dims in = {3, 3, 1};
    const tforge_dims out = {2, 2, 2};
    const tforge_window win = {3, 3, 2, 2, 1, 1, 1, 1};
    const int8_t expected[2 * 2 * 2] = {5, -1, 6, 8, 8, -10, 9, 17};
    int8_t output[8] = {0};
    tforge_conv2d_s8(input, &in, filter, bias, output, &out, &win, &rq);
    CHECK_EQ_S8_ARRAY(expected, output, 8);
}

/* The same layer with a ReLU folded into the clamp: act_min = output zero point 3. */
static void relu_clamp(void) {
    const int8_t input[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    const int8_t filter[2 * 3 * 3 * 1] = {
        1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 0, -1, 2, 0, -2, 1, 0, -1,
    };
    const int32_t bias[2] = {-3, 1};
    const int32_t multiplier[2] = {Q_HALF, Q_THREE_QUARTERS};
    const int32_t shift[2] = {-1, 0};
    const tforge_requant rq = {-1, 3, 3, 127, multiplier, shift};
    const tforge_dims in = {3, 3, 1};
    const tforge_dims out = {2, 2, 2};
    const tforge_window win = {3, 3, 2, 2, 1, 1, 1, 1};
    const int8_t expected[2 * 2 * 2] = {5, 3, 6, 8, 8, 3, 9, 17};
    int8_t output[8] = {0};
    tforge_conv2d_s8(input, &in, filter, bias, output, &out, &win, &rq);
    CHECK_EQ_S8_ARRAY(expected, output, 8);
}

/*
 * 3x3x2 input, zero point -2 (offset 2); with v = 3y + x the shifted input is [v, 10 - v].
 * A 2x2 kernel with dilation 2 touches pixels v = 0, 2, 6, 8 -> one output pixel.
 * filter [ky][kx][ic] = (0,0) [1 2], (0,1) [3 4], (1,0) [5 6], (1,1) [7 8]
 * acc = 1*0 + 2*10 + 3*2 + 4*8 + 5*6 + 6*4 + 7*8 + 8*2 = 184, no bias
 * x 1.0 as (2^30, shift +1): 184 << 1 = 368 -> high-mul 184
 * output zero point -60: 124 -> clamped to act_max 100
 */
static void dilation_two_input_channels_null_bias_positive_shift(void) {
    int8_t input[3 * 3 * 2];
    const int8_t filter[1 * 2 * 2 * 2] = {1, 2, 3, 4, 5, 6, 7, 8};
    const int32_t multiplier[1] = {Q_HALF};
    const int32_t shift[1] = {1};
    const tforge_requant rq = {2, -60, -128, 100, multiplier, shift};
    const tforge_dims in = {3, 3, 2};
    const tforge_dims out = {1, 1, 1};
    const tforge_window win = {2, 2, 1, 1, 2, 2, 0, 0};
    int8_t output[1] = {0};
    int v;
    for (v = 0; v < 9; ++v) {
        input[2 * v] = (int8_t)(v - 2);
        input[2 * v + 1] = (int8_t)(10 - v - 2);
    }
    tforge_conv2d_s8(input, &in, filter, NULL, output, &out, &win, &rq);
    CHECK_EQ_INT(100, output[0]);
}

int main(void) {
    TFORGE_RUN(padding_stride2_per_channel);
    TFORGE_RUN(relu_clamp);
    TFORGE_RUN(dilation_two_input_channels_null_bias_positive_shift);
    return tforge_test_summary();
}
