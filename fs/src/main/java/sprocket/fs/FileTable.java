package sprocket.fs;

/** The system open file table: a fixed number of entries ({@code nfile}); one open more fails with ENFILE. */
final class FileTable {

    private final int nfile;
    private int inUse;

    FileTable(int nfile) {
        this.nfile = nfile;
    }

    /** Whether every entry is taken: open(2) "ENFILE The system file table is full". */
    boolean full() {
        return inUse >= nfile;
    }

    /** Takes an entry; the caller has checked {@link #full()}. */
    void allocate() {
        if (inUse >= nfile) throw new IllegalStateException("file table full");
        inUse++;
    }

    /** Gives an entry back at its last close. */
    void free() {
        if (inUse == 0) throw new IllegalStateException("file table underflow");
        inUse--;
    }

    int inUse() {
        return inUse;
    }
}
