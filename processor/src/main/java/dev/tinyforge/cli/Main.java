package dev.tinyforge.cli;

import dev.tinyforge.diag.Message;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code tinyforge} command: {@code generate} writes a trained TFLite model's firmware folder
 * (the one the annotation processor writes), {@code analyze} shows its layers and budgets.
 *
 * <p>Exit status 0 on success, 2 on any problem, which goes to standard error as one paragraph
 * with its message id; never a stack trace.
 */
@Command(name = "tinyforge", mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Compile-time TinyML: turns trained int8 TFLite models into C engines for"
        + " microcontrollers.",
    subcommands = {GenerateCommand.class, AnalyzeCommand.class, SearchCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @Spec private CommandSpec spec;

  /** Exit status of every problem with the input. */
  public static final int PROBLEM = 2;

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line with {@code out} and {@code err}; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
    PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setOut(outWriter);
    commandLine.setErr(errWriter);
    commandLine.setParameterExceptionHandler((e, arguments) -> {
      errWriter.println("error: " + Message.CLI_USAGE.format(e.getMessage(),
          e.getCommandLine().getCommandSpec().qualifiedName()));
      return PROBLEM;
    });
    commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
      errWriter.println("error: " + Message.INTERNAL.format(e.toString()));
      return PROBLEM;
    });
    return commandLine.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing the command: generate, analyze or search");
  }

  /** The version in the jar's manifest, when run from the jar. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"tinyforge " + (version == null ? "(development build)" : version)};
    }
  }
}
