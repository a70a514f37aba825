/*
 * tforge_mean_hw_s8, tforge_quantize_f32_s8, tforge_requantize_s8, tforge_dequantize_s8_f32:
 * hand-worked values and TF Lite Micro goldens (op_mean_maxpool's keep_dims MEAN, tflm_magic_wand's
 * converter-made MEAN, op_quant_dequant's three ops; float tensors compared bit for bit). Usage:
 * test_mean_quantize_s8 <models dir>.
 *
 * Golden parameters come from MeanParams / Quantize.RequantizeParams on the models' float32
 * scales (pinned by the Java tests) and were checked separately in Python.
 */
#include "tforge.h"
#include "tforge_test_misc.h"

static tforge_mean_params mean_params(int32_t in_zp, int32_t out_zp, int32_t count, int32_t mult,
                                      int32_t shift) {
    tforge_mean_params p;
    p.input_zero_point = in_zp;
    p.output_zero_point = out_zp;
    p.count = count;
    p.multiplier = mult;
    p.shift = shift;
    return p;
}

static void mean_hand_worked(void) {
    /* [1,2,2,4], input 0.5 zp 0 -> output 1.0 zp 0 over 4: 2^30 with shift -2 = sum / 8:
     * 10 -> 1.25 -> 1; 16 -> 2; 20 -> 2.5 -> 3; -20 -> -2.5 -> -3 (away from zero) */
    const int8_t in[16] = {1, 4, 5, -5, 2, 4, 5, -5, 3, 4, 5, -5, 4, 4, 5, -5};
    const int8_t expected[4] = {1, 2, 3, -3};
    const tforge_dims dims = {2, 2, 4};
    const tforge_mean_params p = mean_params(0, 0, 4, 1 << 30, -2);
    int8_t got[4];
    tforge_mean_hw_s8(in, &dims, got, &p);
    tforge_expect_bytes("mean hand-worked", expected, got, 4);
}

static void quantize_hand_worked(void) {
    /* scale 1/32 zp -32: ties 2.5 -> 3 and -2.5 -> -3; 0.49999997 -> 0; clamps */
    const float in[6] = {2.5f / 32, -2.5f / 32, 0.49999997f / 32, 100.0f, -100.0f, 0.0f};
    const int8_t expected[6] = {-29, -35, -32, 127, -128, -32};
    const int8_t q[4] = {4, 5, 100, -100};
    const int8_t expected_q[4] = {-3, -1, 127, -128};
    const int8_t dq[3] = {4, 5, -128};
    int8_t got[6];
    float f[3];
    tforge_requantize_params p;
    tforge_quantize_f32_s8(in, got, 6, 0.03125f, -32);
    tforge_expect_bytes("quantize float hand-worked", expected, got, 6);
    /* 0.5 zp 4 -> 0.25 zp -3: 2 * (q - 4) - 3 */
    p.input_zero_point = 4;
    p.output_zero_point = -3;
    p.multiplier = 1 << 30;
    p.shift = 2;
    tforge_requantize_s8(q, got, 4, &p);
    tforge_expect_bytes("requantize hand-worked", expected_q, got, 4);
    tforge_dequantize_s8_f32(dq, f, 3, 0.5f, 4);
    tforge_expect_true("dequantize hand-worked", f[0] == 0.0f && f[1] == 0.5f && f[2] == -66.0f);
}

static void mean_golden(const char *models, const char *name, const char *test_case, int in_index,
                        int out_index, const tforge_dims *dims, const tforge_mean_params *p) {
    char in_path[96];
    char out_path[96];
    int8_t *in;
    int8_t *out;
    int8_t got[64];
    sprintf(in_path, "%s/tensors/%s/t%03d.bin", name, test_case, in_index);
    sprintf(out_path, "%s/tensors/%s/t%03d.bin", name, test_case, out_index);
    in = tforge_read_golden(models, in_path, (size_t)(dims->h * dims->w * dims->c), NULL);
    out = tforge_read_golden(models, out_path, (size_t)dims->c, NULL);
    if (in != NULL && out != NULL) {
        tforge_mean_hw_s8(in, dims, got, p);
        tforge_expect_bytes(out_path, out, got, (size_t)dims->c);
    }
    free(in);
    free(out);
}

static void quant_dequant_golden(const char *models, const char *test_case) {
    enum { IN = 6 * 6 * 4, MID = 3 * 3 * 6 };
    char paths[5][64];
    const int indices[5] = {0, 1, 4, 5, 6};
    const size_t sizes[5] = {IN * 4, IN, MID, MID, MID * 4};
    int8_t *t[5];
    int i;
    int all = 1;
    for (i = 0; i < 5; i++) {
        sprintf(paths[i], "op_quant_dequant/tensors/%s/t%03d.bin", test_case, indices[i]);
        t[i] = tforge_read_golden(models, paths[i], sizes[i], NULL);
        all = all && t[i] != NULL;
    }
    if (all) {
        float in[IN];
        float out[MID];
        int8_t got[IN];
        tforge_requantize_params p;
        memcpy(in, t[0], sizeof in); /* float32 little endian, as on the host */
        /* QUANTIZE t000 -> t001: scale 0.03125, zp -32 */
        tforge_quantize_f32_s8(in, got, IN, 0.03125f, -32);
        tforge_expect_bytes(paths[1], t[1], got, IN);
        /* QUANTIZE t004 (0.0519774482, zp -7) -> t005 (0.0712091029, zp 4) */
        p.input_zero_point = -7;
        p.output_zero_point = 4;
        p.multiplier = 1567506337;
        p.shift = 0;
        tforge_requantize_s8(t[2], got, MID, &p);
        tforge_expect_bytes(paths[3], t[3], got, MID);
        /* DEQUANTIZE t005 -> t006, bit for bit */
        tforge_dequantize_s8_f32(t[3], out, MID, 0.0712091029f, 4);
        tforge_expect_true(paths[4], memcmp(out, t[4], sizeof out) == 0);
    }
    for (i = 0; i < 5; i++) {
        free(t[i]);
    }
}

int main(int argc, char **argv) {
    static const char *const cases[3] = {"seed1", "seed2", "seed3"};
    const char *models = argc > 1 ? argv[1] : NULL;
    /* op_mean_maxpool: 0.0158751924 zp -128 -> 0.0162309837 zp -128 over 30 */
    const tforge_dims mm_dims = {6, 5, 16};
    const tforge_mean_params mm = mean_params(-128, -128, 30, 1120218522, -4);
    /* tflm_magic_wand: 0.0507913791 zp -128 -> 0.00932384469 zp -128 over 16 */
    const tforge_dims mw_dims = {4, 4, 64};
    const tforge_mean_params mw = mean_params(-128, -128, 16, 1462294521, -1);
    int i;
    mean_hand_worked();
    quantize_hand_worked();
    for (i = 0; i < 3; i++) {
        mean_golden(models, "op_mean_maxpool", cases[i], 5, 7, &mm_dims, &mm);
        mean_golden(models, "tflm_magic_wand", cases[i], 12, 13, &mw_dims, &mw);
        quant_dequant_golden(models, cases[i]);
    }
    return tforge_test_summary();
}
