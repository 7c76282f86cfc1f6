package org.qiao.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Who used the CPU during a run, from Linux's /proc: the whole machine, and the processes that
 * share it (Gatling, each service, PostgreSQL, the launcher with its Kafka broker, this JVM's
 * probe). The platform's processes are found by the ports they listen on, not by name, so that
 * another copy of Qiao on the machine counts as "other", with everything else.
 */
final class CpuUse {

  /** USER_HZ: the unit of /proc's CPU times on Linux. */
  private static final double TICKS_PER_SECOND = 100;

  private static final String GATLING = "Gatling";
  private static final String PROBE = "probe";
  private static final String POSTGRES = "PostgreSQL";
  private static final String KAFKA = "Kafka + launcher";

  /** The services by port, as the launcher starts them. */
  private static final Map<Integer, String> SERVICE_PORTS =
      Map.of(8081, "talent-demand", 8082, "curriculum", 8083, "internship", 8084, "matching");

  private static final List<String> PLATFORM =
      List.of("talent-demand", "curriculum", "internship", "matching", POSTGRES, KAFKA);

  static final List<String> GROUPS =
      Stream.concat(Stream.of(GATLING), Stream.concat(PLATFORM.stream(), Stream.of(PROBE)))
          .toList();

  /** CPU ticks of the machine and of each process of interest, at one instant. */
  record Snapshot(long nanos, long busyTicks, Map<Long, String> groupOf, Map<Long, Long> ticks) {
    Shares since(Snapshot before) {
      double seconds = (nanos - before.nanos) / 1e9;
      Map<String, Double> cores = new LinkedHashMap<>();
      GROUPS.forEach(g -> cores.put(g, 0.0));
      double known = 0;
      for (Map.Entry<Long, Long> e : ticks.entrySet()) {
        // A process that started within the window (a new PostgreSQL backend) counts from zero.
        long delta = e.getValue() - before.ticks.getOrDefault(e.getKey(), 0L);
        double c = Math.max(0, delta) / TICKS_PER_SECOND / seconds;
        cores.merge(groupOf.get(e.getKey()), c, Double::sum);
        known += c;
      }
      double all = (busyTicks - before.busyTicks) / TICKS_PER_SECOND / seconds;
      cores.put("other", Math.max(0, all - known));
      return new Shares(all, cores);
    }
  }

  /** Average cores in use over the window: in all, and per group. */
  record Shares(double all, Map<String, Double> cores) {
    /** The services, PostgreSQL and the launcher's Kafka broker. */
    double platform() {
      return PLATFORM.stream().mapToDouble(g -> cores.getOrDefault(g, 0.0)).sum();
    }
  }

  /**
   * The processes to watch: the platform's (by listening port, plus PostgreSQL's backends),
   * Gatling's and this JVM.
   */
  static Map<Long, String> processes(long gatlingPid) {
    Map<Long, String> groups = new HashMap<>();
    Map<Integer, String> ports = new HashMap<>(SERVICE_PORTS);
    ports.put(port("QIAO_POSTGRES_PORT", 15432), POSTGRES);
    ports.put(port("QIAO_KAFKA_PORT", 19092), KAFKA);
    Map<Long, String> byInode = listeningInodes(ports);
    long postmaster = -1;
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : procs.filter(CpuUse::isPid).toList()) {
        long pid = Long.parseLong(p.getFileName().toString());
        String group = ownerOf(p, byInode);
        if (group != null) {
          groups.putIfAbsent(pid, group);
          if (group.equals(POSTGRES)) {
            postmaster = pid;
          }
        }
      }
      if (postmaster > 0) {
        try (Stream<Path> again = Files.list(Path.of("/proc"))) {
          for (Path p : again.filter(CpuUse::isPid).toList()) {
            if (parent(p) == postmaster) {
              groups.put(Long.parseLong(p.getFileName().toString()), POSTGRES);
            }
          }
        }
      }
    } catch (IOException e) {
      // not Linux: no breakdown
    }
    if (gatlingPid > 0) {
      groups.put(gatlingPid, GATLING);
    }
    groups.put(ProcessHandle.current().pid(), PROBE);
    return groups;
  }

  static Snapshot snapshot(Map<Long, String> processes) {
    Map<Long, Long> ticks = new HashMap<>();
    processes.keySet().forEach(pid -> ticks.put(pid, ticks(Path.of("/proc/" + pid))));
    return new Snapshot(System.nanoTime(), busyTicks(), processes, ticks);
  }

  /**
   * Waits (up to {@code max}) until the platform's own processes are nearly idle, so that one run's
   * backlog (outbox relays, consumers) is not in the next. Other programs on the machine do not
   * count: they are reported as "other".
   */
  static Duration settle(double maxCores, Duration max) throws InterruptedException {
    long start = System.nanoTime();
    Map<Long, String> platform = processes(-1);
    while (System.nanoTime() - start < max.toNanos()) {
      Snapshot before = snapshot(platform);
      Thread.sleep(1000);
      if (snapshot(platform).since(before).platform() < maxCores) {
        break;
      }
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "?";
    }
  }

  /** The service listening on each port, with its JVM options (heap, GC) and resident memory. */
  static Map<String, String[]> services() {
    Map<String, String[]> out = new LinkedHashMap<>();
    processes(-1)
        .forEach(
            (pid, group) -> {
              if (SERVICE_PORTS.containsValue(group)) {
                String cmd = commandLine(pid);
                int jar = cmd.indexOf(" -jar ");
                int first = cmd.indexOf(' ');
                String options = jar > first && first > 0 ? cmd.substring(first + 1, jar) : "";
                out.put(group, new String[] {options, Long.toString(residentMib(pid))});
              }
            });
    return out;
  }

  private static boolean isPid(Path p) {
    return p.getFileName().toString().chars().allMatch(Character::isDigit);
  }

  private static int port(String env, int fallback) {
    String v = System.getenv(env);
    return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
  }

  /** Socket inodes of the listening TCP sockets on the given ports (/proc/net/tcp, tcp6). */
  private static Map<Long, String> listeningInodes(Map<Integer, String> ports) {
    Map<Long, String> inodes = new HashMap<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try {
        for (String line : Files.readAllLines(Path.of(table))) {
          String[] f = line.trim().split("\\s+");
          // sl local_address rem_address st ... inode (field 9); 0A = LISTEN
          if (f.length > 9 && f[3].equals("0A")) {
            String local = f[1];
            int port = Integer.parseInt(local.substring(local.indexOf(':') + 1), 16);
            String group = ports.get(port);
            if (group != null) {
              inodes.put(Long.parseLong(f[9]), group);
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        // no such table
      }
    }
    return inodes;
  }

  /** The group of the first listening socket this process holds, if any. */
  private static String ownerOf(Path proc, Map<Long, String> byInode) {
    if (byInode.isEmpty()) {
      return null;
    }
    try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
      for (Path fd : fds.toList()) {
        String target;
        try {
          target = Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
          continue;
        }
        if (target.startsWith("socket:[")) {
          String group = byInode.get(Long.parseLong(target.substring(8, target.length() - 1)));
          if (group != null) {
            return group;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone, or not ours to read
    }
    return null;
  }

  private static long parent(Path proc) {
    try {
      String stat = Files.readString(proc.resolve("stat"));
      return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static String commandLine(long pid) {
    try {
      return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")))
          .replace('\0', ' ');
    } catch (IOException e) {
      return "";
    }
  }

  private static long residentMib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // the process is gone
    }
    return 0;
  }

  /** utime + stime of a process, all its threads; 0 once it is gone. */
  private static long ticks(Path proc) {
    try {
      String stat = Files.readString(proc.resolve("stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static long busyTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      // cpu user nice system idle iowait irq softirq steal
      return Long.parseLong(f[1])
          + Long.parseLong(f[2])
          + Long.parseLong(f[3])
          + Long.parseLong(f[6])
          + Long.parseLong(f[7])
          + Long.parseLong(f[8]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
