package sprocket.kernel.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.sys.Fcntl.F_SETLKW;
import static sprocket.api.sys.Fcntl.O_CREAT;
import static sprocket.api.sys.Fcntl.O_RDWR;
import static sprocket.api.sys.Fcntl.SEEK_SET;
import static sprocket.api.sys.Flock.F_RDLCK;
import static sprocket.api.sys.Flock.F_UNLCK;
import static sprocket.api.sys.Flock.F_WRLCK;
import static sprocket.kernel.vfs.Fixture.ROOT;
import static sprocket.kernel.vfs.RecordLockTest.A;
import static sprocket.kernel.vfs.RecordLockTest.B;
import static sprocket.kernel.vfs.RecordLockTest.C;
import static sprocket.kernel.vfs.RecordLockTest.getlk;
import static sprocket.kernel.vfs.RecordLockTest.held;
import static sprocket.kernel.vfs.RecordLockTest.setlk;

import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.sys.Flock;

/**
 * F_SETLKW's sleeps, the deadlock check and the locks a close lets go. The fake kernel runs another process's
 * step at each sleep, in the order the test queued them.
 */
class LockWaitTest {

    private final Fixture fx = new Fixture();
    private final Entry fa = openAs(A, "/tmp/f");
    private final Entry fb = openAs(B, "/tmp/f");
    private final Entry fc = openAs(C, "/tmp/f");

    private Entry openAs(int pid, String path) {
        Entry[] f = new Entry[1];
        fx.kernel.as(pid, () -> f[0] = fx.open(fx.at(ROOT), path, O_CREAT | O_RDWR, 0644));
        return f[0];
    }

    private int as(int pid, IntSupplier call) {
        int[] r = new int[1];
        fx.kernel.as(pid, () -> r[0] = call.getAsInt());
        return r[0];
    }

    private static int setlkw(Entry f, int type, long start, long len) {
        return f.lock(F_SETLKW, new Flock[] {new Flock(type, SEEK_SET, start, len, 0)});
    }

    @Test
    void f_setlkw_sleeps_until_the_other_process_unlocks_then_takes_the_lock() {
        // fcntl(2): "if a read or write lock is blocked by other locks, the process will sleep until the segment is
        // free to be locked."
        assertThat(setlk(fa, F_WRLCK, 0, 10)).isZero();
        fx.kernel.thenOther(A, () -> assertThat(setlk(fa, F_UNLCK, 0, 10)).isZero());
        assertThat(as(B, () -> setlkw(fb, F_WRLCK, 5, 10))).isZero();
        assertThat(fx.kernel.slept).hasSize(1);
        assertThat(fx.kernel.woken).containsExactly(fx.kernel.slept.get(0));
        assertThat(fx.kernel.allSleepsUsed()).isTrue();
        assertThat(getlk(fa, F_RDLCK, 0, 0)).isEqualTo(held(F_WRLCK, 5, 10, B));
    }

    @Test
    void f_setlkw_sleeps_again_while_a_wakeup_leaves_its_segment_locked() {
        assertThat(setlk(fa, F_WRLCK, 0, 10)).isZero();
        fx.kernel.thenOther(A, () -> assertThat(setlk(fa, F_UNLCK, 0, 5)).isZero())
                .thenOther(A, () -> assertThat(setlk(fa, F_UNLCK, 5, 5)).isZero());
        assertThat(as(B, () -> setlkw(fb, F_WRLCK, 5, 10))).isZero();
        assertThat(fx.kernel.slept).hasSize(2);
        assertThat(fx.kernel.allSleepsUsed()).isTrue();
    }

    @Test
    void f_setlkw_without_a_conflict_does_not_sleep() {
        assertThat(setlk(fa, F_RDLCK, 0, 10)).isZero();
        assertThat(as(B, () -> setlkw(fb, F_RDLCK, 0, 10))).isZero();
        assertThat(fx.kernel.slept).isEmpty();
    }

    @Test
    void turning_a_write_lock_into_a_read_lock_wakes_a_reader() {
        assertThat(setlk(fa, F_WRLCK, 0, 10)).isZero();
        fx.kernel.thenOther(A, () -> assertThat(setlk(fa, F_RDLCK, 0, 10)).isZero());
        assertThat(as(B, () -> setlkw(fb, F_RDLCK, 0, 10))).isZero();
        assertThat(fx.kernel.woken).containsExactly(fx.kernel.slept.get(0));
    }

    @Test
    void taking_more_locks_wakes_nobody() {
        assertThat(setlk(fa, F_RDLCK, 0, 10)).isZero();
        assertThat(setlk(fa, F_WRLCK, 0, 20)).isZero();
        assertThat(fx.kernel.woken).isEmpty();
    }

    @Test
    void a_signal_during_f_setlkw_fails_it_with_eintr_and_changes_nothing() {
        // fcntl(2) EINTR: "A signal was caught during the fcntl system call."
        assertThat(setlk(fa, F_WRLCK, 0, 10)).isZero();
        assertThat(as(B, () -> setlk(fb, F_WRLCK, 20, 10))).isZero();
        fx.kernel.thenSignal();
        assertThat(as(B, () -> setlkw(fb, F_RDLCK, 0, 30))).isEqualTo(-Errno.EINTR);
        // B's write lock was not turned into a read lock, and B holds nothing of A's range after it.
        assertThat(getlk(fa, F_RDLCK, 10, 0)).isEqualTo(held(F_WRLCK, 20, 10, B));
        assertThat(getlk(fa, F_RDLCK, 10, 10).type()).isEqualTo(F_UNLCK);
    }

    @Test
    void two_processes_waiting_for_each_other_get_edeadlk() {
        // fcntl(2) EDEADLK: "putting the calling-process to sleep, waiting for that lock to become free would cause a
        // deadlock."
        assertThat(setlk(fa, F_WRLCK, 0, 10)).isZero();
        assertThat(as(B, () -> setlk(fb, F_WRLCK, 10, 10))).isZero();
        int[] b = new int[1];
        fx.kernel.thenOther(B, () -> {
            b[0] = setlkw(fb, F_WRLCK, 0, 10);
            // B gives up its lock, as a program that sees EDEADLK does.
            assertThat(setlk(fb, F_UNLCK, 0, 0)).isZero();
        });
        assertThat(setlkw(fa, F_WRLCK, 10, 10)).isZero();
        assertThat(b[0]).isEqualTo(-Errno.EDEADLK);
        assertThat(fx.kernel.slept).hasSize(1);
        fx.kernel.as(B, () -> assertThat(getlk(fb, F_RDLCK, 0, 0)).isEqualTo(held(F_WRLCK, 0, 20, A)));
    }

    @Test
    void a_cycle_through_three_processes_and_two_files_is_a_deadlock() {
        Entry gb = openAs(B, "/tmp/g");
        Entry gc = openAs(C, "/tmp/g");
        assertThat(setlk(fa, F_WRLCK, 0, 1)).isZero();
        assertThat(as(B, () -> setlk(fb, F_WRLCK, 1, 1))).isZero();
        assertThat(as(C, () -> setlk(gc, F_WRLCK, 0, 1))).isZero();
        int[] c = new int[1];
        // A waits for B on f; then B waits for C on g; then C asking for A's byte of f would close the cycle.
        fx.kernel.thenOther(B, () -> assertThat(setlkw(gb, F_WRLCK, 0, 1)).isZero())
                .thenOther(C, () -> {
                    c[0] = setlkw(fc, F_WRLCK, 0, 1);
                    gc.release();
                })
                .thenOther(B, () -> assertThat(setlk(fb, F_UNLCK, 0, 0)).isZero());
        assertThat(setlkw(fa, F_WRLCK, 1, 1)).isZero();
        assertThat(c[0]).isEqualTo(-Errno.EDEADLK);
        assertThat(fx.kernel.slept).hasSize(3);
        assertThat(fx.kernel.allSleepsUsed()).isTrue();
        fx.kernel.as(C, () -> assertThat(getlk(fc, F_WRLCK, 0, 0)).isEqualTo(held(F_WRLCK, 0, 2, A)));
    }

    @Test
    void waiting_behind_a_process_that_waits_for_someone_else_is_not_a_deadlock() {
        assertThat(setlk(fa, F_WRLCK, 0, 10)).isZero();
        fx.kernel.thenOther(C, () -> assertThat(setlkw(fc, F_RDLCK, 0, 10)).isZero())
                .thenOther(A, () -> assertThat(setlk(fa, F_UNLCK, 0, 10)).isZero())
                .thenOther(C, () -> assertThat(setlk(fc, F_UNLCK, 0, 10)).isZero());
        // B waits for A; C, waiting for A too, is no cycle; then B waits for C's read lock.
        assertThat(as(B, () -> setlkw(fb, F_WRLCK, 0, 10))).isZero();
        assertThat(fx.kernel.slept).hasSize(3);
        assertThat(getlk(fa, F_RDLCK, 0, 0)).isEqualTo(held(F_WRLCK, 0, 10, B));
    }

    @Test
    void closing_any_descriptor_of_the_file_drops_all_the_closers_locks_there_and_only_theirs() {
        // fcntl(2): "All locks associated with a file for a given process are removed when a file descriptor for
        // that file is closed by that process or the process holding that file descriptor terminates."
        Entry fa2 = openAs(A, "/tmp/f");
        Entry ga = openAs(A, "/tmp/g");
        assertThat(setlk(fa, F_WRLCK, 0, 10)).isZero();
        assertThat(setlk(fa, F_RDLCK, 20, 10)).isZero();
        assertThat(setlk(ga, F_WRLCK, 0, 10)).isZero();
        assertThat(as(B, () -> setlk(fb, F_RDLCK, 40, 10))).isZero();
        fx.kernel.as(A, fa2::release);
        fx.kernel.as(C, () -> {
            assertThat(getlk(fc, F_WRLCK, 0, 0)).isEqualTo(held(F_RDLCK, 40, 10, B));
            Entry gc = openAs(C, "/tmp/g");
            assertThat(getlk(gc, F_WRLCK, 0, 0)).isEqualTo(held(F_WRLCK, 0, 10, A));
        });
        assertThat(fx.kernel.woken).hasSize(1);
    }

    @Test
    void closing_a_duplicate_descriptor_drops_the_locks_though_the_open_file_stays() {
        assertThat(setlk(fa, F_WRLCK, 0, 10)).isZero();
        fa.hold();
        fa.release();
        assertThat(fa.references()).isEqualTo(1);
        fx.kernel.as(B, () -> assertThat(getlk(fb, F_WRLCK, 0, 0).type()).isEqualTo(F_UNLCK));
    }

    @Test
    void a_close_wakes_the_processes_waiting_for_the_closers_locks() {
        assertThat(setlk(fa, F_WRLCK, 0, 10)).isZero();
        fx.kernel.thenOther(A, fa::release);
        assertThat(as(B, () -> setlkw(fb, F_WRLCK, 0, 10))).isZero();
        assertThat(fx.kernel.woken).containsExactly(fx.kernel.slept.get(0));
    }

    @Test
    void a_close_by_a_process_without_locks_wakes_nobody() {
        assertThat(setlk(fa, F_WRLCK, 0, 10)).isZero();
        fx.kernel.as(B, fb::release);
        assertThat(fx.kernel.woken).isEmpty();
        fx.kernel.as(C, () -> assertThat(getlk(fc, F_RDLCK, 0, 0)).isEqualTo(held(F_WRLCK, 0, 10, A)));
    }
}
