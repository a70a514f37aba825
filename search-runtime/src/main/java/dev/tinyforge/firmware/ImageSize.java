package dev.tinyforge.firmware;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the bytes of a Cortex-M image built by {@link ModelRunner} went: flash (code, read-only
 * data and the initial values of .data) and static RAM (.data and .bss; the stack is reserved
 * apart and measured by the run), split by who put them there.
 *
 * <p>The split reads the link map, which names the object file of every input section kept
 * after {@code --gc-sections}; the runner compiles every source to its own object, so the
 * model's {@code <name>_weights.o} (its constants) and the engine's other objects are told apart
 * without changing the generated code. Library routines (libc/libgcc members such as memcpy) count
 * for the engine when an engine object needs one of their symbols ({@code nm -u}) or the map says
 * an engine object or engine routine pulled them in; otherwise they belong to the harness. The
 * totals are checked against {@code arm-none-eabi-size -A} of the ELF.
 *
 * @param parts bytes per part; every part is present
 * @param flashBytes the image's flash: every allocated section outside RAM, plus .data's values
 * @param staticRamBytes the image's .data + .bss (the stack reservation excluded)
 * @param sizeReport what {@code arm-none-eabi-size -A} printed, for people
 */
public record ImageSize(
    Map<Part, Bytes> parts, long flashBytes, long staticRamBytes, String sizeReport) {

  /** Who put bytes into the image. */
  public enum Part {
    /** The model's generated engine and the c-runtime kernels it copied, not its constants. */
    ENGINE,
    /** {@code <name>_weights.o}: filters, biases, multipliers and shifts. */
    WEIGHTS,
    /** libc/libgcc routines the engine calls (memcpy, ...). */
    ENGINE_LIBRARY,
    /** main.c with its embedded inputs, the start-up code, semihosting, the counter. */
    HARNESS,
    /** Alignment fill and linker stubs. */
    PADDING
  }

  /** Flash and RAM bytes of one part; .data counts in both. */
  public record Bytes(long flash, long ram) {
    Bytes plus(long moreFlash, long moreRam) {
      return new Bytes(flash + moreFlash, ram + moreRam);
    }
  }

  public ImageSize {
    parts = Map.copyOf(parts);
  }

  public Bytes part(Part part) {
    return parts.get(part);
  }

  /** Engine code and read-only data in flash, with the library routines it calls. */
  public long engineCodeBytes() {
    return part(Part.ENGINE).flash() + part(Part.ENGINE_LIBRARY).flash();
  }

  public long weightsBytes() {
    return part(Part.WEIGHTS).flash();
  }

  /** What the model needs in flash: engine code + weights (no harness, no fill). */
  public long modelFlashBytes() {
    return engineCodeBytes() + weightsBytes();
  }

  /** The model's static RAM: the engine's .data + .bss (the arena) and its routines'. */
  public long modelStaticRamBytes() {
    return part(Part.ENGINE).ram() + part(Part.WEIGHTS).ram() + part(Part.ENGINE_LIBRARY).ram();
  }

  private static final long RAM_ORIGIN = 0x20000000L;
  private static final Set<String> NOT_IN_FLASH = Set.of(".bss", ".stack");
  private static final Duration TOOL_LIMIT = Duration.ofMinutes(1);

  /**
   * Measures the image of a Cortex-M run of {@code model}.
   *
   * @throws IllegalArgumentException for a host build
   * @throws IllegalStateException when the map and {@code size -A} disagree
   */
  public static ImageSize of(RunResult result, GeneratedModel model) {
    if (!result.target().isBareMetal()) {
      throw new IllegalArgumentException("image sizes are measured for Cortex-M builds only");
    }
    Path elf = result.executable();
    Path directory = elf.getParent();
    Path map = directory.resolve(model.name() + ".map");
    Set<String> engineObjects = new HashSet<>();
    for (Path source : model.cSources()) {
      engineObjects.add(BuildCommands.objectName(source.getFileName().toString()));
    }
    String weightsObject = model.name() + "_weights.o";
    try {
      String sizeReport = tool(directory, "arm-none-eabi-size", "-A", elf.toString());
      List<String> nm = new ArrayList<>(List.of("arm-none-eabi-nm", "-u"));
      engineObjects.stream().sorted().forEach(nm::add);
      Set<String> engineNeeds = undefinedSymbols(tool(directory, nm.toArray(String[]::new)));
      return parse(Files.readString(map), sizeReport, engineObjects, weightsObject, engineNeeds);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the build of " + model.name(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while measuring " + elf, e);
    }
  }

  private static String tool(Path directory, String... command)
      throws IOException, InterruptedException {
    ExternalCommand external = new ExternalCommand(List.of(command), directory, Map.of());
    Path log = Files.createTempFile(directory, "tool", ".log");
    try {
      ExternalCommand.Outcome outcome = external.run(TOOL_LIMIT, log);
      if (outcome.timedOut() || outcome.exitStatus() != 0) {
        throw new IllegalStateException(external.display() + " failed:\n" + outcome.output());
      }
      return outcome.output();
    } catch (ExternalCommand.CannotStartException e) {
      throw new ModelRunException(ModelRunException.Failure.TOOLCHAIN_MISSING,
          "cannot start " + command[0] + " (binutils-arm-none-eabi)", e);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /** The symbols {@code nm -u} lists ("U name" lines). */
  static Set<String> undefinedSymbols(String nmOutput) {
    Set<String> symbols = new HashSet<>();
    for (String line : nmOutput.split("\r?\n")) {
      String[] fields = line.strip().split("\\s+");
      if (fields.length == 2 && fields[0].equals("U")) {
        symbols.add(fields[1]);
      }
    }
    return symbols;
  }

  /** One kept input section (or fill) of the map, in its output section. */
  private record Piece(String outputSection, long size, String file, List<String> symbols) {}

  /** Splits the image by reading the link map; checks its output sections against size -A. */
  static ImageSize parse(String map, String sizeReport, Set<String> engineObjects,
      String weightsObject, Set<String> engineNeeds) {
    Map<String, String> referrerOfMember = archiveReferrers(map);
    Map<String, Long> outputSizes = new LinkedHashMap<>();
    Map<String, Long> outputAddresses = new HashMap<>();
    List<Piece> pieces = new ArrayList<>();
    String[] lines = map.split("\r?\n");
    int start = indexOf(lines, "Linker script and memory map");
    String output = null;
    String pendingName = null;
    Piece last = null;
    for (int i = start + 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith("OUTPUT(")) {
        break;
      }
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.strip().split("\\s+");
      if (line.charAt(0) != ' ') { // an output section: ".text  0x00000040  0x95c"
        output = f[0];
        pendingName = null;
        if (f.length >= 3 && isHex(f[1]) && isHex(f[2])) {
          outputAddresses.put(output, Long.decode(f[1]));
          outputSizes.put(output, Long.decode(f[2]));
        } else if (f.length == 1 && i + 1 < lines.length) {
          String[] next = lines[i + 1].strip().split("\\s+");
          if (next.length >= 2 && isHex(next[0]) && isHex(next[1])) {
            outputAddresses.put(output, Long.decode(next[0]));
            outputSizes.put(output, Long.decode(next[1]));
            i++;
          }
        }
        continue;
      }
      if (output == null) {
        continue; // symbol assignments before the first section
      }
      boolean inputColumn = line.length() > 1 && line.charAt(1) != ' ';
      if (inputColumn && f[0].equals("*fill*")) {
        pieces.add(last = new Piece(output, Long.decode(f[2]), "*fill*", new ArrayList<>()));
        pendingName = null;
      } else if (inputColumn && f[0].startsWith("*")) {
        pendingName = null; // an input pattern such as *(.text .text.*)
      } else if (inputColumn && f.length == 1) {
        pendingName = f[0]; // a long input section name; address, size and file follow
      } else if (inputColumn && f.length >= 4 && isHex(f[1]) && isHex(f[2])) {
        pieces.add(last = new Piece(output, Long.decode(f[2]), rest(f, 3), new ArrayList<>()));
        pendingName = null;
      } else if (!inputColumn && pendingName != null && f.length >= 3 && isHex(f[0])
          && isHex(f[1])) {
        pieces.add(last = new Piece(output, Long.decode(f[1]), rest(f, 2), new ArrayList<>()));
        pendingName = null;
      } else if (!inputColumn && f.length == 2 && isHex(f[0]) && last != null
          && f[1].matches("[A-Za-z_.$][A-Za-z0-9_.$]*")) {
        last.symbols().add(f[1]); // a symbol the last input section defines
      }
    }
    checkAgainstSize(outputSizes, pieces, sizeReport);

    // Library members: the engine's when it needs one of their symbols or an engine file pulled
    // them in (members are listed in the order they were pulled in, so one pass suffices).
    Map<String, Set<String>> symbolsOfFile = new HashMap<>();
    pieces.forEach(p -> symbolsOfFile.computeIfAbsent(p.file(), k -> new HashSet<>())
        .addAll(p.symbols()));
    Set<String> engineMembers = new HashSet<>();
    referrerOfMember.forEach((member, referrer) -> {
      boolean needed = symbolsOfFile.getOrDefault(member, Set.of()).stream()
          .anyMatch(engineNeeds::contains);
      String referrerName = baseName(referrer);
      if (needed || engineObjects.contains(referrerName) || weightsObject.equals(referrerName)
          || engineMembers.contains(referrer)) {
        engineMembers.add(member);
      }
    });

    Map<Part, Bytes> parts = new EnumMap<>(Part.class);
    for (Part part : Part.values()) {
      parts.put(part, new Bytes(0, 0));
    }
    long flash = 0;
    long ram = 0;
    for (Piece piece : pieces) {
      long address = outputAddresses.getOrDefault(piece.outputSection(), 0L);
      boolean inRam = address >= RAM_ORIGIN;
      if (piece.outputSection().equals(".stack")) {
        continue;
      }
      long inFlash = NOT_IN_FLASH.contains(piece.outputSection()) ? 0 : piece.size();
      long inRamBytes = inRam ? piece.size() : 0;
      flash += inFlash;
      ram += inRamBytes;
      Part part = classify(piece.file(), engineObjects, weightsObject, engineMembers);
      parts.put(part, parts.get(part).plus(inFlash, inRamBytes));
    }
    return new ImageSize(parts, flash, ram, sizeReport);
  }

  private static Part classify(String file, Set<String> engineObjects, String weightsObject,
      Set<String> engineMembers) {
    if (file.equals("*fill*") || file.equals("linker stubs")) {
      return Part.PADDING;
    }
    if (file.contains(".a(")) {
      return engineMembers.contains(file) ? Part.ENGINE_LIBRARY : Part.HARNESS;
    }
    String name = baseName(file);
    if (name.equals(weightsObject)) {
      return Part.WEIGHTS;
    }
    return engineObjects.contains(name) ? Part.ENGINE : Part.HARNESS;
  }

  /** "Archive member included to satisfy reference by file (symbol)": member to referrer. */
  private static Map<String, String> archiveReferrers(String map) {
    Map<String, String> referrers = new LinkedHashMap<>();
    String[] lines = map.split("\r?\n");
    int start = indexOf(lines, "Archive member included to satisfy reference by file (symbol)");
    if (start < 0) {
      return referrers;
    }
    String member = null;
    for (int i = start + 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        if (member == null && i > start + 1) {
          break;
        }
        continue;
      }
      if (line.charAt(0) != ' ') {
        if (!line.contains(".a(")) {
          break; // the next part of the map
        }
        member = line.strip().split("\\s+")[0];
        String[] rest = line.strip().split("\\s+");
        if (rest.length >= 2) { // short names keep the referrer on the same line
          referrers.put(member, rest[1]);
          member = null;
        }
      } else if (member != null) {
        referrers.put(member, line.strip().split("\\s+")[0]);
        member = null;
      }
    }
    return referrers;
  }

  /** Every allocated output section the map describes must have the size size -A reports. */
  private static void checkAgainstSize(
      Map<String, Long> outputSizes, List<Piece> pieces, String sizeReport) {
    Map<String, Long> reported = new HashMap<>();
    for (String line : sizeReport.split("\r?\n")) {
      String[] f = line.strip().split("\\s+");
      if (f.length == 3 && f[0].startsWith(".") && f[1].matches("\\d+")) {
        reported.put(f[0], Long.parseLong(f[1]));
      }
    }
    Map<String, Long> summed = new HashMap<>();
    pieces.forEach(p -> summed.merge(p.outputSection(), p.size(), Long::sum));
    for (Map.Entry<String, Long> section : outputSizes.entrySet()) {
      long size = section.getValue();
      if (size == 0) {
        continue;
      }
      Long bySize = reported.get(section.getKey());
      long byPieces = summed.getOrDefault(section.getKey(), 0L);
      if (bySize == null || bySize != size || byPieces != size) {
        throw new IllegalStateException("section " + section.getKey() + ": the map says " + size
            + " bytes (its pieces " + byPieces + "), arm-none-eabi-size -A says " + bySize);
      }
    }
  }

  private static int indexOf(String[] lines, String text) {
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith(text)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isHex(String field) {
    return field.startsWith("0x");
  }

  private static String rest(String[] fields, int from) {
    return String.join(" ", Arrays.copyOfRange(fields, from, fields.length));
  }

  private static String baseName(String file) {
    int slash = file.lastIndexOf('/');
    return slash < 0 ? file : file.substring(slash + 1);
  }

  @Override
  public String toString() {
    return "ImageSize[flash " + flashBytes + " B, static RAM " + staticRamBytes + " B, " + parts
        + "]";
  }
}
