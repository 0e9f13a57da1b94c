package sprocket.api.hw;

/**
 * The shape of one cache: {@code sizeBytes} in lines of {@code lineBytes}, {@code ways}-way set associative, all
 * powers of two, as machines build them from their {@code hw.l1.*} and {@code hw.l2.*} keys.
 */
public record CacheGeometry(int sizeBytes, int lineBytes, int ways) {

    public CacheGeometry {
        long sets = (long) sizeBytes / lineBytes / Math.max(1, ways);
        if (lineBytes < 1 || Integer.bitCount(lineBytes) != 1 || ways < 1 || Integer.bitCount(ways) != 1 || sets < 1
                || Long.bitCount(sets) != 1 || sets * lineBytes * ways != sizeBytes) {
            throw new IllegalArgumentException("a cache of " + sizeBytes + " bytes cannot have " + ways + " ways of "
                    + lineBytes + "-byte lines (sizes, lines and ways are powers of two)");
        }
    }

    /** Sets: {@code sizeBytes / lineBytes / ways}. */
    public int sets() {
        return sizeBytes / lineBytes / ways;
    }

    /** log2 of the line size: a physical address shifted right by it is the line's number. */
    public int lineShift() {
        return Integer.numberOfTrailingZeros(lineBytes);
    }

    /** Line slots in all. */
    public int slots() {
        return sets() * ways;
    }

    /** The size as a configuration writes it: {@code 8K}, {@code 1M}. */
    public String size() {
        return sizeBytes >= 1 << 20 && sizeBytes % (1 << 20) == 0 ? (sizeBytes >> 20) + "M" : (sizeBytes >> 10) + "K";
    }
}
