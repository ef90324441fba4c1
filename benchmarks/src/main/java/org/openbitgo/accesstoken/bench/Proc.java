package org.openbitgo.accesstoken.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Linux /proc readings: resident memory, CPU ticks, load average. -1 / NaN when unavailable. */
final class Proc {

  private Proc() {}

  /** VmRSS of a process in KiB. */
  static long rssKiB(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // process gone or not Linux
    }
    return -1;
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
      double[] l = loadAverage();
      return "load average: " + l[0] + ", " + l[1] + ", " + l[2];
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }

  /** utime + stime of a process (all its threads), in clock ticks. */
  static long cpuTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // after ") ": state(3) ... utime(14) stime(15)
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** CPU ticks of a process and all its descendants. */
  static long treeCpuTicks(ProcessHandle root) {
    long ticks = cpuTicks(root.pid());
    for (ProcessHandle d : root.descendants().toList()) {
      ticks += cpuTicks(d.pid());
    }
    return ticks;
  }

  /** Machine-wide {busy, total} ticks summed over all CPUs from /proc/stat. */
  static long[] machineTicks() {
    try {
      String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
      String[] f = first.trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length && i <= 8; i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
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

  static String osPrettyName() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/etc/os-release"));
      for (String l : lines) {
        if (l.startsWith("PRETTY_NAME=")) {
          return l.substring(12).replace("\"", "");
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    return System.getProperty("os.name");
  }

  static String cpuModel() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (l.startsWith("model name")) {
          return l.substring(l.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    return "unknown";
  }

  static long memTotalKiB() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (l.startsWith("MemTotal:")) {
          return Long.parseLong(l.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }

  /**
   * CPU used on the whole machine during a phase, split into this benchmark's processes and
   * everything else (other builds), in cores.
   */
  static final class CpuWindow {
    /** This JVM and its descendants: the servers under test it started (and JMH forks). */
    private final List<ProcessHandle> ours = List.of(ProcessHandle.current());

    private final long[] machineStart;
    private final long oursStart;
    private final int cores = Runtime.getRuntime().availableProcessors();

    CpuWindow() {
      this.machineStart = machineTicks();
      this.oursStart = oursTicks();
    }

    private long oursTicks() {
      long t = 0;
      for (ProcessHandle p : ours) {
        t += treeCpuTicks(p);
      }
      return t;
    }

    /** Cores in use, averaged over the window. */
    Cpu finish() {
      long[] m = machineTicks();
      long busy = m[0] - machineStart[0];
      long total = m[1] - machineStart[1];
      long oursDelta = oursTicks() - oursStart;
      if (total <= 0) {
        return new Cpu(Double.NaN, Double.NaN, Double.NaN);
      }
      double busyCores = (double) busy / total * cores;
      double ourCores = (double) oursDelta / total * cores;
      return new Cpu(
          Report.round(busyCores, 2),
          Report.round(ourCores, 2),
          Report.round(Math.max(0, busyCores - ourCores), 2));
    }
  }

  /** Cores busy on the whole machine, used by this benchmark (and its servers), used by others. */
  record Cpu(double machineBusy, double thisBenchmark, double others) {}
}
