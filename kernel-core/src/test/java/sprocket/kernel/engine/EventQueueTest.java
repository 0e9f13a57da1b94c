package sprocket.kernel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The live-callout count that idle detection trusts: a callout counts from when it is posted until it runs or is
 * cancelled, once. A sleep woken by a signal cancels its timer, which may already have run when the process gets a
 * CPU again; counting that twice once let armed alarms go uncounted and live processes be killed as deadlocked.
 */
class EventQueueTest {

    @Test
    void cancelling_a_callout_that_already_ran_leaves_the_count_alone() {
        EventQueue q = new EventQueue();
        Event timer = q.callout(10, () -> { });
        assertThat(q.poll()).isSameAs(timer);
        q.cancel(timer);
        Event alarm = q.callout(20, () -> { });
        assertThat(q.pendingCallouts()).isEqualTo(1);
        q.cancel(alarm);
        q.cancel(alarm);
        assertThat(q.pendingCallouts()).isZero();
        assertThat(q.peek()).isNull();
    }

    @Test
    void many_sleeps_cancelled_after_their_timers_ran_still_leave_an_alarm_counted() {
        EventQueue q = new EventQueue();
        for (int i = 0; i < 100; i++) {
            Event timer = q.callout(i, () -> { });
            q.poll();
            q.cancel(timer);
        }
        q.callout(1_000, () -> { });
        q.interrupt(0, 32, 500);
        assertThat(q.pendingCallouts()).isEqualTo(1);
        assertThat(q.poll().isCallout()).isFalse();
        assertThat(q.poll().isCallout()).isTrue();
        assertThat(q.pendingCallouts()).isZero();
    }
}
