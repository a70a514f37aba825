/*
 * Test-only reading of a .tflite flatbuffer: the bytes of a constant tensor, so golden tests can
 * use a model's own constants (a broadcast operand, a scalar) without copying them into the
 * repository.
 */
#ifndef TFORGE_TEST_TFLITE_H
#define TFORGE_TEST_TFLITE_H

#include <stdint.h>
#include <string.h>

static inline uint32_t read_u32(const uint8_t *buf, uint32_t at) {
    return (uint32_t)buf[at] | (uint32_t)buf[at + 1] << 8 | (uint32_t)buf[at + 2] << 16 |
           (uint32_t)buf[at + 3] << 24;
}

/* Follows field `id` (an offset field) of the flatbuffer table at `table`; 0 when absent. */
static inline uint32_t field(const uint8_t *buf, uint32_t table, uint32_t id) {
    const uint32_t vtable = table - read_u32(buf, table); /* soffset, always "backwards" here */
    const uint32_t vtable_size = (uint32_t)buf[vtable] | (uint32_t)buf[vtable + 1] << 8;
    const uint32_t slot = 4 + 2 * id;
    uint32_t offset;
    if (slot >= vtable_size) {
        return 0;
    }
    offset = (uint32_t)buf[vtable + slot] | (uint32_t)buf[vtable + slot + 1] << 8;
    return offset == 0 ? 0 : table + offset + read_u32(buf, table + offset);
}

static inline uint32_t element(const uint8_t *buf, uint32_t vector, uint32_t i) {
    const uint32_t at = vector + 4 + 4 * i;
    return at + read_u32(buf, at);
}

/*
 * The bytes of constant tensor `tensor` of subgraph 0 in a .tflite file (TF Lite schema:
 * Model.subgraphs = 2, Model.buffers = 4, SubGraph.tensors = 0, Tensor.buffer = 2,
 * Buffer.data = 0). Writes the bytes to `out` and returns their count, or -1.
 */
static inline long tflite_constant(const int8_t *model, uint32_t tensor, int8_t *out, size_t capacity) {
    const uint8_t *buf = (const uint8_t *)model;
    const uint32_t root = read_u32(buf, 0);
    const uint32_t subgraph = element(buf, field(buf, root, 2), 0);
    const uint32_t tensor_table = element(buf, field(buf, subgraph, 0), tensor);
    const uint32_t vtable = tensor_table - read_u32(buf, tensor_table);
    const uint32_t buffer_field = (uint32_t)buf[vtable + 8] | (uint32_t)buf[vtable + 9] << 8;
    const uint32_t buffer_index = read_u32(buf, tensor_table + buffer_field);
    const uint32_t buffer = element(buf, field(buf, root, 4), buffer_index);
    const uint32_t data = field(buf, buffer, 0);
    uint32_t size;
    if (buffer_field == 0 || data == 0) {
        return -1;
    }
    size = read_u32(buf, data);
    if (size > capacity) {
        return -1;
    }
    memcpy(out, model + data + 4, size);
    return (long)size;
}

#endif
