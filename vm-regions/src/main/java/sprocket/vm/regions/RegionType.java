package sprocket.vm.regions;

/** What a region holds, as System V's r_type says; the stack is the one that grows toward lower addresses. */
enum RegionType {
    TEXT(false),
    DATA(false),
    STACK(true);

    private final boolean growsDown;

    RegionType(boolean growsDown) {
        this.growsDown = growsDown;
    }

    /** Whether the region grows toward lower addresses (page 0 is then its highest page). */
    boolean growsDown() {
        return growsDown;
    }
}
