package dev.tinyforge.firmware;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external command with a time limit. Its stdout and stderr go together into a log file
 * (QEMU prints semihosting text on stderr; a file, unlike a pipe, cannot fill up and stall the
 * process), which stays in the build directory for a person to read later.
 */
final class ExternalCommand {
  /** How a command ended. */
  record Outcome(int exitStatus, boolean timedOut, String output, Duration elapsed) {}

  /** The command could not be started: usually it is not installed. */
  static final class CannotStartException extends IOException {
    private static final long serialVersionUID = 1L;

    CannotStartException(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  private final List<String> command;
  private final Path workingDirectory;
  private final Map<String, String> environment;

  ExternalCommand(List<String> command, Path workingDirectory, Map<String, String> environment) {
    this.command = List.copyOf(command);
    this.workingDirectory = workingDirectory;
    this.environment = Map.copyOf(environment);
  }

  List<String> command() {
    return command;
  }

  /**
   * Runs to completion or until {@code timeout}, then kills the process and its children.
   *
   * @throws CannotStartException when the command cannot be started at all (not on PATH, say)
   * @throws IOException when the log cannot be read
   */
  Outcome run(Duration timeout, Path log) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workingDirectory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    long start = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new CannotStartException(e);
    }
    // Nothing to read: an immediate end of input (QEMU is told so by closing its stdin).
    process.getOutputStream().close();
    boolean finished = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
    if (!finished) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    // Decoded leniently: a crashing program may print anything.
    String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    return new Outcome(finished ? process.exitValue() : -1, !finished, output, elapsed);
  }

  /** The command as one line a person can paste into a shell. */
  String display() {
    StringBuilder line = new StringBuilder();
    for (String argument : command) {
      if (line.length() > 0) {
        line.append(' ');
      }
      boolean plain = argument.matches("[A-Za-z0-9_./=:,+@%-]+");
      line.append(plain ? argument : "'" + argument.replace("'", "'\\''") + "'");
    }
    return line.toString();
  }
}
