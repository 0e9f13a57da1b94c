package sprocket.cli.bin;

import java.util.ArrayList;
import java.util.List;
import sprocket.api.Errno;
import sprocket.api.sys.Program;
import sprocket.api.sys.Stat;
import sprocket.api.sys.Statvfs;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Stream;
import sprocket.libc.Strerror;

/**
 * df(1): "report number of free disk blocks and files" of each mounted file system (the mount table, /proc/mounts), or
 * of those the operands are on: total, used and available 512-byte blocks ({@code -k}: 1024), capacity, mount point.
 * The numbers are statvfs(2)'s. {@code -n} prints each mount point and its file system type, as System V's df -n
 * does. Exit 0, 1 when any file system could not be reported, 2 for a usage error.
 */
public final class Df implements Program {

    private static final String USAGE = "usage: df [-kn] [file...]\n";

    @Override
    public String name() {
        return "df";
    }

    @Override
    public String summary() {
        return "df [-kn] [FILE...]: free space of mounted file systems (-n: their types); sizes need statvfs(2)";
    }

    /** A line of /proc/mounts: what was mounted, where, and its type. */
    record Mount(String special, String dir, String type) {
    }

    @Override
    public int main(Sys sys, String[] argv) {
        boolean kilobytes = false;
        boolean types = false;
        Getopt g = new Getopt(sys, argv, "knP");
        for (int c; (c = g.getopt()) != -1;) {
            switch (c) {
                case 'k' -> kilobytes = true;
                case 'n' -> types = true;
                case 'P' -> {
                    // The POSIX format is the one written.
                }
                default -> {
                    return Usage.fail(sys, USAGE);
                }
            }
        }
        List<Mount> mounts = mounts(sys);
        if (mounts == null) {
            Strerror.perror(sys, "df: /proc/mounts");
            return 1;
        }
        int status = 0;
        List<Mount> chosen = new ArrayList<>();
        for (String f : g.operands()) {
            Mount m = on(sys, mounts, f);
            if (m == null) {
                Strerror.perror(sys, "df: " + f);
                status = 1;
            } else {
                chosen.add(m);
            }
        }
        if (g.operands().length == 0) chosen = mounts;
        Stream out = Stream.stdout(sys);
        long unit = kilobytes ? 1024 : 512;
        if (!types) out.printf("%-20s %10s %10s %10s %8s %s\n", "Filesystem",
                kilobytes ? "1024-blocks" : "512-blocks", "Used", "Available", "Capacity", "Mounted on");
        for (Mount m : chosen) {
            if (types) {
                out.printf("%-20s: %s\n", m.dir, m.type);
                continue;
            }
            Statvfs v = sys.statvfs(m.dir);
            if (v == null) {
                out.fflush();
                Strerror.perror(sys, "df: " + m.dir + ": statvfs");
                status = 1;
                continue;
            }
            long total = v.blocks() * v.frsize() / unit;
            long free = v.bfree() * v.frsize() / unit;
            long avail = v.bavail() * v.frsize() / unit;
            long used = total - free;
            long capacity = used + avail == 0 ? 0 : (used * 100 + used + avail - 1) / (used + avail);
            out.printf("%-20s %10d %10d %10d %7d%% %s\n", m.special, total, used, avail, capacity, m.dir);
        }
        return Text.finish(sys, "df", out, status);
    }

    /** The mount table, a line of /proc/mounts each ("special dir type options 0 0"); null with errno set. */
    static List<Mount> mounts(Sys sys) {
        Stream in = Stream.fopen(sys, "/proc/mounts", "r");
        if (in == null) return null;
        List<Mount> mounts = new ArrayList<>();
        for (byte[] line; (line = in.getline()) != null;) {
            String[] f = Text.chars(line, 0, Text.length(line)).split(" ");
            if (f.length >= 3) mounts.add(new Mount(f[0], f[1], f[2]));
        }
        boolean failed = in.ferror();
        in.fclose();
        return failed ? null : mounts;
    }

    /** The mount {@code path} is on: the last one whose root has the file's device; null with errno set. */
    private static Mount on(Sys sys, List<Mount> mounts, String path) {
        Stat st = sys.stat(path);
        if (st == null) return null;
        Mount found = null;
        for (Mount m : mounts) {
            Stat root = sys.stat(m.dir);
            if (root != null && root.dev() == st.dev()) found = m;
        }
        if (found == null) sys.errno(Errno.ENOENT);
        return found;
    }
}
