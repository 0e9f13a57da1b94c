package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.Errno.EACCES;
import static sprocket.api.Errno.EINVAL;
import static sprocket.api.Errno.EPERM;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.IpcFlags;
import sprocket.api.sys.Prctl;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;

/**
 * Who may do what, one cell at a time: each cell runs in a child of root that takes the subject's ids (setgid, then
 * setuid) and does one thing; the cell's result (ok or the errno) is printed and the whole table compared. Subjects:
 * the owner (uid 100, gid 100), a member of the owner's group (uid 200, gid 100), another user (uid 300, gid 300),
 * root, and a user of another group who has the owner's among its supplementary groups (uid 400, gid 400, groups 100
 * and 20). chmod(2) and intro(2): the owner's bits apply to the owner, else the group's to the group, else the others';
 * the super-user passes every check but needs an execute bit to execute a file. Files are owned by 100:100, IPC
 * objects by 100:100 with root as creator. There is no setreuid(2): a real and an effective id differ only after
 * the exec of a set-user-ID or set-group-ID file.
 */
class PermissionMatrixTest {

    enum Who {
        OWNER(100, 100), GROUP(200, 100), OTHER(300, 300), ROOT(0, 0),
        /** A user of another group with the owner's group among its supplementary groups (setgroups(2)). */
        MEMBER(400, 400, 100, 20);

        final int uid;
        final int gid;
        final int[] groups;

        Who(int uid, int gid, int... groups) {
            this.uid = uid;
            this.gid = gid;
            this.groups = groups;
        }
    }

    /** An action's answer when it did not fail but its effect was not the one the manual states. */
    private static final int WRONG = 254;
    private static final Who[] USERS = {Who.OWNER, Who.GROUP, Who.OTHER};

    private record Cell(String what, Who who, ToIntFunction<Sys> action, int expected) {
    }

    private final List<Cell> cells = new ArrayList<>();
    private final List<ToIntFunction<Sys>> setup = new ArrayList<>();

    private void cell(String what, Who who, int expected, ToIntFunction<Sys> action) {
        cells.add(new Cell(what, who, action, expected));
    }

    /** 0 when {@code r} is not -1, else the errno. */
    private static int ok(Sys sys, long r) {
        return r == -1 ? sys.errno() : 0;
    }

    private static int openClose(Sys sys, String path, int flags) {
        int fd = sys.open(path, flags, 0600);
        if (fd < 0) return sys.errno();
        sys.close(fd);
        return 0;
    }

    /**
     * Rows of a mode and what the owner, the group and the others may do ("rwx" letters, '-' for refused, with
     * EACCES); root may read and write everything and execute what has any execute bit.
     */
    private static final String[] FILE_ROWS = {
        "0400 r-- --- ---", "0200 -w- --- ---", "0100 --x --- ---",
        "0040 --- r-- ---", "0020 --- -w- ---", "0010 --- --x ---",
        "0004 --- --- r--", "0002 --- --- -w-", "0001 --- --- --x",
        "0070 --- rwx ---", "0007 --- --- rwx", "0000 --- --- ---"};

    /** Directories: r lists (open), w creates a file in it (needs search too), x searches (stat of a name in it). */
    private static final String[] DIR_ROWS = {
        "0400 r-- --- ---", "0200 --- --- ---", "0100 --x --- ---", "0300 -wx --- ---", "0700 rwx --- ---",
        "0040 --- r-- ---", "0030 --- -wx ---", "0010 --- --x ---",
        "0004 --- --- r--", "0003 --- --- -wx", "0001 --- --- --x", "0000 --- --- ---"};

    private void files(byte[] program) {
        for (String row : FILE_ROWS) {
            String[] f = row.split(" ");
            int mode = Integer.parseInt(f[0], 8);
            String path = "/tmp/pm/f" + f[0];
            setup.add(sys -> {
                int fd = sys.open(path, Fcntl.O_WRONLY | Fcntl.O_CREAT, 0600);
                sys.write(fd, program, 0, program.length);
                sys.close(fd);
                return sys.chmod(path, mode) | sys.chown(path, 100, 100);
            });
            boolean anyX = (mode & 0111) != 0;
            for (int i = 0; i <= 3; i++) {
                Who who = i < 3 ? USERS[i] : Who.ROOT;
                String can = i < 3 ? f[i + 1] : anyX ? "rwx" : "rw-";
                cell("open " + path + " O_RDONLY", who, can.charAt(0) == 'r' ? 0 : EACCES,
                        s -> openClose(s, path, Fcntl.O_RDONLY));
                cell("open " + path + " O_WRONLY", who, can.charAt(1) == 'w' ? 0 : EACCES,
                        s -> openClose(s, path, Fcntl.O_WRONLY));
                // exec(2): "EACCES ... the new process file is not an ordinary file, or its mode does not permit execution"
                cell("execve " + path, who, can.charAt(2) == 'x' ? 0 : EACCES,
                        s -> ok(s, s.execve(path, new String[] {"t", "probe"}, new String[0])));
            }
        }
    }

    private void directories() {
        for (String row : DIR_ROWS) {
            String[] f = row.split(" ");
            int mode = Integer.parseInt(f[0], 8);
            String dir = "/tmp/pm/d" + f[0];
            setup.add(sys -> {
                sys.mkdir(dir, 0700);
                openClose(sys, dir + "/f", Fcntl.O_WRONLY | Fcntl.O_CREAT);
                return sys.chmod(dir, mode) | sys.chown(dir, 100, 100);
            });
            for (int i = 0; i <= 3; i++) {
                Who who = i < 3 ? USERS[i] : Who.ROOT;
                String can = i < 3 ? f[i + 1] : "rwx";
                cell("open " + dir + " O_RDONLY", who, can.charAt(0) == 'r' ? 0 : EACCES,
                        s -> openClose(s, dir, Fcntl.O_RDONLY));
                String made = dir + "/new" + who.uid;
                cell("creat " + made, who, can.charAt(1) == 'w' ? 0 : EACCES,
                        s -> openClose(s, made, Fcntl.O_WRONLY | Fcntl.O_CREAT));
                cell("stat " + dir + "/f", who, can.charAt(2) == 'x' ? 0 : EACCES,
                        s -> s.stat(dir + "/f") == null ? s.errno() : 0);
            }
        }
    }

    /** The sticky bit on /tmp: unlink(2) "EACCES ... the parent directory has the sticky bit set and ...". */
    private void sticky() {
        cell("/tmp has the sticky bit", Who.OTHER, 0, s -> (s.stat("/tmp").mode() & FileMode.S_ISVTX) != 0 ? 0 : WRONG);
        String[][] unlinks = {
            {"OWNER", "0644", "/tmp", "0"}, {"GROUP", "0644", "/tmp", "13"}, {"OTHER", "0644", "/tmp", "13"},
            {"ROOT", "0644", "/tmp", "0"}, {"OTHER", "0666", "/tmp", "0"}, {"OTHER", "0644", "/tmp/pm/open", "0"}};
        setup.add(sys -> sys.mkdir("/tmp/pm/open", 0777) | sys.chmod("/tmp/pm/open", 0777));
        int n = 0;
        for (String[] u : unlinks) {
            String path = u[2] + "/sticky" + n++;
            int mode = Integer.parseInt(u[1], 8);
            setup.add(sys -> openClose(sys, path, Fcntl.O_WRONLY | Fcntl.O_CREAT) | sys.chmod(path, mode)
                    | sys.chown(path, 100, 100));
            cell("unlink " + path + " (" + u[1] + ")", Who.valueOf(u[0]), Integer.parseInt(u[3]),
                    s -> ok(s, s.unlink(path)));
        }
        setup.add(sys -> openClose(sys, "/tmp/sticky-r", Fcntl.O_WRONLY | Fcntl.O_CREAT) | sys.chown("/tmp/sticky-r", 100, 100));
        cell("rename /tmp/sticky-r", Who.OTHER, EACCES, s -> ok(s, s.rename("/tmp/sticky-r", "/tmp/sticky-r2")));
        cell("creat /tmp/other-own", Who.OTHER, 0, s -> openClose(s, "/tmp/other-own", Fcntl.O_WRONLY | Fcntl.O_CREAT));
    }

    /**
     * The supplementary groups: POSIX's group class is "the effective group ID or any of the supplementary group IDs
     * of the process match the file group ID", so the member is treated as the group for files and directories; and
     * getgroups(2) and setgroups(2) themselves.
     */
    private void supplementaryGroups() {
        for (String row : FILE_ROWS) {
            String[] f = row.split(" ");
            String path = "/tmp/pm/f" + f[0];
            cell("open " + path + " O_RDONLY", Who.MEMBER, f[2].charAt(0) == 'r' ? 0 : EACCES,
                    s -> openClose(s, path, Fcntl.O_RDONLY));
            cell("open " + path + " O_WRONLY", Who.MEMBER, f[2].charAt(1) == 'w' ? 0 : EACCES,
                    s -> openClose(s, path, Fcntl.O_WRONLY));
        }
        for (String row : DIR_ROWS) {
            String[] f = row.split(" ");
            String dir = "/tmp/pm/d" + f[0];
            cell("stat " + dir + "/f", Who.MEMBER, f[2].charAt(2) == 'x' ? 0 : EACCES,
                    s -> s.stat(dir + "/f") == null ? s.errno() : 0);
        }
        // getgroups(2): "If gidsetsize is zero, getgroups will return the number of supplemental group IDs";
        // "EINVAL The value of gidsetsize is non-zero and less than the number of supplementary group IDs".
        cell("getgroups(0) counts 2", Who.MEMBER, 0, s -> s.getgroups(0, null) == 2 ? 0 : WRONG);
        cell("getgroups(1)", Who.MEMBER, EINVAL, s -> ok(s, s.getgroups(1, new int[1])));
        cell("getgroups(16) lists 100 20", Who.MEMBER, 0, s -> {
            int[] g = new int[16];
            return s.getgroups(16, g) == 2 && g[0] == 100 && g[1] == 20 ? 0 : WRONG;
        });
        // setgroups(2): "EPERM The effective user ID is not super-user"; "EINVAL The value of ngroups is greater than
        // {NGROUPS_MAX}".
        cell("setgroups(1, {0})", Who.MEMBER, EPERM, s -> ok(s, s.setgroups(1, new int[] {0})));
        cell("setgroups(0)", Who.OWNER, EPERM, s -> ok(s, s.setgroups(0, new int[0])));
        cell("setgroups(17)", Who.ROOT, EINVAL, s -> ok(s, s.setgroups(17, new int[17])));
        cell("setgroups(16), getgroups", Who.ROOT, 0, s -> {
            int[] g = new int[16];
            for (int i = 0; i < g.length; i++) g[i] = 1000 + i;
            if (s.setgroups(16, g) != 0) return s.errno();
            int[] back = new int[16];
            return s.getgroups(16, back) == 16 && java.util.Arrays.equals(g, back) ? 0 : WRONG;
        });
        cell("setgroups(1, {-5})", Who.ROOT, EINVAL, s -> ok(s, s.setgroups(1, new int[] {-5})));
    }

    /** Rows of a mode and what owner, group and others may do: r reads (IPC_STAT, GETVAL, shmat SHM_RDONLY), w alters. */
    private static final String[] IPC_ROWS = {
        "0600 rw -- --", "0400 r- -- --", "0200 -w -- --", "0060 -- rw --", "0040 -- r- --", "0020 -- -w --",
        "0006 -- -- rw", "0004 -- -- r-", "0002 -- -- -w", "0000 -- -- --"};

    private void ipc(SystemVObject kind, long keyBase) {
        long key = keyBase;
        for (String row : IPC_ROWS) {
            String[] f = row.split(" ");
            int mode = Integer.parseInt(f[0], 8);
            long k = key++;
            setup.add(sys -> {
                int id = kind.get(sys, k, IpcFlags.IPC_CREAT | mode);
                return id < 0 ? sys.errno() : kind.set(sys, id, 100, 100, mode);
            });
            for (int i = 0; i <= 3; i++) {
                Who who = i < 3 ? USERS[i] : Who.ROOT;
                String can = i < 3 ? f[i + 1] : "rw";
                // shmat(2) read-write asks for both read and write permission.
                boolean write = can.charAt(1) == 'w' && (kind != SystemVObject.SHM || can.charAt(0) == 'r');
                String name = kind + " " + f[0];
                cell(name + " read", who, can.charAt(0) == 'r' ? 0 : EACCES, s -> kind.read(s, kind.get(s, k, 0)));
                cell(name + " alter", who, write ? 0 : EACCES, s -> kind.write(s, kind.get(s, k, 0)));
            }
        }
        // intro(2): IPC_SET and IPC_RMID only by root or "the value of ... uid or cuid".
        long owned = key++;
        setup.add(sys -> kind.set(sys, kind.get(sys, owned, IpcFlags.IPC_CREAT | 0660), 100, 100, 0660));
        for (Who who : Who.values()) {
            int expected = who == Who.OWNER || who == Who.ROOT ? 0 : EPERM;
            cell(kind + " IPC_SET", who, expected, s -> kind.set(s, kind.get(s, owned, 0), 100, 100, 0660));
        }
        cell(kind + " IPC_RMID", Who.GROUP, EPERM, s -> kind.rmid(s, kind.get(s, owned, 0)));
        cell(kind + " IPC_RMID", Who.OTHER, EPERM, s -> kind.rmid(s, kind.get(s, owned, 0)));
        cell(kind + " IPC_RMID", Who.OWNER, 0, s -> kind.rmid(s, kind.get(s, owned, 0)));
        // The creator keeps its rights after giving the object away.
        long given = key;
        cell(kind + " created, given to uid 200", Who.OWNER, 0,
                s -> kind.set(s, kind.get(s, given, IpcFlags.IPC_CREAT | 0600), 200, 200, 0600));
        cell(kind + " creator read", Who.OWNER, 0, s -> kind.read(s, kind.get(s, given, 0)));
        cell(kind + " new owner read", Who.GROUP, 0, s -> kind.read(s, kind.get(s, given, 0)));
        cell(kind + " creator IPC_SET", Who.OWNER, 0, s -> kind.set(s, kind.get(s, given, 0), 200, 200, 0600));
        cell(kind + " new owner IPC_SET", Who.GROUP, 0, s -> kind.set(s, kind.get(s, given, 0), 200, 200, 0600));
        cell(kind + " IPC_SET", Who.OTHER, EPERM, s -> kind.set(s, kind.get(s, given, 0), 200, 200, 0600));
        cell(kind + " creator IPC_RMID", Who.OWNER, 0, s -> kind.rmid(s, kind.get(s, given, 0)));
    }

    /** kill(2): "EPERM The user ID of the sending process is not super-user, and its real or effective user ID does
     * not match the real or saved user ID of the receiving process." */
    private void kills(int[] targets) {
        for (Who who : Who.values()) {
            cell("kill(user 100's process, 0)", who, who == Who.OWNER || who == Who.ROOT ? 0 : EPERM,
                    s -> ok(s, s.kill(targets[0], 0)));
        }
        cell("kill(user 100's process, SIGKILL)", Who.OTHER, EPERM, s -> ok(s, s.kill(targets[0], Signals.SIGKILL)));
        cell("kill(root's process, SIGTERM)", Who.OWNER, EPERM, s -> ok(s, s.kill(targets[1], Signals.SIGTERM)));
        cell("user 100's process is still alive", Who.ROOT, 0, s -> ok(s, s.kill(targets[0], 0)));
    }

    /**
     * exec(2): "If the set-user-ID mode bit of the new process file is set, exec sets the effective user ID of the new
     * process to the owner ID of the new process file", likewise the group; the real ids stay, and the saved ids are
     * the new effective ones, so setuid(2) may go back and forth between the real and the saved id.
     */
    private void setIdFiles(byte[] program) {
        String[][] files = {{"/tmp/pm/suid", "4755"}, {"/tmp/pm/sgid", "2755"}, {"/tmp/pm/plain", "0755"}};
        for (String[] f : files) {
            int mode = Integer.parseInt(f[1], 8);
            setup.add(sys -> {
                int fd = sys.open(f[0], Fcntl.O_WRONLY | Fcntl.O_CREAT, 0600);
                sys.write(fd, program, 0, program.length);
                sys.close(fd);
                return sys.chown(f[0], 100, 100) | sys.chmod(f[0], mode);
            });
        }
        // argv: "ids", then the real and effective uid and gid the new image must have, then what it does.
        String[][] runs = {
            {"OTHER", "/tmp/pm/suid", "300 100 300 300", "-", "ok"},
            {"OTHER", "/tmp/pm/sgid", "300 300 300 100", "-", "ok"},
            {"OTHER", "/tmp/pm/plain", "300 300 300 300", "-", "ok"},
            {"ROOT", "/tmp/pm/suid", "0 100 0 0", "-", "ok"},
            {"OTHER", "/tmp/pm/suid", "300 100 300 300", "to-real-and-back", "ok"},
            {"OTHER", "/tmp/pm/suid", "300 100 300 300", "to-root", "EPERM"},
            // Its real id is root's: setuid(0) gives it back.
            {"ROOT", "/tmp/pm/suid", "0 100 0 0", "to-root", "ok"}};
        for (String[] r : runs) {
            String[] argv = ("t ids " + r[2] + " " + r[3]).split(" ");
            cell("execve " + r[1] + " (" + r[3] + ")", Who.valueOf(r[0]), r[4].equals("ok") ? 0 : EPERM,
                    s -> ok(s, s.execve(r[1], argv, new String[0])));
        }
    }

    /**
     * setuid(2), setgid(2), setreuid(2) and setregid(2): root sets all three ids; anyone else only to the real or saved
     * id (and, with setre*, the real id to the effective one).
     */
    private void setids() {
        cell("setuid(100)", Who.OWNER, 0, s -> ok(s, s.setuid(100)));
        cell("setuid(0)", Who.OWNER, EPERM, s -> ok(s, s.setuid(0)));
        cell("setuid(200)", Who.OWNER, EPERM, s -> ok(s, s.setuid(200)));
        cell("setgid(100)", Who.OWNER, 0, s -> ok(s, s.setgid(100)));
        cell("setgid(0)", Who.OWNER, EPERM, s -> ok(s, s.setgid(0)));
        cell("setgid(300)", Who.OWNER, EPERM, s -> ok(s, s.setgid(300)));
        cell("setuid(-1)", Who.OWNER, EINVAL, s -> ok(s, s.setuid(-1)));
        cell("setuid(300) sets every uid, for good", Who.ROOT, 0, s -> {
            if (s.setuid(300) != 0) return s.errno();
            boolean ids = s.getuid() == 300 && s.geteuid() == 300;
            return ids && s.setuid(0) == -1 && s.errno() == EPERM ? 0 : WRONG;
        });
        cell("setgid(300) sets every gid, root stays root", Who.ROOT, 0, s -> {
            if (s.setgid(300) != 0) return s.errno();
            return s.getgid() == 300 && s.getegid() == 300 && s.setgid(0) == 0 ? 0 : WRONG;
        });
        // setreuid(2): "Unprivileged users may change the real user ID to the effective user ID and vice-versa;
        // only the super-user may make other changes."
        cell("setreuid(-1, -1)", Who.OWNER, 0, s -> ok(s, s.setreuid(-1, -1)));
        cell("setreuid(200, -1)", Who.OWNER, EPERM, s -> ok(s, s.setreuid(200, -1)));
        cell("setreuid(-1, 200)", Who.OWNER, EPERM, s -> ok(s, s.setreuid(-1, 200)));
        cell("setreuid(-1, 0)", Who.OWNER, EPERM, s -> ok(s, s.setreuid(-1, 0)));
        cell("setreuid(-2, -1)", Who.OWNER, EINVAL, s -> ok(s, s.setreuid(-2, -1)));
        cell("setreuid(300, 100), then real and effective swapped and swapped back", Who.ROOT, 0, s -> {
            if (s.setreuid(300, 100) != 0) return s.errno();
            if (s.getuid() != 300 || s.geteuid() != 100) return WRONG;
            if (s.setreuid(100, 300) != 0) return s.errno();
            if (s.getuid() != 100 || s.geteuid() != 300) return WRONG;
            if (s.setreuid(300, 100) != 0) return s.errno();
            return s.getuid() == 300 && s.geteuid() == 100 && s.setreuid(-1, 0) == -1 && s.errno() == EPERM ? 0 : WRONG;
        });
        cell("setreuid(-1, 200) sets root's effective id aside; setreuid(-1, 0) takes it back", Who.ROOT, 0, s -> {
            if (s.setreuid(-1, 200) != 0) return s.errno();
            if (s.getuid() != 0 || s.geteuid() != 200) return WRONG;
            // Unprivileged now: only the real, effective or saved id.
            if (s.setreuid(-1, 300) != -1 || s.errno() != EPERM) return WRONG;
            return ok(s, s.setreuid(-1, 0));
        });
        cell("setreuid(200, 200) gives root up for good", Who.ROOT, 0, s -> {
            if (s.setreuid(200, 200) != 0) return s.errno();
            return s.getuid() == 200 && s.geteuid() == 200 && s.setreuid(-1, 0) == -1 && s.errno() == EPERM ? 0
                    : WRONG;
        });
        cell("setregid(-1, 100)", Who.OWNER, 0, s -> ok(s, s.setregid(-1, 100)));
        cell("setregid(-1, 300)", Who.OWNER, EPERM, s -> ok(s, s.setregid(-1, 300)));
        cell("setregid(0, -1)", Who.OWNER, EPERM, s -> ok(s, s.setregid(0, -1)));
        cell("setregid(300, 300), root's uid untouched", Who.ROOT, 0, s -> {
            if (s.setregid(300, 300) != 0) return s.errno();
            return s.getgid() == 300 && s.getegid() == 300 && s.geteuid() == 0 && s.setregid(0, 0) == 0 ? 0 : WRONG;
        });
    }

    /** sproc(2): "PR_SID: the user and group ids are shared" -- a member's setuid is the whole group's. */
    private void shareGroups() {
        cell("PR_SID: a member's setuid(100) reaches its parent", Who.ROOT, 0,
                s -> memberSetuid(s, Prctl.PR_SALL) == 100 ? 0 : WRONG);
        cell("without PR_SID: the parent keeps its uid", Who.ROOT, 0,
                s -> memberSetuid(s, Prctl.PR_SALL & ~Prctl.PR_SID) == 0 ? 0 : WRONG);
        cell("PR_SID: a member of user 100's group cannot become root", Who.OWNER, EPERM, s -> {
            int member = s.sproc((c, arg, len) -> c.setuid(0) == 0 ? 0 : c.errno(), Prctl.PR_SALL | Prctl.PR_NOLIBC, 0);
            int[] st = new int[1];
            s.waitpid(member, st, 0);
            return s.geteuid() == 100 ? Wait.WEXITSTATUS(st[0]) : WRONG;
        });
    }

    /** The caller's effective uid after a member it made with {@code inh} called setuid(100) and exited. */
    private static int memberSetuid(Sys s, int inh) {
        int member = s.sproc((c, arg, len) -> c.setuid(100), inh | Prctl.PR_NOLIBC, 0);
        s.waitpid(member, new int[1], 0);
        return s.geteuid();
    }

    private static String result(int r) {
        return r == 0 ? "ok" : r == WRONG ? "WRONG" : Errno.name(r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void every_cell_of_the_permission_matrix_is_what_the_manuals_say(String hw) {
        int[] targets = new int[2];
        var o = Sim.with("hw=" + hw, "hw.cpus=1", "ipc.semmni=32", "ipc.msgmni=32", "ipc.shmmni=32").program("t", (sys, argv) -> {
            if (argv.length > 1 && argv[1].equals("probe")) return 0; // an execve cell that succeeded
            if (argv.length > 1 && argv[1].equals("ids")) return SetIdExec.check(sys, argv);
            byte[] program = new byte[512];
            int fd = sys.open("/bin/t", Fcntl.O_RDONLY, 0);
            int n = sys.read(fd, program, 0, program.length);
            sys.close(fd);
            files(java.util.Arrays.copyOf(program, n));
            setIdFiles(java.util.Arrays.copyOf(program, n));
            directories();
            sticky();
            ipc(SystemVObject.MSG, 0x5100);
            ipc(SystemVObject.SEM, 0x5200);
            ipc(SystemVObject.SHM, 0x5300);
            kills(targets);
            setids();
            shareGroups();
            supplementaryGroups();
            sys.umask(0);
            if (sys.mkdir("/tmp/pm", 0755) != 0) return 1;
            for (int i = 0; i < setup.size(); i++) {
                if (setup.get(i).applyAsInt(sys) != 0) {
                    Sim.puts(sys, "setup step " + i + " failed: " + Errno.name(sys.errno()));
                    return 2;
                }
            }
            targets[0] = sys.fork(c -> c.setgid(100) | c.setuid(100) | c.pause());
            targets[1] = sys.fork(Sys::pause);
            Sim.awaitState(sys, targets[0], 'S');
            Sim.awaitState(sys, targets[1], 'S');
            for (Cell cell : cells) {
                int pid = sys.fork(c -> {
                    if (cell.who != Who.ROOT && (c.setgroups(cell.who.groups.length, cell.who.groups) != 0
                            || c.setgid(cell.who.gid) != 0 || c.setuid(cell.who.uid) != 0)) {
                        return WRONG;
                    }
                    return cell.action.applyAsInt(c);
                });
                int[] st = new int[1];
                sys.waitpid(pid, st, 0);
                int r = Wait.WIFEXITED(st[0]) ? Wait.WEXITSTATUS(st[0]) : WRONG;
                Sim.puts(sys, cell.who + " " + cell.what + ": " + result(r));
            }
            for (int pid : targets) {
                sys.kill(pid, Signals.SIGKILL);
                sys.waitpid(pid, new int[1], 0);
            }
            return 0;
        }).run("t");
        StringBuilder expected = new StringBuilder();
        for (Cell cell : cells) expected.append(cell.who + " " + cell.what + ": " + result(cell.expected) + "\n");
        assertThat(o.status()).as(o.console()).isZero();
        assertThat(o.console()).isEqualTo(expected.toString());
        assertThat(cells).hasSizeGreaterThan(300);
    }
}
