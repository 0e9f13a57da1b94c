package sprocket.sched.tck;

import sprocket.api.sched.SchedulerProvider;

/** A correct policy passes every test of the kit: the kit does not fail what it should pass. */
class FifoPassesTheKitTest extends SchedulerTck {
    @Override
    protected SchedulerProvider provider() {
        return new TestProvider("fifo", Fifo::new);
    }
}
