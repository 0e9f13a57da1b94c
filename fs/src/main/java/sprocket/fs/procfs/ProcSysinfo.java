package sprocket.fs.procfs;

import sprocket.api.kernel.SystemTables;
import sprocket.api.kernel.TableStatus;

/**
 * The text of /proc/sysinfo: the kernel's tables that System V's sar -v reports, a line each, "NAME used size
 * overflows": {@code proc} (proc-sz, the process table), {@code inode} (inod-sz, the in-core inode table) and
 * {@code file} (file-sz, the open file table), the overflows counted since boot as SVR4's struct syserr counts them
 * (procovf, inodeovf, fileovf).
 */
final class ProcSysinfo {

    private ProcSysinfo() {
    }

    static String text(SystemTables t) {
        return line("proc", t.proc()) + line("inode", t.inode()) + line("file", t.file());
    }

    private static String line(String name, TableStatus s) {
        return name + ' ' + s.used() + ' ' + s.size() + ' ' + s.overflows() + '\n';
    }
}
