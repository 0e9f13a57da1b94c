package sprocket.cli.bin;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Program;
import sprocket.api.sys.Stat;
import sprocket.api.sys.Sys;
import sprocket.libc.Dir;
import sprocket.libc.Getopt;
import sprocket.libc.Stream;
import sprocket.libc.Strerror;

/**
 * du(1): "estimate file space usage": for each operand (the current directory by default), the blocks of every
 * directory below it, each with its total, or only the total ({@code -s}), or every file too ({@code -a}). Blocks are
 * 512 bytes ({@code -k}: 1024), stat(2)'s st_blocks: the storage a file holds, not its size (a file with holes holds
 * less; a directory in memfs holds none of its own). A file with several links counts once; {@code -x} stays on the operand's file system; symbolic links are not followed,
 * except operands with {@code -H} or {@code -L} (all of them, with -L). Exit 0, 1 when anything could not be read.
 */
public final class Du implements Program {

    private static final String USAGE = "usage: du [-a | -s] [-kx] [-H | -L] [file...]\n";

    private final Set<String> seen = new HashSet<>();
    private Sys sys;
    private Stream out;
    private boolean all;
    private boolean summary;
    private boolean oneFileSystem;
    private boolean followAll;
    private long unit = 512;
    private int status;

    @Override
    public String name() {
        return "du";
    }

    @Override
    public String summary() {
        return "du [-a|-s] [-kx] [-H|-L] [FILE...]: disk usage of files and directories, in 512-byte blocks";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        Du d = new Du();
        d.sys = sys;
        boolean followOperands = false;
        Getopt g = new Getopt(sys, argv, "askxHL");
        for (int c; (c = g.getopt()) != -1;) {
            switch (c) {
                case 'a' -> d.all = true;
                case 's' -> d.summary = true;
                case 'k' -> d.unit = 1024;
                case 'x' -> d.oneFileSystem = true;
                case 'H' -> followOperands = true;
                case 'L' -> followOperands = d.followAll = true;
                default -> {
                    return Usage.fail(sys, USAGE);
                }
            }
        }
        if (d.all && d.summary) return Usage.fail(sys, USAGE);
        String[] files = g.operands();
        if (files.length == 0) files = new String[] {"."};
        d.out = Stream.stdout(sys);
        for (String f : files) {
            Stat st = followOperands ? sys.stat(f) : sys.lstat(f);
            if (st == null) {
                Strerror.perror(sys, "du: " + f);
                d.status = 1;
                continue;
            }
            long blocks = d.walk(f, st, st.dev(), true);
            if (d.summary || st.type() != FileMode.S_IFDIR) d.line(blocks, f);
        }
        return Text.finish(sys, "du", d.out, d.status);
    }

    /** The blocks of {@code path} and all below it, writing the lines -a and the default ask for. */
    private long walk(String path, Stat st, int dev, boolean operand) {
        // A file met again (another link to it, or a directory again through -L's links) counts once.
        if (!seen.add(st.dev() + ":" + st.ino())) return 0;
        long blocks = blocks(st);
        if (st.type() != FileMode.S_IFDIR) {
            if (all && !operand) line(blocks, path);
            return blocks;
        }
        List<String> names = Dir.scandir(sys, path);
        if (names == null) {
            Strerror.perror(sys, "du: " + path);
            status = 1;
            return blocks;
        }
        for (String name : names) {
            if (PathName.dots(name)) continue;
            String child = PathName.join(path, name);
            Stat cs = followAll ? sys.stat(child) : sys.lstat(child);
            if (cs == null) {
                Strerror.perror(sys, "du: " + child);
                status = 1;
                continue;
            }
            if (oneFileSystem && cs.dev() != dev) continue;
            blocks += walk(child, cs, dev, false);
        }
        if (!summary) line(blocks, path);
        return blocks;
    }

    /** st_size in whole blocks of {@link #unit} bytes (see the class comment: no st_blocks yet). */
    private long blocks(Stat st) {
        return (st.blocks() * Stat.BLOCK + unit - 1) / unit;
    }

    private void line(long blocks, String path) {
        out.fputs(blocks + "\t" + path + "\n");
    }
}
