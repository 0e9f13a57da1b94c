package sprocket.libc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.sys.Dirent;
import sprocket.api.sys.Fcntl;

/** opendir(3C), readdir(3C), closedir(3C) and scandir(3C), on a real file system. */
class DirTest {

    @Test
    void readdir_gives_every_entry_across_several_getdents_and_null_at_the_end_with_errno_untouched() {
        var o = Machine.with().program("t", (sys, argv) -> {
            sys.mkdir("/tmp/d", 0755);
            for (int i = 0; i < 150; i++) sys.close(sys.open("/tmp/d/f" + i, Fcntl.O_WRONLY | Fcntl.O_CREAT, 0644));
            Dir d = Dir.opendir(sys, "/tmp/d");
            List<String> seen = new ArrayList<>();
            sys.errno(0);
            for (Dirent e; (e = d.readdir()) != null;) seen.add(e.name());
            int atEnd = sys.errno();
            int closed = d.closedir();
            boolean again = d.closedir() == -1 && sys.errno() == Errno.EBADF;
            List<String> all = Dir.scandir(sys, "/tmp/d");
            long files = seen.stream().filter(n -> n.startsWith("f")).distinct().count();
            Stdio.puts(sys, files + " " + atEnd + " " + closed + " " + again + " " + all.equals(seen));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("150 0 0 true true\n");
    }

    @Test
    void opendir_and_scandir_fail_with_opens_errno() {
        var o = Machine.with().program("t", (sys, argv) -> {
            String none = Dir.opendir(sys, "/no/such") == null ? Errno.name(sys.errno()) : "opened";
            sys.close(sys.open("/tmp/file", Fcntl.O_WRONLY | Fcntl.O_CREAT, 0644));
            String file = Dir.scandir(sys, "/tmp/file") == null ? Errno.name(sys.errno()) : "listed";
            Stdio.puts(sys, none + " " + file);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("ENOENT ENOTDIR\n");
    }
}
