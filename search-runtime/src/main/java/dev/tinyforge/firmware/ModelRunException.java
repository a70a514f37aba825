package dev.tinyforge.firmware;

import java.util.OptionalInt;

/**
 * A model could not be built or run. The message says what failed and carries the compiler's or
 * the program's own output, so a failing test shows the diagnosis without opening any file.
 */
public final class ModelRunException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, for callers that react differently (a test expecting a crash, say). */
  public enum Failure {
    /** A compiler, QEMU or a bare-metal support file is not where it should be. */
    TOOLCHAIN_MISSING,
    /** The C did not compile or link (warnings count: builds use -Werror). */
    COMPILE_ERROR,
    /** The program crashed: a Cortex-M fault, or a signal on the host. */
    CRASHED,
    /** A sanitizer found undefined behaviour or a bad memory access. */
    SANITIZER_ERROR,
    /** The painted stack was used up to its last word. */
    STACK_OVERFLOW,
    /** {@code <name>_invoke} returned a non-zero status. */
    INVOKE_FAILED,
    /** The program ended with a non-zero status for another reason. */
    NONZERO_EXIT,
    /** The program or the compiler did not finish in time and was killed. */
    TIMEOUT,
    /** The program ended well but did not print what the harness expects. */
    MALFORMED_OUTPUT
  }

  private final Failure failure;
  private final OptionalInt exitStatus;
  private final String toolOutput;

  ModelRunException(Failure failure, String message, OptionalInt exitStatus, String toolOutput) {
    super(message + describe(exitStatus, toolOutput));
    this.failure = failure;
    this.exitStatus = exitStatus;
    this.toolOutput = toolOutput;
  }

  ModelRunException(Failure failure, String message, Throwable cause) {
    super(message + ": " + cause.getMessage(), cause);
    this.failure = failure;
    this.exitStatus = OptionalInt.empty();
    this.toolOutput = "";
  }

  public Failure failure() {
    return failure;
  }

  /** The process's exit status, when one ended. */
  public OptionalInt exitStatus() {
    return exitStatus;
  }

  /** Everything the failing process printed (stdout and stderr together). */
  public String toolOutput() {
    return toolOutput;
  }

  /** Output kept in the message: enough for a diagnosis, not megabytes of hex. */
  private static final int MESSAGE_OUTPUT_LIMIT = 8000;

  private static String describe(OptionalInt exitStatus, String output) {
    StringBuilder text = new StringBuilder();
    exitStatus.ifPresent(status -> text.append(" (exit status ").append(status).append(')'));
    if (!output.isBlank()) {
      String shown = output;
      if (shown.length() > MESSAGE_OUTPUT_LIMIT) {
        shown =
            "[... "
                + (shown.length() - MESSAGE_OUTPUT_LIMIT)
                + " characters cut ...]\n"
                + shown.substring(shown.length() - MESSAGE_OUTPUT_LIMIT);
      }
      text.append("\n--- output ---\n").append(shown.stripTrailing()).append("\n--------------");
    }
    return text.toString();
  }
}
