/*
 * LOGISTIC, TANH, HARD_SWISH, RELU and RELU6: hand-worked values and TF Lite Micro's op_activations
 * goldens. Usage: test_activations_s8 <models dir>.
 *
 * Golden parameters are TFLM's Prepare results for the model's float32 scales (from the Java
 * params records, whose tests pin them; multipliers checked separately with Python's math.frexp).
 */
#include "tforge.h"
#include "tforge_test_misc.h"

static tforge_sigmoid_params sigmoid(int32_t zp, int32_t radius, int32_t mult, int32_t shift) {
    tforge_sigmoid_params p;
    p.input_zero_point = zp;
    p.input_range_radius = radius;
    p.input_multiplier = mult;
    p.input_left_shift = shift;
    return p;
}

/* Input scale 1/16, zp 0: 2^23 = 0.5 * 2^24 -> multiplier 2^30, left shift 24, radius 120. */
static void logistic_hand_worked(void) {
    const int8_t in[7] = {16, -16, 0, 120, -120, 8, 119};
    /* sigmoid(1) * 256 = 187.1 -> 59; sigmoid(-1) -> -59; sigmoid(0) -> 0; the radius
     * saturates; sigmoid(0.5) * 256 = 159.4 -> 31; sigmoid(7.44) -> 127 */
    const int8_t expected[7] = {59, -59, 0, 127, -128, 31, 127};
    const tforge_sigmoid_params p = sigmoid(0, 120, 1 << 30, 24);
    int8_t got[7];
    tforge_logistic_s8(in, got, 7, &p);
    tforge_expect_bytes("logistic hand-worked", expected, got, 7);
}

static void tanh_hand_worked(void) {
    int8_t in[7] = {16, -16, 8, -8, 0, 119, -120};
    /* tanh(1) * 128 = 97.5 -> 97; tanh(0.5) * 128 = 59.2 -> 59; 0; 128 -> 127; saturation */
    const int8_t expected[7] = {97, -97, 59, -59, 0, 127, -128};
    const tforge_sigmoid_params p = sigmoid(0, 120, 1 << 30, 24);
    tforge_tanh_s8(in, in, 7, &p); /* in place */
    tforge_expect_bytes("tanh hand-worked in place", expected, in, 7);
}

static void hard_swish_hand_worked(void) {
    /* Scale 1/16 in and out: output multiplier 2^-7 -> Q15 2^14, exponent -6; reluish
     * 2^-11 / (3 * 2^-15) = 16/3 -> Q15 21845, exponent 3. x * relu6(x + 3) / 6:
     * 1 -> 11, -1 -> -5, 3 -> 48, 4 -> 64, -3 -> 0, -8 -> 0, 7.94 -> 127, 0 -> 0 */
    const int8_t in[8] = {16, -16, 48, 64, -48, -128, 127, 0};
    const int8_t expected[8] = {11, -5, 48, 64, 0, 0, 127, 0};
    tforge_hard_swish_params p;
    int8_t got[8];
    p.input_zero_point = 0;
    p.output_zero_point = 0;
    p.reluish_multiplier = 21845;
    p.reluish_exponent = 3;
    p.output_multiplier = 1 << 14;
    p.output_exponent = -6;
    tforge_hard_swish_s8(in, got, 8, &p);
    tforge_expect_bytes("hard swish hand-worked", expected, got, 8);
}

static void relu_and_relu6_hand_worked(void) {
    /* RELU 0.5 zp 10 -> 0.25 zp -5: 2 * (x - 10) - 5, at least -5 */
    const int8_t in[5] = {10, 11, 0, 60, 127};
    const int8_t expected[5] = {-5, -3, -5, 95, 127};
    const int8_t in6[6] = {-128, -20, -19, 4, 5, 127};
    const int8_t expected6[6] = {-20, -20, -19, 4, 4, 4};
    tforge_relu_params p;
    int8_t got[6];
    p.input_zero_point = 10;
    p.output_zero_point = -5;
    p.output_multiplier = 1 << 30;
    p.output_shift = 2;
    p.act_min = -5;
    p.act_max = 127;
    tforge_relu_s8(in, got, 5, &p);
    tforge_expect_bytes("relu hand-worked", expected, got, 5);
    /* RELU6 scale 0.25 zp -20: [-20, -20 + 24] */
    tforge_relu6_s8(in6, got, 6, -20, 4);
    tforge_expect_bytes("relu6 hand-worked", expected6, got, 6);
}

enum { SIZE = 6 * 6 * 12, TANH_SIZE = 6 * 6 * 8 };

static int8_t *tensor(const char *models, const char *test_case, int index, size_t size,
                      char *path) {
    sprintf(path, "op_activations/tensors/%s/t%03d.bin", test_case, index);
    return tforge_read_golden(models, path, size, NULL);
}

static void golden(const char *models, const char *test_case) {
    /* op index, input tensor, output tensor, size */
    static const int io[5][3] = {{3, 4, SIZE}, {7, 8, SIZE}, {11, 12, SIZE}, {15, 16, SIZE},
                                 {20, 21, TANH_SIZE}};
    int k;
    for (k = 0; k < 5; k++) {
        char in_path[64];
        char out_path[64];
        int8_t got[SIZE];
        int8_t *in = tensor(models, test_case, io[k][0], (size_t)io[k][2], in_path);
        int8_t *out = tensor(models, test_case, io[k][1], (size_t)io[k][2], out_path);
        if (in != NULL && out != NULL) {
            if (k == 0) {
                /* HARD_SWISH 0.0514742583 zp 16 -> 0.0238769948 zp -112 */
                tforge_hard_swish_params p;
                p.input_zero_point = 16;
                p.output_zero_point = -112;
                p.reluish_multiplier = 17992;
                p.reluish_exponent = 3;
                p.output_multiplier = 17660;
                p.output_exponent = -5;
                tforge_hard_swish_s8(in, got, io[k][2], &p);
            } else if (k == 1) {
                /* RELU 0.0516356416 zp -20 -> 0.0267897863 zp -128 */
                tforge_relu_params p;
                p.input_zero_point = -20;
                p.output_zero_point = -128;
                p.output_multiplier = 2069570373;
                p.output_shift = 1;
                p.act_min = -128;
                p.act_max = 127;
                tforge_relu_s8(in, got, io[k][2], &p);
            } else if (k == 2) {
                /* RELU6 scale 0.0877213702 zp 22: six = 22 + round(68.4) = 90 */
                tforge_relu6_s8(in, got, io[k][2], 22, 90);
            } else if (k == 3) {
                /* LOGISTIC input 0.0505729057 zp 43 */
                const tforge_sigmoid_params p = sigmoid(43, 240, 1737671808, 23);
                tforge_logistic_s8(in, got, io[k][2], &p);
            } else {
                /* TANH input 0.0245064944 zp -13 */
                const tforge_sigmoid_params p = sigmoid(-13, 480, 1684073472, 22);
                tforge_tanh_s8(in, got, io[k][2], &p);
            }
            tforge_expect_bytes(out_path, out, got, (size_t)io[k][2]);
        }
        free(in);
        free(out);
    }
}

int main(int argc, char **argv) {
    const char *models = argc > 1 ? argv[1] : NULL;
    logistic_hand_worked();
    tanh_hand_worked();
    hard_swish_hand_worked();
    relu_and_relu6_hand_worked();
    golden(models, "seed1");
    golden(models, "seed2");
    golden(models, "seed3");
    return tforge_test_summary();
}
