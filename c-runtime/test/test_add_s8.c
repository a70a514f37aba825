/*
 * tforge_add_s8: hand-worked values (every rounding direction, clamps, in place) and TF Lite
 * Micro's two ADD ops in op_add. Usage: test_add_s8 <models dir>.
 *
 * The parameters are TFLM's Prepare results, worked out by hand for the power-of-two scales and,
 * for op_add, computed separately in Python from the float32 scales; the Java AddParamsTest pins
 * the same numbers against AddParams.prepare.
 */
#include "tforge.h"
#include "tforge_test_misc.h"
#include "tforge_test_tflite.h"

/*
 * Input 1: scale 0.5, zero point 10; input 2: scale 0.25, zero point -20; output: scale 1, zero
 * point 5. Twice the larger scale is 1, so the input multipliers are 0.5 (2^30, shift 0) and 0.25
 * (2^30, shift -1); the output's is 1 / 2^20 (2^30, shift -19).
 */
static tforge_add_params half_plus_quarter(int32_t act_min, int32_t act_max) {
    tforge_add_params p;
    p.input1_offset = -10;
    p.input2_offset = 20;
    p.output_offset = 5;
    p.left_shift = 20;
    p.input1_multiplier = 1 << 30;
    p.input1_shift = 0;
    p.input2_multiplier = 1 << 30;
    p.input2_shift = -1;
    p.output_multiplier = 1 << 30;
    p.output_shift = -19;
    p.act_min = act_min;
    p.act_max = act_max;
    return p;
}

static void hand_worked_values(void) {
    /* real = (x1 - 10) * 0.5 + (x2 + 20) * 0.25, code = real + 5:
     * 14,-12 -> 4 -> 9; 11,-20 -> 5.5 -> 6; 9,-20 -> 4.5 -> 4 (the sum -0.5 rounds to -1);
     * 127,127 -> 100.25 -> 100; -128,-128 -> -96 + 5 = -91 */
    const int8_t in1[5] = {14, 11, 9, 127, -128};
    const int8_t in2[5] = {-12, -20, -20, 127, -128};
    const int8_t expected[5] = {9, 6, 4, 100, -91};
    const tforge_add_params p = half_plus_quarter(-128, 127);
    int8_t got[5];
    tforge_add_s8(in1, in2, got, 5, &p);
    tforge_expect_bytes("hand-worked", expected, got, 5);
}

static void clamps_to_the_activation(void) {
    /* -5 -> code 0 -> clamped to 5; 100 stays */
    const int8_t in1[2] = {0, 127};
    const int8_t in2[2] = {-20, 127};
    const int8_t expected[2] = {5, 100};
    const tforge_add_params p = half_plus_quarter(5, 127);
    int8_t got[2];
    tforge_add_s8(in1, in2, got, 2, &p);
    tforge_expect_bytes("RELU clamp", expected, got, 2);
}

static void saturates_at_the_int8_limits(void) {
    /* scales 1, 1 -> 0.25: 200 -> 800 -> 127; -200 -> -128. Multipliers 0.5 and
     * 2 / (2^20 * 0.25) = 2^-17 (2^30, shift -16). */
    const int8_t in[2] = {100, -100};
    const int8_t expected[2] = {127, -128};
    tforge_add_params p = half_plus_quarter(-128, 127);
    int8_t got[2];
    p.input1_offset = 0;
    p.input2_offset = 0;
    p.output_offset = 0;
    p.input2_shift = 0;
    p.output_shift = -16;
    tforge_add_s8(in, in, got, 2, &p);
    tforge_expect_bytes("saturation", expected, got, 2);
}

static void output_may_be_an_input(void) {
    int8_t a[3] = {14, 11, 9};
    int8_t b[3] = {-12, -20, -20};
    const int8_t expected[3] = {9, 6, 4};
    const tforge_add_params p = half_plus_quarter(-128, 127);
    tforge_add_s8(a, b, a, 3, &p);
    tforge_expect_bytes("in place on input 1", expected, a, 3);
    a[0] = 14;
    a[1] = 11;
    a[2] = 9;
    tforge_add_s8(a, b, b, 3, &p);
    tforge_expect_bytes("in place on input 2", expected, b, 3);
}

/* ---- op_add goldens ---- */

/* ADD(t000, t003) -> t004: scales 0.0690075979 (zp 81), 0.202505201 (zp 9) -> 0.199574888
 * (zp 41), no activation. */
static tforge_add_params residual_params(void) {
    tforge_add_params p;
    p.input1_offset = -81;
    p.input2_offset = -9;
    p.output_offset = 41;
    p.left_shift = 20;
    p.input1_multiplier = 1463593895;
    p.input1_shift = -2;
    p.input2_multiplier = 1073741824;
    p.input2_shift = 0;
    p.output_multiplier = 1089507335;
    p.output_shift = -18;
    p.act_min = -128;
    p.act_max = 127;
    return p;
}

/* ADD(t004, constant t005 [12]) -> t006 with RELU: scales 0.199574888 (zp 41),
 * 0.048236146569252014 (zp -87) -> 0.0956818163 (zp -128); RELU starts at the zero point. */
static tforge_add_params bias_relu_params(void) {
    tforge_add_params p;
    p.input1_offset = -41;
    p.input2_offset = 87;
    p.output_offset = -128;
    p.left_shift = 20;
    p.input1_multiplier = 1073741824;
    p.input1_shift = 0;
    p.input2_multiplier = 2076139682;
    p.input2_shift = -3;
    p.output_multiplier = 1119815197;
    p.output_shift = -17;
    p.act_min = -128;
    p.act_max = 127;
    return p;
}

enum { OP_ADD_SIZE = 9 * 7 * 12, OP_ADD_DEPTH = 12 };

static void op_add_golden(const char *models, const char *test_case, const int8_t *bias) {
    char paths[4][64];
    const int indices[4] = {0, 3, 4, 6};
    int8_t *t[4];
    int8_t got[OP_ADD_SIZE];
    int i;
    for (i = 0; i < 4; i++) {
        sprintf(paths[i], "op_add/tensors/%s/t%03d.bin", test_case, indices[i]);
        t[i] = tforge_read_golden(models, paths[i], OP_ADD_SIZE, NULL);
    }
    if (t[0] != NULL && t[1] != NULL && t[2] != NULL && t[3] != NULL) {
        const tforge_add_params residual = residual_params();
        tforge_add_s8(t[0], t[1], got, OP_ADD_SIZE, &residual);
        tforge_expect_bytes(paths[2], t[2], got, OP_ADD_SIZE);
        if (bias != NULL) {
            /* Broadcast along the last axis: one call per pixel with the same 12 bytes. */
            const tforge_add_params with_bias = bias_relu_params();
            int pixel;
            for (pixel = 0; pixel < OP_ADD_SIZE / OP_ADD_DEPTH; pixel++) {
                tforge_add_s8(t[2] + pixel * OP_ADD_DEPTH, bias, got + pixel * OP_ADD_DEPTH,
                              OP_ADD_DEPTH, &with_bias);
            }
            tforge_expect_bytes(paths[3], t[3], got, OP_ADD_SIZE);
        }
    }
    for (i = 0; i < 4; i++) {
        free(t[i]);
    }
}

/* tinymaix_mnist_resnet_q: ADD(t013, t014) -> t015, scales 0.0165711865 (zp -128) and
 * 0.0294371359 (zp 4) -> 0.0274341702 (zp -5), no activation. */
static void tinymaix_golden(const char *models, const char *test_case) {
    enum { SIZE = 7 * 7 * 24 };
    char paths[3][80];
    const int indices[3] = {13, 14, 15};
    int8_t *t[3];
    int8_t got[SIZE];
    tforge_add_params p;
    int i;
    p.input1_offset = 128;
    p.input2_offset = -4;
    p.output_offset = -5;
    p.left_shift = 20;
    p.input1_multiplier = 1208893152;
    p.input1_shift = -1;
    p.input2_multiplier = 1073741824;
    p.input2_shift = 0;
    p.output_multiplier = 1152135593;
    p.output_shift = -18;
    p.act_min = -128;
    p.act_max = 127;
    for (i = 0; i < 3; i++) {
        sprintf(paths[i], "tinymaix_mnist_resnet_q/tensors/%s/t%03d.bin", test_case, indices[i]);
        t[i] = tforge_read_golden(models, paths[i], SIZE, NULL);
    }
    if (t[0] != NULL && t[1] != NULL && t[2] != NULL) {
        tforge_add_s8(t[0], t[1], got, SIZE, &p);
        tforge_expect_bytes(paths[2], t[2], got, SIZE);
    }
    for (i = 0; i < 3; i++) {
        free(t[i]);
    }
}

int main(int argc, char **argv) {
    const char *models = argc > 1 ? argv[1] : NULL;
    size_t model_size = 0;
    int8_t *model;
    int8_t bias[OP_ADD_DEPTH];
    int have_bias = 0;
    hand_worked_values();
    clamps_to_the_activation();
    saturates_at_the_int8_limits();
    output_may_be_an_input();

    model = tforge_read_golden(models, "op_add/model.tflite", 0, &model_size);
    if (model != NULL) {
        have_bias = model_size > 8 && tflite_constant(model, 5, bias, sizeof bias) == OP_ADD_DEPTH;
        tforge_expect_true("op_add constant t005 has 12 bytes", have_bias);
    }
    op_add_golden(models, "seed1", have_bias ? bias : NULL);
    op_add_golden(models, "seed2", have_bias ? bias : NULL);
    op_add_golden(models, "seed3", have_bias ? bias : NULL);
    tinymaix_golden(models, "digit0");
    tinymaix_golden(models, "digit1");
    tinymaix_golden(models, "seed1");
    tinymaix_golden(models, "seed2");
    tinymaix_golden(models, "seed3");
    free(model);
    return tforge_test_summary();
}
