package org.openbitgo.accesstoken.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Linux /proc readings: resident memory, CPU ticks, load average. -1 / NaN when unavailable. */
final class Proc {

  private Proc() {}

  /** The rest of the first line of {@code file} that starts with {@code prefix}, or null. */
  private static String field(String file, String prefix) {
    try {
      for (String line : Files.readAllLines(Path.of(file))) {
        if (line.startsWith(prefix)) {
          return line.substring(prefix.length()).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // process gone, or not Linux
    }
    return null;
  }

  private static long kib(String file, String prefix) {
    String v = field(file, prefix);
    return v == null ? -1 : Long.parseLong(v.replaceAll("[^0-9]", ""));
  }

  /** VmRSS of a process in KiB. */
  static long rssKiB(long pid) {
    return kib("/proc/" + pid + "/status", "VmRSS:");
  }

  static long memTotalKiB() {
    return kib("/proc/meminfo", "MemTotal:");
  }

  static String cpuModel() {
    String v = field("/proc/cpuinfo", "model name");
    return v == null ? "unknown" : v.substring(v.indexOf(':') + 1).trim();
  }

  static String osPrettyName() {
    String v = field("/etc/os-release", "PRETTY_NAME=");
    return v == null ? System.getProperty("os.name") : v.replace("\"", "");
  }

  /** Threads of a process, -1 if unknown. */
  static int threadCount(long pid) {
    try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      return (int) tasks.count();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The {@code uptime} line: wall time, uptime and load averages, as the shell shows them. */
  static String uptime() {
    try {
      Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
      String line = new String(p.getInputStream().readAllBytes()).strip();
      p.waitFor();
      return line;
    } catch (IOException e) {
      return "load average: " + loadAverage()[0];
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }

  /** The three load averages (1, 5, 15 min). */
  static double[] loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return new double[] {
        Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])
      };
    } catch (IOException | RuntimeException e) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }
  }

  /** utime + stime of a process and all its descendants, in clock ticks. */
  static long treeCpuTicks(ProcessHandle root) {
    long ticks = 0;
    for (ProcessHandle p : Stream.concat(Stream.of(root), root.descendants()).toList()) {
      try {
        String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime(14), stime(15)
      } catch (IOException | RuntimeException e) {
        // exited meanwhile
      }
    }
    return ticks;
  }

  /** Machine-wide {busy, total} ticks summed over all CPUs from /proc/stat. */
  static long[] machineTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length && i <= 8; i++) {
        total += Long.parseLong(f[i]);
      }
      return new long[] {total - Long.parseLong(f[4]) - Long.parseLong(f[5]), total};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }

  /**
   * CPU used on the whole machine during a measurement, split into this benchmark's process tree
   * (this JVM, the servers, wrk, JMH forks) and everything else (other builds), in cores.
   */
  static final class CpuWindow {
    private final long[] machineStart = machineTicks();
    private final long oursStart = treeCpuTicks(ProcessHandle.current());
    private final int cores = Runtime.getRuntime().availableProcessors();

    /** Cores in use, averaged over the window. */
    Cpu finish() {
      long[] m = machineTicks();
      long total = m[1] - machineStart[1];
      if (total <= 0) {
        return new Cpu(Double.NaN, Double.NaN, Double.NaN);
      }
      double busyCores = (double) (m[0] - machineStart[0]) / total * cores;
      double ourCores =
          (double) (treeCpuTicks(ProcessHandle.current()) - oursStart) / total * cores;
      return new Cpu(
          Report.round(busyCores, 2),
          Report.round(ourCores, 2),
          Report.round(Math.max(0, busyCores - ourCores), 2));
    }
  }

  /** Cores busy on the whole machine, used by this benchmark (and its servers), used by others. */
  record Cpu(double machineBusy, double thisBenchmark, double others) {}
}
