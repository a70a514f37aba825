/*
 * tforge_avgpool_s8: hand-worked cases (padding, stride, edge counts, rounding, clamps) and TF
 * Lite Micro's AVERAGE_POOL_2D in person_detect. Usage: test_avgpool_s8 <models dir>.
 */
#include "tforge.h"
#include "tforge_test_misc.h"

static const int8_t one_to_nine[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9}; /* 3x3x1 */

static tforge_window square(int32_t kernel, int32_t stride, int32_t pad) {
    tforge_window w;
    w.kernel_h = kernel;
    w.kernel_w = kernel;
    w.stride_h = stride;
    w.stride_w = stride;
    w.dilation_h = 1;
    w.dilation_w = 1;
    w.pad_top = pad;
    w.pad_left = pad;
    return w;
}

/* A 1-row window of width `width` that moves by its own width: pairs, quads, ... */
static tforge_window row_groups(int32_t width) {
    tforge_window w = square(1, 1, 0);
    w.kernel_w = width;
    w.stride_w = width;
    return w;
}

static void valid_two_by_two(void) {
    /* 1+2+4+5 = 12 -> 3; 16 -> 4; 24 -> 6; 28 -> 7 */
    const tforge_dims in = {3, 3, 1}, out = {2, 2, 1};
    const tforge_window w = square(2, 1, 0);
    const int8_t expected[4] = {3, 4, 6, 7};
    int8_t got[4];
    tforge_avgpool_s8(one_to_nine, &in, got, &out, &w, -128, 127);
    tforge_expect_bytes("valid 2x2", expected, got, 4);
}

static void same_padding_counts_in_bounds_taps(void) {
    /* corner 12/4 = 3, edge 21/6 = 3.5 -> 4, centre 45/9 = 5; zeros for padding would give 1 */
    const tforge_dims in = {3, 3, 1}, out = {3, 3, 1};
    const tforge_window w = square(3, 1, 1);
    const int8_t expected[9] = {3, 4, 4, 5, 5, 6, 6, 7, 7};
    int8_t got[9];
    tforge_avgpool_s8(one_to_nine, &in, got, &out, &w, -128, 127);
    tforge_expect_bytes("SAME 3x3 edge counts", expected, got, 9);
}

static void rounds_half_away_from_zero(void) {
    /* pairs: 3 -> 1.5 -> 2; -3 -> -2; 1 -> 0.5 -> 1; -1 -> -1 */
    const int8_t input[8] = {1, 2, -1, -2, 0, 1, 0, -1};
    const tforge_dims in = {1, 8, 1}, out = {1, 4, 1};
    const tforge_window w = row_groups(2);
    const int8_t expected[4] = {2, -2, 1, -1};
    int8_t got[4];
    tforge_avgpool_s8(input, &in, got, &out, &w, -128, 127);
    tforge_expect_bytes("ties away from zero", expected, got, 4);
}

static void quarters_round_to_nearest(void) {
    /* quads: 1 -> 0.25 -> 0; 3 -> 0.75 -> 1; -1 -> 0; -3 -> -1 */
    const int8_t input[16] = {1, 0, 0, 0, 1, 1, 1, 0, -1, 0, 0, 0, -1, -1, -1, 0};
    const tforge_dims in = {1, 16, 1}, out = {1, 4, 1};
    const tforge_window w = row_groups(4);
    const int8_t expected[4] = {0, 1, 0, -1};
    int8_t got[4];
    tforge_avgpool_s8(input, &in, got, &out, &w, -128, 127);
    tforge_expect_bytes("quarters", expected, got, 4);
}

static void clamps(void) {
    const tforge_dims in = {3, 3, 1}, out = {2, 2, 1};
    const tforge_window w = square(2, 1, 0);
    const int8_t expected[4] = {4, 4, 6, 6};
    int8_t got[4];
    tforge_avgpool_s8(one_to_nine, &in, got, &out, &w, 4, 6);
    tforge_expect_bytes("clamp [4, 6]", expected, got, 4);
}

static void extreme_codes(void) {
    const tforge_dims in = {3, 3, 1}, out = {1, 1, 1};
    const tforge_window w = square(3, 1, 0);
    int8_t lows[9], highs[9], got_low, got_high;
    const int8_t expected_low = -128, expected_high = 127;
    memset(lows, 0x80, sizeof lows);
    memset(highs, 0x7f, sizeof highs);
    tforge_avgpool_s8(lows, &in, &got_low, &out, &w, -128, 127);
    tforge_avgpool_s8(highs, &in, &got_high, &out, &w, -128, 127);
    tforge_expect_bytes("all -128", &expected_low, &got_low, 1);
    tforge_expect_bytes("all 127", &expected_high, &got_high, 1);
}

static void channels_and_stride(void) {
    /* 1x4x2, pairs: channel 0 = 10,20,30,40 -> 15, 35; channel 1 = -1,-3,-5,-7 -> -2, -6 */
    const int8_t input[8] = {10, -1, 20, -3, 30, -5, 40, -7};
    const tforge_dims in = {1, 4, 2}, out = {1, 2, 2};
    const tforge_window w = row_groups(2);
    const int8_t expected[4] = {15, -2, 35, -6};
    int8_t got[4];
    tforge_avgpool_s8(input, &in, got, &out, &w, -128, 127);
    tforge_expect_bytes("channels, stride 2", expected, got, 4);
}

/* person_detect AvgPool_1a: t050 [1,3,3,256] -> t027 [1,1,1,256], 3x3 VALID, stride 2. */
static void person_detect_golden(const char *models, const char *test_case) {
    char in_path[128], out_path[128];
    const tforge_dims in = {3, 3, 256}, out = {1, 1, 256};
    const tforge_window w = square(3, 2, 0);
    int8_t *input, *expected;
    int8_t got[256];
    sprintf(in_path, "person_detect/tensors/%s/t050.bin", test_case);
    sprintf(out_path, "person_detect/tensors/%s/t027.bin", test_case);
    input = tforge_read_golden(models, in_path, 3 * 3 * 256, NULL);
    expected = tforge_read_golden(models, out_path, 256, NULL);
    if (input != NULL && expected != NULL) {
        tforge_avgpool_s8(input, &in, got, &out, &w, -128, 127);
        tforge_expect_bytes(out_path, expected, got, 256);
    }
    free(input);
    free(expected);
}

int main(int argc, char **argv) {
    const char *models = argc > 1 ? argv[1] : NULL;
    valid_two_by_two();
    same_padding_counts_in_bounds_taps();
    rounds_half_away_from_zero();
    quarters_round_to_nearest();
    clamps();
    extreme_codes();
    channels_and_stride();
    person_detect_golden(models, "person");
    person_detect_golden(models, "no_person");
    return tforge_test_summary();
}
