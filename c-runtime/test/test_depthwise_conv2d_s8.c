/*
 * Hand-worked cases for tforge_depthwise_conv2d_s8; DepthwiseConv2dTest.java checks the Java
 * mirror against the same numbers.
 */
#include "tforge.h"
#include "tforge_test.h"

#define Q_HALF 1073741824           /* 0.5 in Q31 */
#define Q_THREE_QUARTERS 1610612736 /* 0.75 in Q31 */
#define Q_ONE_THIRD 1431655765      /* round(2^32 / 3): 1/3 = (2/3) * 2^-1 */

/*
 * 2x2x2 input, zero point 5 (offset -5); shifted input per pixel:
 *   (0,0) [1 -1]   (0,1) [2 -2]   (1,0) [3 -3]   (1,1) [4 -4]
 * depth multiplier 2: oc0, oc1 read ic0; oc2, oc3 read ic1.
 * filter [ky][kx][oc]: (0,0) [1 -1 2 0]  (0,1) [1 0 1 3]  (1,0) [1 2 -1 1]  (1,1) [1 1 0 -2]
 * 2x2 kernel, stride 1, padding 1 top and left -> 2x2 output; in-bounds taps:
 *   (0,0): k(1,1)@(0,0)                        -> [1, 1, 0, 2]
 *   (0,1): k(1,0)@(0,0) k(1,1)@(0,1)           -> [3, 4, 1, 3]
 *   (1,0): k(0,1)@(0,0) k(1,1)@(1,0)           -> [4, 3, -1, 3]
 *   (1,1): all four                            -> [10, 9, -1, -1]
 * bias [0 100 -3 7] -> oc0 1 3 4 10 | oc1 101 104 103 109 | oc2 -3 -2 -4 -4 | oc3 9 10 10 6
 * oc0 x 0.5 (2^30, 0):        0.5->1, 1.5->2, 2, 5
 * oc1 x 0.125 (2^30, -2):     high-mul 50.5->51, 52, 51.5->52, 54.5->55; /4 -> 13 13 13 14
 * oc2 x 1.5 (0.75, shift 1):  -6x0.75 = -4.5 -> -4 (high-mul ties round up), -3, -6, -6
 * oc3 x 1/3 (shift -1):       9 -> 5.99..->6 ->3;  10 -> 6.66..->7 -> 3.5 -> 4;  6 -> 4 -> 2
 * output zero point -1, clamp [-5, 12]:
 *   oc0 0 1 1 4 | oc1 12 12 12 12 (13 clamped) | oc2 -5 -4 -5 -5 (-7 clamped) | oc3 2 3 3 1
 */
static void depth_multiplier_two_padding_per_channel(void) {
    const int8_t input[2 * 2 * 2] = {6, 4, 7, 3, 8, 2, 9, 1};
    const int8_t filter[2 * 2 * 4] = {
        1, -1, 2, 0,
        1, 0, 1, 3,
        1, 2, -1, 1,
        1, 1, 0, -2,
    };
    const int32_t bias[4] = {0, 100, -3, 7};
    const int32_t multiplier[4] = {Q_HALF, Q_HALF, Q_THREE_QUARTERS, Q_ONE_THIRD};
    const int32_t shift[4] = {0, -2, 1, -1};
    const tforge_requant rq = {-5, -1, -5, 12, multiplier, shift};
    const tforge_dims in = {2, 2, 2};
    const tforge_dims out = {2, 2, 4};
    const tforge_window win = {2, 2, 1, 1, 1, 1, 1, 1};
    const int8_t expected[2 * 2 * 4] = {
        0, 12, -5, 2,
        1, 12, -4, 3,
        1, 12, -5, 3,
        4, 12, -5, 1,
    };
    int8_t output[16] = {0};
    tforge_depthwise_conv2d_s8(input, &in, filter, bias, output, &out, 2, &win, &rq);
    CHECK_EQ_S8_ARRAY(expected, output, 16);
}

/*
 * 5x5x1 input r*5 + c (zero point 0), 3x3 kernel with dilation 2 (taps at rows/cols 0, 2, 4
 * of the window), stride 2, padding 2 -> 2x2 output, depth multiplier 1, no bias.
 * filter = all ones. Window origins (-2,-2), (-2,0), (0,-2), (0,0); in-bounds rows/cols:
 *   (0,0): rows {0,2} cols {0,2}   -> 0+2+10+12 = 24
 *   (0,1): rows {0,2} cols {0,2,4} -> (0+2+4) + (10+12+14) = 42
 *   (1,0): rows {0,2,4} cols {0,2} -> (0+2) + (10+12) + (20+22) = 66
 *   (1,1): all nine                -> (0+2+4) + (10+12+14) + (20+22+24) = 108
 * x 0.5 (2^30, 0) -> 12 21 33 54; output zero point 0.
 */
static void stride2_dilation2_null_bias(void) {
    int8_t input[5 * 5];
    const int8_t filter[3 * 3 * 1] = {1, 1, 1, 1, 1, 1, 1, 1, 1};
    const int32_t multiplier[1] = {Q_HALF};
    const int32_t shift[1] = {0};
    const tforge_requant rq = {0, 0, -128, 127, multiplier, shift};
    const tforge_dims in = {5, 5, 1};
    const tforge_dims out = {2, 2, 1};
    const tforge_window win = {3, 3, 2, 2, 2, 2, 2, 2};
    const int8_t expected[4] = {12, 21, 33, 54};
    int8_t output[4] = {0};
    int i;
    for (i = 0; i < 25; ++i) {
        input[i] = (int8_t)i;
    }
    tforge_depthwise_conv2d_s8(input, &in, filter, NULL, output, &out, 1, &win, &rq);
    CHECK_EQ_S8_ARRAY(expected, output, 4);
}

int main(void) {
    TFORGE_RUN(depth_multiplier_two_padding_per_channel);
    TFORGE_RUN(stride2_dilation2_null_bias);
    return tforge_test_summary();
}
