package dev.tinyforge.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DJL's must-do settings (DEPENDENCIES.md), applied before the first {@code Engine} use: offline
 * (no downloads, no probing of cloud metadata addresses), no usage tracking, and one intra-op and
 * one inter-op thread (the defaults are 10-30x slower and jittery on small machines). Every class
 * of this package that touches DJL calls {@link #configure()} first.
 */
public final class Djl {
  /** The system properties DJL reads; offline and tracking are always forced. */
  public static final Map<String, String> PROPERTIES = properties();

  private Djl() {}

  private static Map<String, String> properties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("ai.djl.offline", "true");
    p.put("OPT_OUT_TRACKING", "true");
    p.put("ai.djl.pytorch.num_threads", "1");
    p.put("ai.djl.pytorch.num_interop_threads", "1");
    return Map.copyOf(p);
  }

  /** Sets the properties; thread counts a user set explicitly are kept. */
  public static synchronized void configure() {
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("OPT_OUT_TRACKING", "true");
    System.setProperty("ai.djl.pytorch.num_threads",
        System.getProperty("ai.djl.pytorch.num_threads", "1"));
    System.setProperty("ai.djl.pytorch.num_interop_threads",
        System.getProperty("ai.djl.pytorch.num_interop_threads", "1"));
  }

  /** Whether the offline and no-tracking properties are in force. */
  public static boolean isConfigured() {
    return "true".equals(System.getProperty("ai.djl.offline"))
        && "true".equals(System.getProperty("OPT_OUT_TRACKING"));
  }
}
