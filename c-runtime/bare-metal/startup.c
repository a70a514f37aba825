/*
 * Start-up code for TinyForge test and benchmark images on Cortex-M (M4, M7, M55), for cm.ld.
 *
 * Reset: enable the FPU, copy .data, zero .bss, paint the stack, start the instruction counter,
 * run main, report how deep the stack went, and leave through semihosting with main's status.
 * Any fault prints the fault registers and exits with TFORGE_EXIT_FAULT, so a crash under QEMU
 * ends the run with a diagnosis instead of hanging until a timeout.
 *
 * Lines meant for the host harness start with '@' (one fact per line).
 */
#include <stdint.h>

#include "icount.h"
#include "semihost.h"

/* Symbols of cm.ld. */
extern uint32_t __data_start;
extern uint32_t __data_end;
extern const uint32_t __data_load;
extern uint32_t __bss_start;
extern uint32_t __bss_end;
extern uint32_t __stack_bottom;
extern uint32_t __stack_top;

int main(void);

void Reset_Handler(void) __attribute__((noreturn));
void Fault_Handler(void) __attribute__((naked));
void tforge_fault_report(const uint32_t *stacked) __attribute__((noreturn, used));
void SysTick_Handler(void); /* icount.c */

#define SCB_CPACR (*(volatile uint32_t *)0xE000ED88u)
#define SCB_CFSR  (*(volatile uint32_t *)0xE000ED28u)
#define SCB_HFSR  (*(volatile uint32_t *)0xE000ED2Cu)
#define SCB_MMFAR (*(volatile uint32_t *)0xE000ED34u)
#define SCB_BFAR  (*(volatile uint32_t *)0xE000ED38u)

/* Unused stack words keep this value; the lowest changed word is the high-water mark. */
#define STACK_PAINT 0xC5C5C5C5u

/* Word 0 is the initial stack pointer, the others are handlers: a union says so without casts. */
typedef union {
    void *stack_top;
    void (*handler)(void);
} vector_entry;

/* Only the 16 core exceptions: the images enable no peripheral interrupt. Every exception that
 * should never happen goes to the fault handler, which names it by number. */
__attribute__((section(".isr_vector"), used))
static const vector_entry vector_table[16] = {
    {.stack_top = &__stack_top},
    {.handler = Reset_Handler},
    {.handler = Fault_Handler}, /*  2 NMI */
    {.handler = Fault_Handler}, /*  3 HardFault */
    {.handler = Fault_Handler}, /*  4 MemManage (escalates to HardFault unless enabled) */
    {.handler = Fault_Handler}, /*  5 BusFault */
    {.handler = Fault_Handler}, /*  6 UsageFault */
    {.handler = 0},             /*  7-10 reserved */
    {.handler = 0},
    {.handler = 0},
    {.handler = 0},
    {.handler = Fault_Handler}, /* 11 SVCall */
    {.handler = Fault_Handler}, /* 12 DebugMonitor */
    {.handler = 0},             /* 13 reserved */
    {.handler = Fault_Handler}, /* 14 PendSV */
    {.handler = SysTick_Handler},
};

static uint32_t stack_high_water_bytes(void)
{
    const uint32_t *word = &__stack_bottom;
    while (word < &__stack_top && *word == STACK_PAINT) {
        word++;
    }
    return (uint32_t)((uintptr_t)&__stack_top - (uintptr_t)word);
}

static void report(const char *name, uint32_t value, int as_hex)
{
    tforge_semihost_write(name);
    if (as_hex) {
        tforge_semihost_write_hex32(value);
    } else {
        tforge_semihost_write_uint(value);
    }
}

void Reset_Handler(void)
{
#if defined(__ARM_FP)
    /* Full access to CP10/CP11 before any floating-point instruction runs, or it faults. */
    SCB_CPACR |= 0xFu << 20;
    __asm__ volatile("dsb\n\tisb" ::: "memory");
#endif

    const uint32_t *from = &__data_load;
    for (uint32_t *to = &__data_start; to < &__data_end; to++) {
        *to = *from++;
    }
    for (uint32_t *to = &__bss_start; to < &__bss_end; to++) {
        *to = 0u;
    }

    /* Paint everything below our own frame; no call happens while the loop runs. */
    uint32_t *sp;
    __asm__ volatile("mov %0, sp" : "=r"(sp));
    for (volatile uint32_t *word = &__stack_bottom; word < sp; word++) {
        *word = STACK_PAINT;
    }

    tforge_icount_start();
    int status = main();

    uint32_t used = stack_high_water_bytes();
    uint32_t size = (uint32_t)((uintptr_t)&__stack_top - (uintptr_t)&__stack_bottom);
    report("@stack-high-water ", used, 0);
    report(" ", size, 0);
    tforge_semihost_write("\n");
    if (used >= size) {
        /* The stack ran into .bss: whatever main printed may already be wrong. */
        tforge_semihost_write("@stack-overflow raise STACK_SIZE (-Wl,--defsym=STACK_SIZE=...)\n");
        tforge_semihost_exit(TFORGE_EXIT_STACK_OVERFLOW);
    }
    tforge_semihost_exit(status);
}

/* The hardware stacked r0-r3, r12, lr, pc, xPSR on the stack that was active (MSP or PSP, bit 2
 * of EXC_RETURN in lr says which); hand that frame to C. Naked: no prologue may move sp first. */
void Fault_Handler(void)
{
    __asm__ volatile(
        "tst lr, #4\n\t"
        "ite eq\n\t"
        "mrseq r0, msp\n\t"
        "mrsne r0, psp\n\t"
        "b tforge_fault_report\n\t");
}

void tforge_fault_report(const uint32_t *stacked)
{
    uint32_t exception;
    __asm__ volatile("mrs %0, ipsr" : "=r"(exception));
    report("@fault exception=", exception & 0x1FFu, 0);
    report(" CFSR=", SCB_CFSR, 1);
    report(" HFSR=", SCB_HFSR, 1);
    report(" MMFAR=", SCB_MMFAR, 1);
    report(" BFAR=", SCB_BFAR, 1);
    report(" PC=", stacked[6], 1);
    report(" LR=", stacked[5], 1);
    tforge_semihost_write("\n");
    tforge_semihost_exit(TFORGE_EXIT_FAULT);
}
