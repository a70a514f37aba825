/*
 * tforge_mul_s8 / tforge_mul_broadcast_s8: hand-worked values and TF Lite Micro's three MULs in
 * op_mul (channel-broadcast constant with RELU, activation x activation, scalar constant) plus the
 * swish product in op_activations. Usage: test_mul_s8 <models dir>.
 *
 * Parameters are TFLM's Prepare results: by hand for the power-of-two scales; for the goldens,
 * from MulParams.prepare on the model's float32 scales, checked separately in Python
 * (math.frexp of s1 * s2 / s_out in double).
 */
#include "tforge.h"
#include "tforge_test_misc.h"
#include "tforge_test_tflite.h"

static tforge_mul_params params(int32_t off1, int32_t off2, int32_t out_off, int32_t mult,
                                int32_t shift, int32_t act_min, int32_t act_max) {
    tforge_mul_params p;
    p.input1_offset = off1;
    p.input2_offset = off2;
    p.output_offset = out_off;
    p.output_multiplier = mult;
    p.output_shift = shift;
    p.act_min = act_min;
    p.act_max = act_max;
    return p;
}

/* Scales 0.5 (zp 10) x 0.25 (zp -20) -> 0.125 (zp 3): multiplier 1 = 2^30 * 2^(1 - 31). */
static void hand_worked_values(void) {
    const int8_t a[5] = {12, 0, 20, 127, -128};
    const int8_t b[5] = {-17, -30, -10, 127, 127};
    /* (a - 10) * (b + 20) + 3: 9, 103, 103, saturates to 127, saturates to -128 */
    const int8_t expected[5] = {9, 103, 103, 127, -128};
    const tforge_mul_params p = params(-10, 20, 3, 1 << 30, 1, -128, 127);
    int8_t got[5];
    tforge_mul_s8(a, b, got, 5, &p);
    tforge_expect_bytes("hand-worked", expected, got, 5);
}

static void halves_round_ties_upward(void) {
    /* multiplier 0.5: 3 -> 2, -3 -> -1, 5 -> 3, -5 -> -2 */
    const int8_t a[4] = {3, -3, 5, -5};
    const int8_t one[4] = {1, 1, 1, 1};
    const int8_t expected[4] = {2, -1, 3, -2};
    const tforge_mul_params p = params(0, 0, 0, 1 << 30, 0, -128, 127);
    int8_t got[4];
    tforge_mul_s8(a, one, got, 4, &p);
    tforge_expect_bytes("ties", expected, got, 4);
}

static void clamps_to_the_activation(void) {
    const int8_t a[2] = {9, 12};
    const int8_t b[2] = {-10, -17};
    const int8_t expected[2] = {3, 9}; /* -7 -> 3 (the zero point); 9 stays */
    const tforge_mul_params p = params(-10, 20, 3, 1 << 30, 1, 3, 127);
    int8_t got[2];
    tforge_mul_s8(a, b, got, 2, &p);
    tforge_expect_bytes("RELU clamp", expected, got, 2);
}

static void broadcast_in_place(void) {
    int8_t a[6] = {11, 12, 13, 14, 15, 16};
    const int8_t b[3] = {-19, -18, -17};
    const int8_t expected[6] = {4, 7, 12, 7, 13, 21};
    const tforge_mul_params p = params(-10, 20, 3, 1 << 30, 1, -128, 127);
    tforge_mul_broadcast_s8(a, b, a, 2, 3, &p);
    tforge_expect_bytes("broadcast in place", expected, a, 6);
}

enum { OP_MUL_SIZE = 8 * 8 * 10, OP_MUL_DEPTH = 10 };

static void op_mul_golden(const char *models, const char *test_case, const int8_t *channel,
                          const int8_t *scalar) {
    char paths[4][64];
    const int indices[4] = {0, 2, 3, 5};
    int8_t *t[4];
    int8_t got[OP_MUL_SIZE];
    int i;
    for (i = 0; i < 4; i++) {
        sprintf(paths[i], "op_mul/tensors/%s/t%03d.bin", test_case, indices[i]);
        t[i] = tforge_read_golden(models, paths[i], OP_MUL_SIZE, NULL);
    }
    if (t[0] != NULL && t[1] != NULL && t[2] != NULL && t[3] != NULL && channel != NULL &&
        scalar != NULL) {
        /* op 0: t000 (0.0504656918, zp 70) x const t001 (0.0126603, zp 15) -> t002
         * (0.0620119311, zp -128), RELU: min = the zero point = -128 */
        const tforge_mul_params p0 = params(-70, -15, -128, 1416037727, -6, -128, 127);
        /* op 1: t002 x t000 -> t003 (0.651814401, zp 114) */
        const tforge_mul_params p1 = params(128, -70, 114, 1319736934, -7, -128, 127);
        /* op 2: t003 x scalar t004 (0.0064252852, zp 0) -> t005 (0.406245053, zp -115) */
        const tforge_mul_params p2 = params(-114, 0, -115, 1416896471, -6, -128, 127);
        tforge_mul_broadcast_s8(t[0], channel, got, OP_MUL_SIZE / OP_MUL_DEPTH, OP_MUL_DEPTH,
                                &p0);
        tforge_expect_bytes(paths[1], t[1], got, OP_MUL_SIZE);
        tforge_mul_s8(t[1], t[0], got, OP_MUL_SIZE, &p1);
        tforge_expect_bytes(paths[2], t[2], got, OP_MUL_SIZE);
        tforge_mul_broadcast_s8(t[2], scalar, got, OP_MUL_SIZE, 1, &p2);
        tforge_expect_bytes(paths[3], t[3], got, OP_MUL_SIZE);
    }
    for (i = 0; i < 4; i++) {
        free(t[i]);
    }
}

/* op_activations op 8: t015 (0.0505729057, zp 43) x t016 (1/256, zp -128) -> t017
 * (0.0174959935, zp -112). */
static void swish_golden(const char *models, const char *test_case) {
    enum { SIZE = 6 * 6 * 12 };
    char paths[3][64];
    const int indices[3] = {15, 16, 17};
    int8_t *t[3];
    int8_t got[SIZE];
    int i;
    for (i = 0; i < 3; i++) {
        sprintf(paths[i], "op_activations/tensors/%s/t%03d.bin", test_case, indices[i]);
        t[i] = tforge_read_golden(models, paths[i], SIZE, NULL);
    }
    if (t[0] != NULL && t[1] != NULL && t[2] != NULL) {
        const tforge_mul_params p = params(-43, 128, -112, 1551847968, -6, -128, 127);
        tforge_mul_s8(t[0], t[1], got, SIZE, &p);
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
    int8_t channel[OP_MUL_DEPTH];
    int8_t scalar[1];
    int have_constants = 0;
    hand_worked_values();
    halves_round_ties_upward();
    clamps_to_the_activation();
    broadcast_in_place();

    model = tforge_read_golden(models, "op_mul/model.tflite", 0, &model_size);
    if (model != NULL) {
        have_constants = model_size > 8 &&
                         tflite_constant(model, 1, channel, sizeof channel) == OP_MUL_DEPTH &&
                         tflite_constant(model, 4, scalar, sizeof scalar) == 1 && scalar[0] == -97;
        tforge_expect_true("op_mul constants t001 [10] and t004 = -97", have_constants);
    }
    op_mul_golden(models, "seed1", have_constants ? channel : NULL, scalar);
    op_mul_golden(models, "seed2", have_constants ? channel : NULL, scalar);
    op_mul_golden(models, "seed3", have_constants ? channel : NULL, scalar);
    swish_golden(models, "seed1");
    swish_golden(models, "seed2");
    swish_golden(models, "seed3");
    free(model);
    return tforge_test_summary();
}
