package dev.tinyforge.diag;

/** One diagnostic: its catalogue entry, its text, whether it stops the build, and where it is. */
public record Problem(Message message, String text, boolean isError, Locus locus) {
  public static Problem error(Locus locus, Message message, Object... args) {
    return new Problem(message, message.format(args), true, locus);
  }

  public static Problem warning(Locus locus, Message message, Object... args) {
    return new Problem(message, message.format(args), false, locus);
  }
}
