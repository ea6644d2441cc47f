package gov.commerce.aiexports.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of the system's processes from /proc (Linux), so that a load step can say how many CPU
 * milliseconds each process spent per submission. A process counts with its children: PostgreSQL's
 * backends are children of the postmaster (live ones by their own time, ended ones through the
 * postmaster's cutime/cstime). The benchmark's own process ({@link #CLIENT}) counts alone: its
 * children are the services, each measured under its own name.
 */
final class CpuMeter {

    /** Clock ticks per second of /proc's times (USER_HZ), 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** The benchmark's own process: shown after the total, which is the system's alone. */
    static final String CLIENT = "benchmark";

    private final Map<String, Long> pids;

    /** @param pids name → pid of each process to measure (a pid of -1 is skipped) */
    CpuMeter(Map<String, Long> pids) {
        this.pids = pids;
    }

    /** CPU milliseconds used so far by each process and its children. */
    Map<String, Double> sample() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : pids.entrySet()) {
            if (e.getValue() > 0) {
                // the benchmark started the services: its children are theirs, counted under their own names
                long ticks = e.getKey().equals(CLIENT) ? ownTicks(e.getValue(), false) : ticksWithChildren(e.getValue());
                out.put(e.getKey(), ticks * 1000.0 / TICKS_PER_SECOND);
            }
        }
        return out;
    }

    /** Milliseconds spent between two samples, per process, divided by {@code per} (e.g. the submissions of the step). */
    static Map<String, Double> perUnit(Map<String, Double> before, Map<String, Double> after, long per) {
        Map<String, Double> out = new LinkedHashMap<>();
        double total = 0;
        Double client = null;
        for (Map.Entry<String, Double> e : after.entrySet()) {
            double spent = e.getValue() - before.getOrDefault(e.getKey(), 0.0);
            if (e.getKey().equals(CLIENT)) {
                client = spent;
                continue;
            }
            out.put(e.getKey(), Report.round(spent / Math.max(1, per)));
            total += spent;
        }
        out.put("total", Report.round(total / Math.max(1, per)));
        if (client != null) {
            out.put(CLIENT, Report.round(client / Math.max(1, per)));
        }
        return out;
    }

    /** The postmaster's pid, from its data directory. */
    static long postmaster(Path dataDirectory) {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long ticksWithChildren(long pid) {
        long ticks = ownTicks(pid, true);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit) && parent(Long.parseLong(name)) == pid) {
                    ticks += ownTicks(Long.parseLong(name), false);
                }
            }
        } catch (IOException e) {
            // not Linux: the process's own time only
        }
        return ticks;
    }

    /** Fields after the command name: state(3) ppid(4) ... utime(14) stime(15) cutime(16) cstime(17). */
    private static String[] fields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long parent(long pid) {
        String[] f = fields(pid);
        return f == null ? -1 : Long.parseLong(f[1]);
    }

    private static long ownTicks(long pid, boolean withEndedChildren) {
        String[] f = fields(pid);
        if (f == null) {
            return 0;
        }
        long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return withEndedChildren ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
    }
}
