package sprocket.bench;

import sprocket.api.spi.Counter;

/** A run statistic a policy bumps (steals, migrations, expiries), read back for the figure's line. */
final class DecisionCounter implements Counter {
    private long value;

    @Override
    public void add(long n) {
        value += n;
    }

    @Override
    public long get() {
        return value;
    }
}
