package org.qiao.deploy;

import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The status file the running launcher keeps ({@code status.properties} under the platform home,
 * replaced atomically) and the {@code status} command that reads it. The command does not trust the
 * file alone: it checks that each pid is alive and asks each service's readiness endpoint, so a
 * crashed launcher never shows a stale "ready".
 */
final class PlatformStatus {

  static final String FILE = "status.properties";

  /** Exit codes of {@code status}. */
  static final int ALL_READY = 0;

  static final int NOT_ALL_READY = 1;
  static final int NO_PLATFORM = 3;

  /** A launcher that has not written for this long is hung or gone. */
  private static final Duration STALE = Duration.ofSeconds(15);

  /**
   * One component as the launcher sees it. {@code pid} is -1 when nothing runs (between restarts,
   * failed, or not ours); {@code probe} is a readiness URL (services) or a host:port to connect to.
   */
  record Entry(
      String name,
      String state,
      long pid,
      Instant since,
      int restarts,
      String url,
      String probe,
      boolean external) {}

  record Snapshot(long launcherPid, Instant started, Instant written, List<Entry> entries) {}

  private PlatformStatus() {}

  static void write(Path home, Snapshot s) throws IOException {
    StringBuilder out = new StringBuilder();
    out.append("# Written by the Qiao launcher; read by deploy/qiao status.\n");
    line(out, "launcher.pid", Long.toString(s.launcherPid()));
    line(out, "launcher.started", s.started().toString());
    line(out, "written", s.written().toString());
    line(out, "components", String.join(",", s.entries().stream().map(Entry::name).toList()));
    for (Entry e : s.entries()) {
      line(out, e.name() + ".state", e.state());
      line(out, e.name() + ".pid", Long.toString(e.pid()));
      line(out, e.name() + ".since", e.since() == null ? "" : e.since().toString());
      line(out, e.name() + ".restarts", Integer.toString(e.restarts()));
      line(out, e.name() + ".url", e.url());
      line(out, e.name() + ".probe", e.probe());
      line(out, e.name() + ".external", Boolean.toString(e.external()));
    }
    // Readers never see half a file: write aside, then rename over the old one.
    Path file = home.resolve(FILE);
    Path tmp = home.resolve(FILE + ".tmp");
    Files.writeString(tmp, out, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void line(StringBuilder out, String key, String value) {
    out.append(key).append('=').append(value.replace("\\", "\\\\")).append('\n');
  }

  /** The last status the launcher wrote, or null when there is none. */
  static Snapshot read(Path home) throws IOException {
    Path file = home.resolve(FILE);
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (java.nio.file.NoSuchFileException e) {
      return null;
    }
    List<Entry> entries = new ArrayList<>();
    for (String name : p.getProperty("components", "").split(",")) {
      if (name.isBlank()) {
        continue;
      }
      String since = p.getProperty(name + ".since", "");
      entries.add(
          new Entry(
              name,
              p.getProperty(name + ".state", "down"),
              Long.parseLong(p.getProperty(name + ".pid", "-1")),
              since.isEmpty() ? null : Instant.parse(since),
              Integer.parseInt(p.getProperty(name + ".restarts", "0")),
              p.getProperty(name + ".url", ""),
              p.getProperty(name + ".probe", ""),
              Boolean.parseBoolean(p.getProperty(name + ".external", "false"))));
    }
    return new Snapshot(
        Long.parseLong(p.getProperty("launcher.pid", "-1")),
        Instant.parse(p.getProperty("launcher.started")),
        Instant.parse(p.getProperty("written")),
        entries);
  }

  /** {@code deploy/qiao status}: prints each component and returns the exit code. */
  static int print(Path home) throws IOException {
    Snapshot s = read(home);
    if (s == null) {
      System.out.println("No running platform (no " + home.resolve(FILE) + ")");
      return NO_PLATFORM;
    }
    Instant now = Instant.now();
    boolean launcherAlive = alive(s.launcherPid());
    if (launcherAlive) {
      Duration age = Duration.between(s.written(), now);
      System.out.println(
          "Qiao is running (launcher pid "
              + s.launcherPid()
              + ", up "
              + duration(Duration.between(s.started(), now))
              + "; status written "
              + duration(age)
              + " ago"
              + (age.compareTo(STALE) > 0 ? ": the launcher is not keeping it up to date" : "")
              + ")");
    } else {
      System.out.println(
          "No running platform: the launcher (pid "
              + s.launcherPid()
              + ") is gone. What its status file named, checked now:");
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    String format = "  %-22s %-9s %-8s %-8s %-9s %s%n";
    System.out.printf(format, "component", "state", "pid", "uptime", "restarts", "url");
    boolean allReady = true;
    for (Entry e : s.entries()) {
      String state = live(e, http);
      boolean running = state.equals("ready") || state.equals("starting");
      allReady &= state.equals("ready");
      System.out.printf(
          format,
          e.name(),
          state,
          running && e.pid() > 0 ? Long.toString(e.pid()) : "-",
          running && e.since() != null ? duration(Duration.between(e.since(), now)) : "-",
          e.restarts(),
          e.url());
    }
    if (!launcherAlive) {
      return NO_PLATFORM;
    }
    return allReady ? ALL_READY : NOT_ALL_READY;
  }

  /** The component's state now: its process alive, and its readiness endpoint or port answering. */
  private static String live(Entry e, HttpClient http) {
    if (e.state().equals("failed")) {
      return "failed";
    }
    if (e.external()) {
      return answers(e.probe(), http) ? "ready" : "down";
    }
    if (e.pid() <= 0 || !alive(e.pid())) {
      return "down";
    }
    return answers(e.probe(), http) ? "ready" : "starting";
  }

  private static boolean answers(String probe, HttpClient http) {
    if (probe.isEmpty()) {
      return false;
    }
    if (probe.startsWith("http")) {
      return Readiness.answers(http, probe, Duration.ofSeconds(2));
    }
    int colon = probe.lastIndexOf(':');
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(
              probe.substring(0, colon), Integer.parseInt(probe.substring(colon + 1))),
          1000);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  static boolean alive(long pid) {
    return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** 3h07m, 5m02s, 12s: one word, so the status table splits on blanks. */
  static String duration(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
    }
    if (s >= 60) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return s + "s";
  }
}
