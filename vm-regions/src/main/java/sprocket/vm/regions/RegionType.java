package sprocket.vm.regions;

/**
 * What a region holds, as System V's r_type says. The stack is the one that grows toward lower addresses; text
 * and System V shared memory are always shared by reference, a mapping when it was made with MAP_SHARED.
 */
enum RegionType {
    TEXT(false),
    DATA(false),
    STACK(true),
    /**
     * An mmap(2) mapping, anonymous or of a file ({@link Region#file}): private (copy-on-write across fork) or shared
     * (by reference; one region per file for every MAP_SHARED mapper of it).
     */
    MAPPED(false),
    /** A System V shared memory segment: lives independently of any process, attached by reference. */
    SHM(false);

    private final boolean growsDown;

    RegionType(boolean growsDown) {
        this.growsDown = growsDown;
    }

    /** Whether the region grows toward lower addresses (page 0 is then its highest page). */
    boolean growsDown() {
        return growsDown;
    }
}
