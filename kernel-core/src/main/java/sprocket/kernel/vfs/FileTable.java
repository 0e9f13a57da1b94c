package sprocket.kernel.vfs;

import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.fs.FileOps;
import sprocket.api.kernel.KernelServices;
import sprocket.api.kernel.TableStatus;
import sprocket.api.spi.Faults;
import sprocket.kernel.dev.CharDriver;
import sprocket.kernel.uio.UserCopy;

/**
 * The system open file table: a fixed number of entries ({@code kernel.nfile}, SVR4's nfile) for every open file,
 * whatever is behind it (a file, a pipe's end, a socket); one more fails with ENFILE ("The system file table is
 * full"). It hands out the {@link File} entries and takes them back at their last close.
 */
public final class FileTable {

    private final int nfile;
    private int inUse;
    /** Opens refused because every entry was taken (SVR4's syserr.fileovf), for sar -v. */
    private long overflows;
    final KernelServices kernel;
    final LockWaits lockWaits;
    /** Charges for the pages mapped files move between a file and its mappings. */
    final UserCopy copy;

    /** A table of {@code nfile} entries for the kernel whose services it uses (sleep, wakeup, charge, pid). */
    public FileTable(int nfile, KernelServices kernel, UserCopy copy) {
        this.nfile = nfile;
        this.kernel = kernel;
        this.copy = copy;
        this.lockWaits = new LockWaits(kernel);
    }

    /**
     * ENFILE unless {@code n} entries are free (pipe(2) needs two; SVR4's copen takes one before the path), or when
     * fault injection says so.
     */
    public void reserve(int n) {
        if (inUse + n > nfile) overflow();
        if (kernel.faults().shouldFail(Faults.FILES)) throw ErrnoException.of(Errno.ENFILE);
    }

    /** A new entry for a pipe's end or a socket, with access mode and status flags {@code flags}; ENFILE when full. */
    public File open(FileOps ops, int flags) {
        take();
        return new File(this, null, ops, null, flags);
    }

    /** A new entry for the file {@code held} (a reference the entry now owns); ENFILE when full. */
    File open(Vnode held, int flags, CharDriver driver) {
        take();
        return new File(this, held, null, driver, flags);
    }

    /** Takes an entry the caller reserved (so fault injection, asked at the reservation, is not asked again). */
    private void take() {
        if (inUse >= nfile) overflow();
        inUse++;
    }

    /** ENFILE, "The system file table is full", counted. */
    private void overflow() {
        overflows++;
        throw ErrnoException.of(Errno.ENFILE);
    }

    /** An entry's last close: it is free again. */
    void free() {
        if (inUse == 0) throw new IllegalStateException("file table underflow");
        inUse--;
    }

    /** Entries in use: every open file not yet closed for the last time. */
    public int inUse() {
        return inUse;
    }

    /** Entries in use, the size, and the overflows since boot (sar -v's file-sz). */
    public TableStatus status() {
        return new TableStatus(inUse, nfile, overflows);
    }

    void charge(long cycles) {
        kernel.charge(cycles);
    }
}
