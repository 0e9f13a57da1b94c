package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Mman;
import sprocket.api.sys.Mount;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;

/**
 * mount(2) and umount(2) through the kernel, on the real memfs: the errors as the SVR4 and Linux manual pages give
 * them, read-only mounts, crossing into a new file system and back with "..", and unmounting while processes stand
 * in it or map its files. Every run ends with the kernel's own checks (no open file, frame or region left).
 */
class MountCallsTest {

    /** The errno name of a failed call, or "ok". */
    private static String result(Sys sys, int r) {
        return r == 0 ? "ok" : Errno.name(sys.errno());
    }

    private static Sim.Outcome run(java.util.function.BiFunction<Sys, String[], Integer> main) {
        return Sim.with().program("t", main).run("t");
    }

    @Test
    void only_the_super_user_may_mount_or_unmount() {
        // SVR4 mount(2) and umount(2): "EPERM The effective user ID is not super-user."
        var o = run((sys, argv) -> {
            sys.mkdir("/mnt", 0755);
            int c = sys.fork(s -> {
                s.setuid(100);
                String m = result(s, s.mount("t", "/mnt", Mount.MEMFS, 0));
                String u = result(s, s.umount("/proc"));
                Sim.puts(s, m + " " + u);
                return 0;
            });
            sys.waitpid(c, new int[1], 0);
            return 0;
        });
        assertThat(o.console()).isEqualTo("EPERM EPERM\n");
    }

    @Test
    void mount_refuses_an_unknown_type_an_unknown_flag_and_a_bad_target() {
        var o = run((sys, argv) -> {
            sys.mkdir("/mnt", 0755);
            Sim.write(sys, "/tmp/file", "x");
            StringBuilder sb = new StringBuilder();
            // Linux mount(2): "ENODEV filesystemtype not configured in the kernel."
            sb.append(result(sys, sys.mount("t", "/mnt", "nfs", 0))).append(' ');
            sb.append(result(sys, sys.mount("t", "/mnt", Mount.MEMFS, 0x8000))).append(' ');
            // Linux mount(2): "ENOENT A pathname was empty or had a nonexistent component."
            sb.append(result(sys, sys.mount("t", "/no/such", Mount.MEMFS, 0))).append(' ');
            // Linux mount(2): "ENOTDIR target, or a prefix of source, is not a directory."
            sb.append(result(sys, sys.mount("t", "/tmp/file", Mount.MEMFS, 0))).append(' ');
            // SVR4 mount(2): "EBUSY dir is currently mounted on ... or is otherwise busy": the root, and /proc.
            sb.append(result(sys, sys.mount("t", "/", Mount.MEMFS, 0))).append(' ');
            sb.append(result(sys, sys.mount("t", "/proc", Mount.PROC, 0))).append(' ');
            sb.append(result(sys, sys.mount("t", "/mnt", Mount.MEMFS, 0))).append(' ');
            sb.append(result(sys, sys.mount("t", "/mnt", Mount.MEMFS, 0))).append(' ');
            sb.append(result(sys, sys.umount("/mnt")));
            Sim.puts(sys, sb.toString());
            return 0;
        });
        assertThat(o.console()).isEqualTo("ENODEV EINVAL ENOENT ENOTDIR EBUSY EBUSY ok EBUSY ok\n");
    }

    @Test
    void umount_of_what_is_not_a_mount_point_is_einval() {
        // Linux umount(2): "EINVAL target is not a mount point."
        var o = run((sys, argv) -> {
            String tmp = result(sys, sys.umount("/tmp"));
            String missing = result(sys, sys.umount("/tmp/none"));
            // The root file system holds every process's root directory: always busy.
            String root = result(sys, sys.umount("/"));
            Sim.puts(sys, tmp + " " + missing + " " + root);
            return 0;
        });
        assertThat(o.console()).isEqualTo("EINVAL ENOENT EBUSY\n");
    }

    @Test
    void a_new_file_system_has_its_own_st_dev_and_dot_dot_at_its_root_leads_back_out() {
        var o = run((sys, argv) -> {
            sys.mkdir("/mnt", 0755);
            Sim.write(sys, "/mnt/under", "covered");
            sys.mount("scratch", "/mnt", Mount.MEMFS, 0);
            boolean ownDev = sys.stat("/mnt").dev() != sys.stat("/").dev()
                    && sys.stat("/mnt").dev() != sys.stat("/proc").dev();
            String hidden = Sim.read(sys, "/mnt/under");
            sys.mkdir("/mnt/d", 0755);
            Sim.write(sys, "/mnt/d/f", "on the new one");
            boolean sameDev = sys.stat("/mnt/d/f").dev() == sys.stat("/mnt").dev();
            sys.chdir("/mnt/d");
            String cwd = sys.getcwd();
            boolean upUp = sys.stat("../..").ino() == sys.stat("/").ino() && sys.stat("../..").dev() == sys.stat("/").dev();
            String relative = Sim.read(sys, "f") + "|" + Sim.read(sys, "../../tmp/x");
            sys.chdir("/");
            Sim.puts(sys, ownDev + " " + hidden + " " + sameDev + " " + cwd + " " + upUp + " " + relative);
            return sys.umount("/mnt");
        });
        assertThat(o.status()).isZero();
        assertThat(o.console()).isEqualTo("true ENOENT true /mnt/d true on the new one|ENOENT\n");
    }

    @Test
    void files_made_on_a_mounted_memfs_vanish_at_umount_and_the_covered_files_return() {
        var o = run((sys, argv) -> {
            sys.mkdir("/mnt", 0755);
            Sim.write(sys, "/mnt/under", "covered");
            sys.mount("scratch", "/mnt", Mount.MEMFS, 0);
            Sim.write(sys, "/mnt/f", "gone soon");
            sys.link("/mnt/f", "/mnt/g");
            String before = Sim.read(sys, "/mnt/g");
            int r = sys.umount("/mnt");
            Sim.puts(sys, r + " " + before + " " + Sim.read(sys, "/mnt/f") + " " + Sim.read(sys, "/mnt/g") + " "
                    + Sim.read(sys, "/mnt/under") + " " + (sys.stat("/mnt").dev() == sys.stat("/").dev()));
            return 0;
        });
        assertThat(o.console()).isEqualTo("0 gone soon ENOENT ENOENT covered true\n");
    }

    @Test
    void a_read_only_mount_fails_every_change_with_erofs() {
        var o = run((sys, argv) -> {
            sys.mkdir("/mnt", 0755);
            sys.mount("cdrom", "/mnt", Mount.MEMFS, Mount.MS_RDONLY);
            StringBuilder sb = new StringBuilder();
            // open(2): "EROFS The named file resides on a read-only file system and either O_WRONLY, O_RDWR, O_CREAT
            // (if the file does not exist), or O_TRUNC is set in oflag."
            sb.append(Errno.name(sys.open("/mnt/f", Fcntl.O_CREAT | Fcntl.O_WRONLY, 0644) == -1 ? sys.errno() : 0));
            // mkdir(2): "EROFS The path prefix resides on a read-only file system."
            sb.append(' ').append(result(sys, sys.mkdir("/mnt/d", 0755)));
            sb.append(' ').append(result(sys, sys.symlink("/tmp", "/mnt/l")));
            sb.append(' ').append(result(sys, sys.mkfifo("/mnt/p", 0644)));
            sb.append(' ').append(result(sys, sys.chmod("/mnt", 0755)));
            // access(2): "EROFS Write access is requested for a file on a read-only file system."
            sb.append(' ').append(result(sys, sys.access("/mnt", Fcntl.W_OK)));
            sb.append(' ').append(result(sys, sys.access("/mnt", Fcntl.R_OK | Fcntl.X_OK)));
            sb.append(' ').append(Sim.read(sys, "/proc/mounts").lines().filter(l -> l.contains("/mnt")).findFirst().orElse(""));
            Sim.puts(sys, sb.toString());
            return sys.umount("/mnt");
        });
        assertThat(o.status()).isZero();
        assertThat(o.console()).isEqualTo("EROFS EROFS EROFS EROFS EROFS EROFS ok cdrom /mnt memfs ro 0 0\n");
    }

    @Test
    void umount_is_ebusy_while_a_file_on_it_is_open_or_mapped() {
        var o = run((sys, argv) -> {
            sys.mkdir("/mnt", 0755);
            sys.mount("scratch", "/mnt", Mount.MEMFS, 0);
            int fd = sys.open("/mnt/data", Fcntl.O_RDWR | Fcntl.O_CREAT, 0644);
            sys.write(fd, new byte[4096], 0, 4096);
            // Linux umount(2): "EBUSY target could not be unmounted because it is busy."
            String open = result(sys, sys.umount("/mnt"));
            long a = sys.mmap(0, 4096, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_SHARED, fd, 0);
            sys.cpu().store32(a, 42);
            sys.close(fd);
            String mapped = result(sys, sys.umount("/mnt"));
            sys.munmap(a, 4096);
            String free = result(sys, sys.umount("/mnt"));
            Sim.puts(sys, open + " " + mapped + " " + free);
            return 0;
        });
        assertThat(o.status()).isZero();
        assertThat(o.console()).isEqualTo("EBUSY EBUSY ok\n");
    }

    @Test
    void umount_is_ebusy_while_any_process_has_its_current_or_root_directory_there() {
        var o = run((sys, argv) -> {
            sys.mkdir("/mnt", 0755);
            sys.mount("scratch", "/mnt", Mount.MEMFS, 0);
            sys.mkdir("/mnt/jail", 0755);
            sys.chdir("/mnt");
            String own = result(sys, sys.umount("/mnt"));
            sys.chdir("/");
            int[] ready = new int[2];
            int[] go = new int[2];
            sys.pipe(ready);
            sys.pipe(go);
            int c = sys.fork(s -> {
                int top = s.open("/", Fcntl.O_RDONLY);
                s.chdir("/mnt/jail");
                s.write(ready[1], new byte[1], 0, 1);
                s.read(go[0], new byte[1], 0, 1);
                // Back on the root file system, with only its root directory left on the mounted one.
                s.fchdir(top);
                s.close(top);
                s.chroot("/mnt/jail");
                s.write(ready[1], new byte[1], 0, 1);
                s.read(go[0], new byte[1], 0, 1);
                return 0;
            });
            sys.read(ready[0], new byte[1], 0, 1);
            String childCwd = result(sys, sys.umount("/mnt"));
            sys.write(go[1], new byte[1], 0, 1);
            sys.read(ready[0], new byte[1], 0, 1);
            String childRoot = result(sys, sys.umount("/mnt"));
            sys.write(go[1], new byte[1], 0, 1);
            int[] st = new int[1];
            sys.waitpid(c, st, 0);
            for (int fd : new int[] {ready[0], ready[1], go[0], go[1]}) sys.close(fd);
            String after = result(sys, sys.umount("/mnt"));
            Sim.puts(sys, own + " " + childCwd + " " + childRoot + " " + after + " " + Wait.WEXITSTATUS(st[0]));
            return 0;
        });
        assertThat(o.console()).isEqualTo("EBUSY EBUSY EBUSY ok 0\n");
    }

    @Test
    void another_view_of_proc_can_be_mounted_listed_by_mount_and_unmounted() {
        var o = run((sys, argv) -> {
            sys.mkdir("/mnt", 0755);
            String m = result(sys, sys.mount("proc", "/mnt", Mount.PROC, 0));
            String self = sys.readlink("/mnt/self");
            boolean up = sys.stat("/mnt/..").ino() == sys.stat("/").ino();
            String table = Sim.read(sys, "/mnt/mounts");
            String u = result(sys, sys.umount("/mnt"));
            Sim.fputs(sys, 1, m + " " + self + " " + up + " " + u + "\n" + table);
            return 0;
        });
        assertThat(o.console()).isEqualTo("""
                ok 2 true ok
                memfs / memfs rw 0 0
                proc /proc proc rw 0 0
                proc /mnt proc rw 0 0
                """);
    }
}
