/*
 * tforge_pad_s8 and tforge_concatenation_s8: hand-worked layouts and TF Lite Micro's op_pad_concat
 * (PAD with the output zero point, CONCATENATION on the last axis, PADV2 with constant -100 and
 * channel padding). Paddings and the PADV2 constant are read from model.tflite. Usage:
 * test_pad_concat_s8 <models dir>.
 */
#include "tforge.h"
#include "tforge_test_misc.h"
#include "tforge_test_tflite.h"

static void pad_hand_worked(void) {
    /* [1,1,2,2] = {1,2,3,4}; before {0,1,0,1}, after {0,0,1,0} -> [1,2,3,3] */
    const int8_t in[4] = {1, 2, 3, 4};
    const int32_t shape[4] = {1, 1, 2, 2};
    const int32_t before[4] = {0, 1, 0, 1};
    const int32_t after[4] = {0, 0, 1, 0};
    const int8_t expected[18] = {-7, -7, -7, -7, -7, -7, -7, -7, -7,
                                 -7, 1,  2,  -7, 3,  4,  -7, -7, -7};
    int8_t got[19];
    got[18] = 99;
    tforge_pad_s8(in, shape, before, after, -7, got);
    tforge_expect_bytes("pad hand-worked", expected, got, 18);
    tforge_expect_true("pad writes nothing past the output", got[18] == 99);
}

static void concatenation_hand_worked(void) {
    const int8_t a[4] = {1, 2, 3, 4};
    const int8_t b[2] = {5, 6};
    const int8_t *inputs[2];
    const int32_t chunks[2] = {2, 1};
    const int8_t expected[6] = {1, 2, 5, 3, 4, 6};
    int8_t got[6];
    inputs[0] = a;
    inputs[1] = b;
    tforge_concatenation_s8(inputs, chunks, 2, 2, got);
    tforge_expect_bytes("concatenation hand-worked", expected, got, 6);
}

/* Paddings constant: int32 [4,2] little endian, (before, after) per axis. */
static int paddings(const int8_t *model, uint32_t tensor, int32_t before[4], int32_t after[4]) {
    int8_t raw[32];
    int axis;
    if (tflite_constant(model, tensor, raw, sizeof raw) != 32) {
        return 0;
    }
    for (axis = 0; axis < 4; axis++) {
        const uint8_t *b = (const uint8_t *)raw + 8 * axis;
        before[axis] = (int32_t)((uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
                                 (uint32_t)b[3] << 24);
        after[axis] = (int32_t)((uint32_t)b[4] | (uint32_t)b[5] << 8 | (uint32_t)b[6] << 16 |
                                (uint32_t)b[7] << 24);
    }
    return 1;
}

enum { IN = 8 * 8 * 6, PADDED = 10 * 10 * 6, CONV = 8 * 8 * 10, CAT = 8 * 8 * 16, OUT = 9 * 9 * 19 };

typedef struct {
    int32_t pad_before[4], pad_after[4], v2_before[4], v2_after[4];
    int8_t constant;
} model_constants;

static void golden(const char *models, const char *test_case, const model_constants *c) {
    char paths[5][64];
    const int indices[5] = {0, 2, 5, 6, 9};
    const size_t sizes[5] = {IN, PADDED, CONV, CAT, OUT};
    int8_t *t[5];
    static int8_t got[OUT];
    int i;
    int all = 1;
    for (i = 0; i < 5; i++) {
        sprintf(paths[i], "op_pad_concat/tensors/%s/t%03d.bin", test_case, indices[i]);
        t[i] = tforge_read_golden(models, paths[i], sizes[i], NULL);
        all = all && t[i] != NULL;
    }
    if (all && c != NULL) {
        const int32_t in_shape[4] = {1, 8, 8, 6};
        const int32_t cat_shape[4] = {1, 8, 8, 16};
        const int8_t *inputs[2];
        const int32_t chunks[2] = {6, 10};
        /* PAD fills with the output zero point, 21 */
        tforge_pad_s8(t[0], in_shape, c->pad_before, c->pad_after, 21, got);
        tforge_expect_bytes(paths[1], t[1], got, PADDED);
        inputs[0] = t[0];
        inputs[1] = t[2];
        tforge_concatenation_s8(inputs, chunks, 2, 64, got);
        tforge_expect_bytes(paths[3], t[3], got, CAT);
        tforge_pad_s8(t[3], cat_shape, c->v2_before, c->v2_after, c->constant, got);
        tforge_expect_bytes(paths[4], t[4], got, OUT);
    }
    for (i = 0; i < 5; i++) {
        free(t[i]);
    }
}

int main(int argc, char **argv) {
    const char *models = argc > 1 ? argv[1] : NULL;
    size_t model_size = 0;
    int8_t *model;
    model_constants c;
    int have = 0;
    pad_hand_worked();
    concatenation_hand_worked();
    model = tforge_read_golden(models, "op_pad_concat/model.tflite", 0, &model_size);
    if (model != NULL && model_size > 8) {
        int8_t constant[1];
        have = paddings(model, 1, c.pad_before, c.pad_after) &&
               paddings(model, 7, c.v2_before, c.v2_after) &&
               tflite_constant(model, 8, constant, sizeof constant) == 1;
        c.constant = have ? constant[0] : 0;
        have = have && c.pad_before[1] == 1 && c.pad_after[2] == 1 && c.v2_before[3] == 1 &&
               c.v2_after[3] == 2 && c.constant == -100;
        tforge_expect_true("op_pad_concat paddings t001, t007 and constant t008 = -100", have);
    }
    golden(models, "seed1", have ? &c : NULL);
    golden(models, "seed2", have ? &c : NULL);
    golden(models, "seed3", have ? &c : NULL);
    free(model);
    return tforge_test_summary();
}
