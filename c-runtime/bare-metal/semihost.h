/*
 * ARM semihosting, the two calls a test image needs: print text and exit with a status.
 *
 * A semihosting call is `bkpt 0xab` with the operation in r0 and its argument in r1; the
 * debugger (here QEMU with -semihosting-config enable=on) performs it on the host. Without a
 * debugger attached the BKPT faults, so these calls are for test and benchmark images only.
 */
#ifndef TFORGE_SEMIHOST_H
#define TFORGE_SEMIHOST_H

#include <stdint.h>

/* Exit statuses of our own, chosen far from the small numbers a main() returns. */
#define TFORGE_EXIT_FAULT          240 /* a HardFault (or an escalated Bus/Mem/UsageFault) */
#define TFORGE_EXIT_STACK_OVERFLOW 241 /* the whole painted stack was used */

/* Writes a NUL-terminated string to the host's console (QEMU sends it to its stderr). */
void tforge_semihost_write(const char *text);

/* Writes an unsigned number in decimal, or as 0x followed by eight hex digits. */
void tforge_semihost_write_uint(uint32_t value);
void tforge_semihost_write_hex32(uint32_t value);

/* Ends the program; QEMU exits with `status` (0..255). */
void tforge_semihost_exit(int status) __attribute__((noreturn));

#endif /* TFORGE_SEMIHOST_H */
