#include "semihost.h"

#define SYS_WRITE0        0x04u
#define SYS_EXIT_EXTENDED 0x20u
/* The "reason" SYS_EXIT_EXTENDED reports for a normal end; the second word is the status.
 * (Plain SYS_EXIT on 32-bit ARM can only say "0" or "not 0".) */
#define ADP_STOPPED_APPLICATION_EXIT 0x20026u

static uint32_t semihost_call(uint32_t operation, const void *argument)
{
    register uint32_t r0 __asm__("r0") = operation;
    register const void *r1 __asm__("r1") = argument;
    /* "memory": the host reads the buffer r1 points at, so pending stores must be done. */
    __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

void tforge_semihost_write(const char *text)
{
    (void)semihost_call(SYS_WRITE0, text);
}

void tforge_semihost_write_uint(uint32_t value)
{
    char digits[11]; /* 4294967295 has ten digits */
    int at = (int)sizeof digits - 1;
    digits[at] = '\0';
    do {
        digits[--at] = (char)('0' + value % 10u);
        value /= 10u;
    } while (value != 0u);
    tforge_semihost_write(&digits[at]);
}

void tforge_semihost_write_hex32(uint32_t value)
{
    static const char hex[] = "0123456789abcdef";
    char text[11];
    text[0] = '0';
    text[1] = 'x';
    for (int i = 0; i < 8; i++) {
        text[2 + i] = hex[(value >> (28 - 4 * i)) & 0xFu];
    }
    text[10] = '\0';
    tforge_semihost_write(text);
}

void tforge_semihost_exit(int status)
{
    const uint32_t block[2] = {ADP_STOPPED_APPLICATION_EXIT, (uint32_t)status};
    (void)semihost_call(SYS_EXIT_EXTENDED, block);
    for (;;) {
        /* Only reached without a debugger that honours the exit: stop here rather than return. */
    }
}
