package sprocket.vm.regions;

/**
 * One stack of an image: the {@link RegionType#STACK} region that grows down from {@code top}, how far it may grow
 * ({@code floor}: RLIMIT_STACK below the top, as sproc(2) and exec set it), and the room its placement promised it
 * ({@code [marginFloor, top)}: sproc(2)'s {@code len}, or the whole RLIMIT_STACK reserve for the stack exec made).
 * The part of that margin the stack has not yet grown into is its unclaimed margin, which kernel-chosen placements
 * keep out of while they can. Only the view that owns a stack grows it.
 */
final class Stack {
    final Region region;
    /** The highest address, exclusive: the initial stack pointer. */
    final long top;
    /** The lowest address growth may reach. */
    final long floor;
    /** The lowest address of the margin the stack was placed with. */
    final long marginFloor;

    Stack(Region region, long top, long floor, long marginFloor) {
        this.region = region;
        this.top = top;
        this.floor = floor;
        this.marginFloor = marginFloor;
    }

    /** The same stack over {@code copy}, its fork(2) duplicate. */
    Stack over(Region copy) {
        return new Stack(copy, top, floor, marginFloor);
    }

    @Override
    public String toString() {
        return "stack[top 0x" + Long.toHexString(top) + ", margin from 0x" + Long.toHexString(marginFloor)
                + ", grows to 0x" + Long.toHexString(floor) + "]";
    }
}
