package chatroom.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and resident memory of a Linux process from {@code /proc}. Times are in clock ticks of 1/100 s (USER_HZ,
 * which Linux fixes at 100 for user space). Unreadable values are -1, so a run against a server on another machine or
 * a process that ended still reports everything else.
 */
record ProcStats(long cpuTicks, long rssKiB, long nanoTime) {
    private static final double TICK_SECONDS = 0.01;

    static ProcStats of(long pid) {
        long now = System.nanoTime();
        return new ProcStats(cpuTicks(pid), rssKiB(pid), now);
    }

    static ProcStats self() {
        return of(ProcessHandle.current().pid());
    }

    /** CPU use between two samples as a percentage of one core (200 = two cores busy), or -1. */
    double cpuPercentSince(ProcStats before) {
        if (cpuTicks < 0 || before.cpuTicks < 0 || nanoTime <= before.nanoTime) {
            return -1;
        }
        return (cpuTicks - before.cpuTicks) * TICK_SECONDS * 100 / ((nanoTime - before.nanoTime) / 1e9);
    }

    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may contain spaces; fields after its closing parenthesis are plain
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
