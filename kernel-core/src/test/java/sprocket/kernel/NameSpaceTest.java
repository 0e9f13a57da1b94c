package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.sys.Dirent;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;

/** The name-space calls through the kernel: links, rename, permissions, chroot, fchdir and getdents. */
class NameSpaceTest {

    private static List<String> names(Sys sys, int fd) {
        List<String> out = new ArrayList<>();
        Dirent[] buf = new Dirent[2];
        int n;
        while ((n = sys.getdents(fd, buf)) > 0) {
            for (int i = 0; i < n; i++) out.add(buf[i].name());
        }
        return out;
    }

    @Test
    void a_symbolic_link_is_followed_by_open_and_described_by_lstat_and_readlink() {
        var o = Sim.with().program("t", (sys, argv) -> {
            Sim.write(sys, "/tmp/real", "data");
            sys.symlink("real", "/tmp/link");
            boolean isLink = (sys.lstat("/tmp/link").mode() & FileMode.S_IFMT) == FileMode.S_IFLNK;
            boolean follows = (sys.stat("/tmp/link").mode() & FileMode.S_IFMT) == FileMode.S_IFREG;
            sys.symlink("/tmp/loop", "/tmp/loop");
            boolean loop = sys.open("/tmp/loop", Fcntl.O_RDONLY) == -1 && sys.errno() == Errno.ELOOP;
            Sim.puts(sys, Sim.read(sys, "/tmp/link") + " " + sys.readlink("/tmp/link") + " " + isLink + " " + follows
                    + " " + loop);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("data real true true true\n");
    }

    @Test
    void a_hard_link_keeps_the_data_when_the_first_name_goes_and_rename_moves_a_name() {
        var o = Sim.with().program("t", (sys, argv) -> {
            Sim.write(sys, "/tmp/a", "kept");
            sys.link("/tmp/a", "/tmp/b");
            int links = sys.stat("/tmp/b").nlink();
            sys.unlink("/tmp/a");
            sys.rename("/tmp/b", "/tmp/c");
            Sim.puts(sys, links + " " + Sim.read(sys, "/tmp/c") + " " + Sim.read(sys, "/tmp/b"));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("2 kept ENOENT\n");
    }

    @Test
    void only_the_owner_may_chmod_and_only_root_chown_and_access_checks_the_real_user() {
        var o = Sim.with().program("t", (sys, argv) -> {
            Sim.write(sys, "/tmp/f", "x");
            sys.chmod("/tmp/f", 0600);
            int c = sys.fork(s -> {
                s.setuid(100);
                boolean chmod = s.chmod("/tmp/f", 0666) == -1 && s.errno() == Errno.EPERM;
                boolean chown = s.chown("/tmp/f", 100, 100) == -1 && s.errno() == Errno.EPERM;
                boolean access = s.access("/tmp/f", Fcntl.R_OK) == -1 && s.errno() == Errno.EACCES;
                boolean exists = s.access("/tmp/f", Fcntl.F_OK) == 0;
                return chmod && chown && access && exists ? 0 : 1;
            });
            int[] st = new int[1];
            sys.waitpid(c, st, 0);
            return Wait.WEXITSTATUS(st[0]) == 0 && sys.access("/tmp/f", Fcntl.R_OK | Fcntl.W_OK) == 0 ? 0 : 1;
        }).run("t");
        assertThat(o.status()).isZero();
    }

    @Test
    void chroot_confines_path_resolution_and_dot_dot_at_the_new_root_stays_there() {
        var o = Sim.with().program("t", (sys, argv) -> {
            sys.mkdir("/tmp/jail", 0755);
            Sim.write(sys, "/tmp/jail/inside", "in");
            int c = sys.fork(s -> {
                s.setuid(100);
                return s.chroot("/tmp/jail") == -1 && s.errno() == Errno.EPERM ? 0 : 1;
            });
            int[] st = new int[1];
            sys.waitpid(c, st, 0);
            sys.chroot("/tmp/jail");
            sys.chdir("/");
            Sim.puts(sys, Wait.WEXITSTATUS(st[0]) + " " + Sim.read(sys, "/inside") + " "
                    + Sim.read(sys, "/../../inside") + " "
                    + Sim.read(sys, "/tmp/jail/inside"));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("0 in in ENOENT\n");
    }

    @Test
    void getdents_lists_a_directory_and_fchdir_enters_it() {
        var o = Sim.with().program("t", (sys, argv) -> {
            int root = sys.open("/", Fcntl.O_RDONLY);
            List<String> names = names(sys, root);
            int dev = sys.open("/dev", Fcntl.O_RDONLY);
            sys.fchdir(dev);
            String cwd = sys.getcwd();
            boolean notDir = sys.getdents(sys.open("/dev/null", Fcntl.O_RDONLY), new Dirent[1]) == -1
                    && sys.errno() == Errno.ENOTDIR;
            Sim.puts(sys, names + " " + cwd + " " + notDir);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("[., .., bin, dev, proc, tmp] /dev true\n");
    }

    @org.junit.jupiter.api.Test
    void open_with_O_NOFOLLOW_refuses_a_final_symbolic_link_with_ELOOP() {
        // open(2): "ELOOP: O_NOFOLLOW was specified and the final component of path is a symbolic link".
        var o = Sim.with().program("t", (sys, argv) -> {
            int fd = sys.open("/tmp/target", sprocket.api.sys.Fcntl.O_RDWR | sprocket.api.sys.Fcntl.O_CREAT, 0644);
            sys.close(fd);
            sys.symlink("/tmp/target", "/tmp/link");
            boolean eloop = sys.open("/tmp/link", sprocket.api.sys.Fcntl.O_RDONLY | sprocket.api.sys.Fcntl.O_NOFOLLOW) == -1
                    && sys.errno() == sprocket.api.Errno.ELOOP;
            int plain = sys.open("/tmp/target", sprocket.api.sys.Fcntl.O_RDONLY | sprocket.api.sys.Fcntl.O_NOFOLLOW);
            sys.close(plain);
            return eloop && plain >= 0 ? 0 : 1;
        }).run("t");
        org.assertj.core.api.Assertions.assertThat(o.status()).isZero();
    }
}
