package com.clisonix.edge.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and resident memory of a process, from Linux's /proc. */
public final class ProcFs {
  /** Clock ticks per second of /proc/<pid>/stat (USER_HZ; 100 on every Linux the box runs). */
  static final int TICKS_PER_SECOND = 100;

  private ProcFs() {
  }

  /** User plus system CPU seconds, or -1 if the process is gone. */
  public static double cpuSeconds(long pid) {
    try {
      return parseCpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))) / (double) TICKS_PER_SECOND;
    } catch (IOException e) {
      return -1;
    }
  }

  /** Resident set in kB, or -1 if the process is gone. */
  public static long rssKb(long pid) {
    try {
      return parseRssKb(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * utime + stime (fields 14 and 15 of proc(5)). The command name in field 2 may hold spaces and
   * parentheses, so fields are counted after its last ')'.
   */
  static long parseCpuTicks(String stat) {
    String rest = stat.substring(stat.lastIndexOf(')') + 2);
    String[] f = rest.trim().split("\\s+");
    // rest starts at field 3 (state): utime is field 14, index 11; stime index 12
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  static long parseRssKb(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
      }
    }
    return -1;
  }
}
