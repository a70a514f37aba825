/*
 * tforge_maxpool_s8: hand-worked cases (VALID on odd sizes, SAME padding with negative values,
 * fused RELU, clamps, channels) and TF Lite Micro's two MAX_POOL_2D ops in op_mean_maxpool.
 * Usage: test_maxpool_s8 <models dir>.
 */
#include "tforge.h"
#include "tforge_test_misc.h"

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

static void valid_drops_odd_row_and_column(void) {
    /* only the top-left 2x2 window fits in 3x3: max(-5, 7, 2, -1) = 7; the 100s are never read */
    const int8_t input[9] = {-5, 7, 100, 2, -1, 100, 100, 100, 100};
    const tforge_dims in = {3, 3, 1}, out = {1, 1, 1};
    const tforge_window w = square(2, 2, 0);
    const int8_t expected = 7;
    int8_t got;
    tforge_maxpool_s8(input, &in, &got, &out, &w, -128, 127);
    tforge_expect_bytes("VALID 2x2/2 on 3x3", &expected, &got, 1);
}

static void padding_never_wins(void) {
    const int8_t input[9] = {-9, -8, -7, -6, -5, -4, -3, -2, -1};
    const tforge_dims in = {3, 3, 1}, out = {3, 3, 1};
    const tforge_window w = square(3, 1, 1);
    const int8_t expected[9] = {-5, -4, -4, -2, -1, -1, -2, -1, -1};
    int8_t got[9];
    tforge_maxpool_s8(input, &in, got, &out, &w, -128, 127);
    tforge_expect_bytes("SAME 3x3 on negatives", expected, got, 9);
}

static void relu_clamps_at_zero_point(void) {
    const int8_t input[6] = {-120, -100, -99, -98, 5, -128};
    const tforge_dims in = {1, 6, 1}, out = {1, 6, 1};
    const tforge_window w = square(1, 1, 0);
    const int8_t expected[6] = {-98, -98, -98, -98, 5, -98};
    int8_t got[6];
    tforge_maxpool_s8(input, &in, got, &out, &w, -98, 127);
    tforge_expect_bytes("RELU at zero point -98", expected, got, 6);
}

static void clamps_above(void) {
    const int8_t input[4] = {127, 3, -4, 0};
    const tforge_dims in = {1, 4, 1}, out = {1, 4, 1};
    const tforge_window w = square(1, 1, 0);
    const int8_t expected[4] = {2, 2, -3, 0};
    int8_t got[4];
    tforge_maxpool_s8(input, &in, got, &out, &w, -3, 2);
    tforge_expect_bytes("clamp [-3, 2]", expected, got, 4);
}

static void channels_are_independent(void) {
    const int8_t input[8] = {1, -128, 4, -100, 2, -127, 3, -101};
    const tforge_dims in = {2, 2, 2}, out = {1, 1, 2};
    const tforge_window w = square(2, 2, 0);
    const int8_t expected[2] = {4, -100};
    int8_t got[2];
    tforge_maxpool_s8(input, &in, got, &out, &w, -128, 127);
    tforge_expect_bytes("channels", expected, got, 2);
}

/*
 * op_mean_maxpool: op 0 t000 [13,11,8] -> t001 [6,5,8], 2x2/2 VALID; op 1 t001 -> t002
 * [6,5,8], 3x3/1 SAME (pad 1) + RELU. RELU's range: zero point -98 up to 127 (scale
 * 0.0200704355 of t002; quantizing 0 gives the zero point).
 */
static void op_mean_maxpool_golden(const char *models, const char *test_case) {
    char path0[128], path1[128], path2[128];
    const tforge_dims in0 = {13, 11, 8}, mid = {6, 5, 8};
    const tforge_window valid = square(2, 2, 0), same = square(3, 1, 1);
    int8_t *t000, *t001, *t002;
    int8_t got[6 * 5 * 8];
    sprintf(path0, "op_mean_maxpool/tensors/%s/t000.bin", test_case);
    sprintf(path1, "op_mean_maxpool/tensors/%s/t001.bin", test_case);
    sprintf(path2, "op_mean_maxpool/tensors/%s/t002.bin", test_case);
    t000 = tforge_read_golden(models, path0, 13 * 11 * 8, NULL);
    t001 = tforge_read_golden(models, path1, sizeof got, NULL);
    t002 = tforge_read_golden(models, path2, sizeof got, NULL);
    if (t000 != NULL && t001 != NULL && t002 != NULL) {
        tforge_maxpool_s8(t000, &in0, got, &mid, &valid, -128, 127);
        tforge_expect_bytes(path1, t001, got, sizeof got);
        tforge_maxpool_s8(t001, &mid, got, &mid, &same, -98, 127);
        tforge_expect_bytes(path2, t002, got, sizeof got);
    }
    free(t000);
    free(t001);
    free(t002);
}

int main(int argc, char **argv) {
    const char *models = argc > 1 ? argv[1] : NULL;
    valid_drops_odd_row_and_column();
    padding_never_wins();
    relu_clamps_at_zero_point();
    clamps_above();
    channels_are_independent();
    op_mean_maxpool_golden(models, "seed1");
    op_mean_maxpool_golden(models, "seed2");
    op_mean_maxpool_golden(models, "seed3");
    return tforge_test_summary();
}
