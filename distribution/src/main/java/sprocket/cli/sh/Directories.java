package sprocket.cli.sh;

import java.util.ArrayDeque;
import java.util.Deque;
import sprocket.api.Errno;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Stat;
import sprocket.api.sys.Sys;
import sprocket.libc.Getopt;
import sprocket.libc.Strerror;

/**
 * cd and pwd (XCU cd, pwd): the logical current directory in PWD, kept as the user walked (so that {@code cd ..}
 * leaves a symbolic link the way it came) unless -P asks for the physical one; CDPATH and {@code cd -}. Also the
 * lookups on the file system the shell makes elsewhere: a program on PATH, and its descriptors kept above 9.
 */
final class Directories {

    private Directories() {
    }

    static int cd(Shell sh, String[] argv) {
        Getopt g = Builtins.getopt(sh, argv, "LP");
        String opts = Builtins.options(g);
        boolean physical = opts.lastIndexOf('P') > opts.lastIndexOf('L');
        int a = g.optind();
        if (argv.length - a > 1) throw ShellError.command("too many arguments", 2);
        String dir = a < argv.length ? argv[a] : sh.vars.get("HOME");
        boolean print = false;
        if (dir == null || dir.isEmpty()) {
            if (dir == null) throw ShellError.command("HOME not set", 2);
            return 0;
        }
        if (dir.equals("-")) {
            dir = sh.vars.get("OLDPWD");
            if (dir == null) throw ShellError.command("OLDPWD not set", 2);
            print = true;
        }
        String cdpath = sh.vars.get("CDPATH");
        boolean searched = !dir.startsWith("/") && !dir.equals(".") && !dir.equals("..") && !dir.startsWith("./")
                && !dir.startsWith("../") && cdpath != null;
        String[] prefixes = searched ? cdpath.split(":", -1) : new String[] {""};
        for (String prefix : prefixes) {
            String candidate = prefix.isEmpty() ? dir : prefix.endsWith("/") ? prefix + dir : prefix + "/" + dir;
            if (chdir(sh, candidate, physical)) {
                if (print || !prefix.isEmpty()) sh.out(sh.vars.get("PWD") + "\n");
                return 0;
            }
        }
        throw ShellError.command("can't cd to " + dir, 2);
    }

    private static boolean chdir(Shell sh, String dir, boolean physical) {
        Sys sys = sh.sys;
        String old = sh.vars.get("PWD");
        String target = dir;
        if (!physical) {
            String base = old != null && old.startsWith("/") ? old : sys.getcwd();
            target = normalize(dir.startsWith("/") || base == null ? dir : base + "/" + dir);
        }
        if (sys.chdir(target) == -1) return false;
        String now = physical ? sys.getcwd() : target;
        sh.vars.set("OLDPWD", old != null ? old : "");
        sh.vars.set("PWD", now != null ? now : target);
        return true;
    }

    /** The path with "." and ".." components and doubled slashes resolved as text. */
    static String normalize(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(p);
            }
        }
        return "/" + String.join("/", parts);
    }

    static int pwd(Shell sh, String[] argv) {
        Getopt g = Builtins.getopt(sh, argv, "LP");
        String opts = Builtins.options(g);
        boolean physical = opts.lastIndexOf('P') > opts.lastIndexOf('L');
        if (g.optind() < argv.length) throw ShellError.command("too many arguments", 2);
        String dir = physical ? null : logicalPwd(sh);
        if (dir == null) dir = sh.sys.getcwd();
        if (dir == null) throw ShellError.command("getcwd() failed: " + Strerror.strerror(sh.sys.errno()), 2);
        if (!sh.out(dir + "\n")) throw ShellError.command("I/O error", 1);
        return 0;
    }

    /** PWD if it is absolute and names the current directory, else null. */
    static String logicalPwd(Shell sh) {
        String pwd = sh.vars.get("PWD");
        if (pwd == null || !pwd.startsWith("/")) return null;
        Stat a = sh.sys.stat(pwd);
        Stat b = sh.sys.stat(".");
        return a != null && b != null && a.dev() == b.dev() && a.ino() == b.ino() ? pwd : null;
    }

    /** The executable regular file {@code name} names on PATH (or itself, with a slash), or null. */
    static String findProgram(Shell sh, String name) {
        if (name.indexOf('/') >= 0) return executable(sh.sys, name) ? name : null;
        String path = sh.vars.get("PATH");
        for (String dir : (path == null ? Commands.DEFAULT_PATH : path).split(":", -1)) {
            String p = dir.isEmpty() ? name : dir + "/" + name;
            if (executable(sh.sys, p)) return p;
        }
        return null;
    }

    private static boolean executable(Sys sys, String path) {
        Stat st = sys.stat(path);
        return st != null && st.type() == FileMode.S_IFREG && sys.access(path, Fcntl.X_OK) == 0;
    }

    /** dash's words for a file that cannot be opened: "No such file" for ENOENT and ENOTDIR, else strerror. */
    static String errmsg(int errno) {
        return errno == Errno.ENOENT || errno == Errno.ENOTDIR ? "No such file" : Strerror.strerror(errno);
    }

    /** Moves {@code fd} to the shell's own range (10 and up, close-on-exec); the new descriptor. */
    static int privateFd(Sys sys, int fd) {
        int moved = sys.fcntl(fd, Fcntl.F_DUPFD, Limits.FIRST_PRIVATE_FD);
        if (moved == -1) {
            int e = sys.errno();
            sys.close(fd);
            throw ShellError.fatal("cannot move descriptor " + fd + ": " + Strerror.strerror(e));
        }
        sys.close(fd);
        if (sys.fcntl(moved, Fcntl.F_SETFD, Fcntl.FD_CLOEXEC) == -1) {
            int e = sys.errno();
            sys.close(moved);
            throw ShellError.fatal("cannot set close-on-exec: " + Strerror.strerror(e));
        }
        return moved;
    }
}
