package sprocket.kernel.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.sys.Fcntl.F_GETLK;
import static sprocket.api.sys.Fcntl.F_SETLK;
import static sprocket.api.sys.Fcntl.F_SETLKW;
import static sprocket.api.sys.Fcntl.O_CREAT;
import static sprocket.api.sys.Fcntl.O_RDONLY;
import static sprocket.api.sys.Fcntl.O_RDWR;
import static sprocket.api.sys.Fcntl.O_WRONLY;
import static sprocket.api.sys.Fcntl.SEEK_CUR;
import static sprocket.api.sys.Fcntl.SEEK_END;
import static sprocket.api.sys.Fcntl.SEEK_SET;
import static sprocket.api.sys.Flock.F_RDLCK;
import static sprocket.api.sys.Flock.F_UNLCK;
import static sprocket.api.sys.Flock.F_WRLCK;
import static sprocket.kernel.vfs.Fixture.ROOT;
import static sprocket.kernel.vfs.Fixture.write;

import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.sys.Flock;

/** fcntl(2) F_GETLK and F_SETLK between two processes, A and B, each with its own open of /tmp/f. */
class RecordLockTest {

    static final int A = 1;
    static final int B = 2;
    static final int C = 3;

    private final Fixture fx = new Fixture();
    private final Entry fa = fx.open(fx.at(ROOT), "/tmp/f", O_CREAT | O_RDWR, 0644);
    private final Entry fb = openAs(B, "/tmp/f", O_RDWR);

    private Entry openAs(int pid, String path, int flags) {
        Entry[] f = new Entry[1];
        fx.kernel.as(pid, () -> f[0] = fx.open(fx.at(ROOT), path, O_CREAT | flags, 0644));
        return f[0];
    }

    private int as(int pid, IntSupplier call) {
        int[] r = new int[1];
        fx.kernel.as(pid, () -> r[0] = call.getAsInt());
        return r[0];
    }

    static int setlk(Entry f, int type, long start, long len) {
        return f.lock(F_SETLK, new Flock[] {new Flock(type, SEEK_SET, start, len, 0)});
    }

    static Flock getlk(Entry f, int type, long start, long len) {
        Flock[] l = {new Flock(type, SEEK_SET, start, len, 0)};
        assertThat(f.lock(F_GETLK, l)).isZero();
        return l[0];
    }

    /** What F_GETLK reports for a blocking lock. */
    static Flock held(int type, long start, long len, int pid) {
        return new Flock(type, SEEK_SET, start, len, pid);
    }

    static Flock free(int type, long start, long len) {
        return new Flock(F_UNLCK, SEEK_SET, start, len, 0);
    }

    @Test
    void read_locks_of_two_processes_may_share_a_segment() {
        // fcntl(2): "More than one read lock may exist for a given segment of a file at a given time."
        assertThat(setlk(fa, F_RDLCK, 0, 10)).isZero();
        assertThat(as(B, () -> setlk(fb, F_RDLCK, 5, 10))).isZero();
    }

    @Test
    void a_write_lock_keeps_another_process_from_read_and_write_locking_it() {
        // fcntl(2): "A write lock prevents any process from read-locking or write-locking the protected area."
        assertThat(setlk(fa, F_WRLCK, 0, 10)).isZero();
        assertThat(as(B, () -> setlk(fb, F_RDLCK, 9, 1))).isEqualTo(-Errno.EAGAIN);
        assertThat(as(B, () -> setlk(fb, F_WRLCK, 5, 100))).isEqualTo(-Errno.EAGAIN);
        // The next byte is free.
        assertThat(as(B, () -> setlk(fb, F_WRLCK, 10, 5))).isZero();
    }

    @Test
    void a_read_lock_keeps_another_process_from_write_locking_it() {
        // fcntl(2): "A read lock prevents any process from write-locking the protected area."
        assertThat(setlk(fa, F_RDLCK, 0, 10)).isZero();
        assertThat(as(B, () -> setlk(fb, F_WRLCK, 0, 1))).isEqualTo(-Errno.EAGAIN);
    }

    @Test
    void a_process_is_never_blocked_by_its_own_locks() {
        assertThat(setlk(fa, F_WRLCK, 0, 10)).isZero();
        assertThat(setlk(fa, F_RDLCK, 0, 10)).isZero();
        assertThat(setlk(fa, F_WRLCK, 5, 10)).isZero();
        assertThat(getlk(fa, F_WRLCK, 0, 0)).isEqualTo(free(F_WRLCK, 0, 0));
    }

    @Test
    void a_failed_f_setlk_changes_nothing() {
        assertThat(setlk(fa, F_WRLCK, 10, 10)).isZero();
        assertThat(as(B, () -> setlk(fb, F_WRLCK, 0, 11))).isEqualTo(-Errno.EAGAIN);
        // B took none of the bytes before A's lock.
        assertThat(getlk(fa, F_WRLCK, 0, 10)).isEqualTo(free(F_WRLCK, 0, 10));
    }

    @Test
    void f_getlk_reports_the_first_blocking_lock_with_its_owner_and_range() {
        // fcntl(2): "Get the first lock which blocks the lock description ... The information retrieved overwrites
        // the information passed to fcntl in the flock structure."
        Entry fc = openAs(C, "/tmp/f", O_RDWR);
        assertThat(setlk(fa, F_WRLCK, 20, 10)).isZero();
        assertThat(as(C, () -> setlk(fc, F_RDLCK, 5, 5))).isZero();
        fx.kernel.as(B, () -> {
            assertThat(getlk(fb, F_WRLCK, 0, 0)).isEqualTo(held(F_RDLCK, 5, 5, C));
            // A read lock is not blocked by C's read lock, only by A's write lock.
            assertThat(getlk(fb, F_RDLCK, 0, 0)).isEqualTo(held(F_WRLCK, 20, 10, A));
        });
        // A's own lock is not reported to A.
        assertThat(getlk(fa, F_WRLCK, 0, 0)).isEqualTo(held(F_RDLCK, 5, 5, C));
    }

    @Test
    void f_getlk_with_nothing_in_the_way_returns_the_request_with_type_f_unlck() {
        // fcntl(2): "the structure is passed back unchanged except for the lock type which will be set to F_UNLCK."
        assertThat(setlk(fa, F_RDLCK, 0, 10)).isZero();
        assertThat(fb.lseek(3, SEEK_SET)).isEqualTo(3);
        Flock[] l = {new Flock(F_RDLCK, SEEK_CUR, -3, 7, 99)};
        fx.kernel.as(B, () -> assertThat(fb.lock(F_GETLK, l)).isZero());
        assertThat(l[0]).isEqualTo(new Flock(F_UNLCK, SEEK_CUR, -3, 7, 99));
    }

    @Test
    void a_lock_of_length_zero_runs_to_the_end_of_the_file_however_it_grows() {
        // fcntl(2): "A lock may be set to always extend to the end of file by setting l_len to zero (0)."
        assertThat(setlk(fa, F_WRLCK, 100, 0)).isZero();
        assertThat(as(B, () -> setlk(fb, F_RDLCK, 1L << 40, 1))).isEqualTo(-Errno.EAGAIN);
        assertThat(as(B, () -> setlk(fb, F_RDLCK, 0, 100))).isZero();
        fx.kernel.as(B, () -> assertThat(getlk(fb, F_RDLCK, 0, 0)).isEqualTo(held(F_WRLCK, 100, 0, A)));
    }

    @Test
    void relocking_the_middle_of_an_own_lock_splits_it_into_three() {
        // fcntl(2): "Locking a segment that is already locked by the calling process causes the old lock type to be
        // removed and the new lock type to take effect."
        assertThat(setlk(fa, F_WRLCK, 0, 30)).isZero();
        assertThat(setlk(fa, F_RDLCK, 10, 10)).isZero();
        fx.kernel.as(B, () -> {
            assertThat(getlk(fb, F_RDLCK, 0, 30)).isEqualTo(held(F_WRLCK, 0, 10, A));
            assertThat(getlk(fb, F_RDLCK, 10, 10)).isEqualTo(free(F_RDLCK, 10, 10));
            assertThat(getlk(fb, F_RDLCK, 10, 20)).isEqualTo(held(F_WRLCK, 20, 10, A));
            assertThat(getlk(fb, F_WRLCK, 10, 5)).isEqualTo(held(F_RDLCK, 10, 10, A));
        });
    }

    @Test
    void unlocking_the_middle_of_a_lock_leaves_two_smaller_segments() {
        // fcntl(2): "Changing or unlocking a segment from the middle of a larger locked segment leaves two smaller
        // segments at either end."
        assertThat(setlk(fa, F_WRLCK, 0, 30)).isZero();
        assertThat(setlk(fa, F_UNLCK, 10, 10)).isZero();
        fx.kernel.as(B, () -> {
            assertThat(getlk(fb, F_WRLCK, 0, 30)).isEqualTo(held(F_WRLCK, 0, 10, A));
            assertThat(getlk(fb, F_WRLCK, 15, 100)).isEqualTo(held(F_WRLCK, 20, 10, A));
            assertThat(setlk(fb, F_WRLCK, 10, 10)).isZero();
        });
    }

    @Test
    void unlocking_bytes_the_process_has_not_locked_succeeds_and_leaves_others_locks() {
        assertThat(as(B, () -> setlk(fb, F_WRLCK, 0, 10))).isZero();
        assertThat(setlk(fa, F_UNLCK, 0, 0)).isZero();
        assertThat(getlk(fa, F_RDLCK, 0, 0)).isEqualTo(held(F_WRLCK, 0, 10, B));
    }

    @Test
    void adjacent_and_overlapping_locks_of_the_same_type_merge_into_one() {
        assertThat(setlk(fa, F_RDLCK, 0, 10)).isZero();
        assertThat(setlk(fa, F_RDLCK, 10, 10)).isZero();
        assertThat(setlk(fa, F_WRLCK, 40, 10)).isZero();
        assertThat(setlk(fa, F_WRLCK, 45, 10)).isZero();
        fx.kernel.as(B, () -> {
            assertThat(getlk(fb, F_WRLCK, 0, 0)).isEqualTo(held(F_RDLCK, 0, 20, A));
            assertThat(getlk(fb, F_WRLCK, 20, 0)).isEqualTo(held(F_WRLCK, 40, 15, A));
        });
    }

    @Test
    void a_new_lock_absorbs_an_own_lock_of_the_same_type_it_covers_and_cuts_one_of_the_other_type() {
        assertThat(setlk(fa, F_RDLCK, 0, 10)).isZero();
        assertThat(setlk(fa, F_WRLCK, 10, 10)).isZero();
        // Read over [5, 15): one read lock [0, 15), the write lock keeps [15, 20).
        assertThat(setlk(fa, F_RDLCK, 5, 10)).isZero();
        fx.kernel.as(B, () -> {
            assertThat(getlk(fb, F_WRLCK, 0, 1)).isEqualTo(held(F_RDLCK, 0, 15, A));
            assertThat(getlk(fb, F_RDLCK, 0, 0)).isEqualTo(held(F_WRLCK, 15, 5, A));
        });
    }

    @Test
    void locks_of_different_processes_never_merge() {
        Entry fc = openAs(C, "/tmp/f", O_RDWR);
        assertThat(setlk(fa, F_RDLCK, 0, 10)).isZero();
        assertThat(as(B, () -> setlk(fb, F_RDLCK, 10, 10))).isZero();
        fx.kernel.as(C, () -> {
            assertThat(getlk(fc, F_WRLCK, 0, 0)).isEqualTo(held(F_RDLCK, 0, 10, A));
            assertThat(getlk(fc, F_WRLCK, 10, 0)).isEqualTo(held(F_RDLCK, 10, 10, B));
        });
    }

    @Test
    void a_read_lock_needs_a_descriptor_open_for_reading() {
        // fcntl(2) EBADF: "the type of lock (l_type) is a read lock (F_RDLCK), and fildes is not a valid file
        // descriptor open for reading".
        Entry w = fx.open(fx.at(ROOT), "/tmp/f", O_WRONLY, 0);
        assertThat(setlk(w, F_RDLCK, 0, 1)).isEqualTo(-Errno.EBADF);
        assertThat(setlk(w, F_WRLCK, 0, 1)).isZero();
        assertThat(setlk(w, F_UNLCK, 0, 1)).isZero();
        // F_GETLK only asks.
        assertThat(getlk(w, F_RDLCK, 0, 1).type()).isEqualTo(F_UNLCK);
    }

    @Test
    void a_write_lock_needs_a_descriptor_open_for_writing() {
        // fcntl(2) EBADF: "or the type of lock is a write lock (F_WRLCK), and fildes is not a valid file descriptor
        // open for writing".
        Entry r = fx.open(fx.at(ROOT), "/tmp/f", O_RDONLY, 0);
        assertThat(r.lock(F_SETLKW, new Flock[] {new Flock(F_WRLCK, SEEK_SET, 0, 1, 0)})).isEqualTo(-Errno.EBADF);
        assertThat(setlk(r, F_RDLCK, 0, 1)).isZero();
        assertThat(setlk(r, F_UNLCK, 0, 1)).isZero();
    }

    @Test
    void seek_cur_counts_from_this_open_files_offset() {
        assertThat(fa.lseek(100, SEEK_SET)).isEqualTo(100);
        assertThat(fa.lock(F_SETLK, new Flock[] {new Flock(F_WRLCK, SEEK_CUR, -10, 20, 0)})).isZero();
        fx.kernel.as(B, () -> assertThat(getlk(fb, F_RDLCK, 0, 0)).isEqualTo(held(F_WRLCK, 90, 20, A)));
    }

    @Test
    void seek_end_counts_from_the_size_of_the_file() {
        assertThat(write(fa, "x".repeat(50))).isEqualTo(50);
        assertThat(fa.lock(F_SETLK, new Flock[] {new Flock(F_WRLCK, SEEK_END, -5, 0, 0)})).isZero();
        fx.kernel.as(B, () -> assertThat(getlk(fb, F_RDLCK, 0, 0)).isEqualTo(held(F_WRLCK, 45, 0, A)));
    }

    @Test
    void a_negative_length_covers_the_bytes_before_the_start() {
        assertThat(setlk(fa, F_WRLCK, 10, -4)).isZero();
        fx.kernel.as(B, () -> assertThat(getlk(fb, F_RDLCK, 0, 0)).isEqualTo(held(F_WRLCK, 6, 4, A)));
    }

    @Test
    void a_range_that_would_start_before_the_file_is_einval() {
        // fcntl(2): "Locks ... may not be negative relative to the beginning of the file."
        assertThat(fa.lseek(5, SEEK_SET)).isEqualTo(5);
        assertThat(fa.lock(F_SETLK, new Flock[] {new Flock(F_WRLCK, SEEK_CUR, -6, 1, 0)})).isEqualTo(-Errno.EINVAL);
        assertThat(fa.lock(F_SETLK, new Flock[] {new Flock(F_WRLCK, SEEK_END, -1, 1, 0)})).isEqualTo(-Errno.EINVAL);
        assertThat(setlk(fa, F_WRLCK, -1, 5)).isEqualTo(-Errno.EINVAL);
        assertThat(setlk(fa, F_WRLCK, 3, -4)).isEqualTo(-Errno.EINVAL);
        assertThat(setlk(fa, F_WRLCK, Long.MAX_VALUE - 1, 5)).isEqualTo(-Errno.EOVERFLOW);
        // Nothing was locked by any of them.
        fx.kernel.as(B, () -> assertThat(getlk(fb, F_WRLCK, 0, 0).type()).isEqualTo(F_UNLCK));
    }

    @Test
    void a_bad_whence_type_or_command_is_einval() {
        assertThat(fa.lock(F_SETLK, new Flock[] {new Flock(F_WRLCK, 3, 0, 1, 0)})).isEqualTo(-Errno.EINVAL);
        assertThat(setlk(fa, 0, 0, 1)).isEqualTo(-Errno.EINVAL);
        assertThat(fa.lock(F_GETLK, new Flock[] {new Flock(F_UNLCK, SEEK_SET, 0, 1, 0)})).isEqualTo(-Errno.EINVAL);
        assertThat(fa.lock(99, new Flock[] {new Flock(F_WRLCK, SEEK_SET, 0, 1, 0)})).isEqualTo(-Errno.EINVAL);
    }

    @Test
    void only_regular_files_can_be_locked() {
        // fcntl(2) EINVAL: "fildes refers to a file that does not support locking".
        Entry dev = fx.open(fx.at(ROOT), "/dev/null", O_RDWR, 0);
        Entry dir = fx.open(fx.at(ROOT), "/tmp", O_RDONLY, 0);
        assertThat(setlk(dev, F_WRLCK, 0, 1)).isEqualTo(-Errno.EINVAL);
        assertThat(setlk(dir, F_RDLCK, 0, 1)).isEqualTo(-Errno.EINVAL);
    }

    @Test
    void a_closed_open_file_is_ebadf() {
        Entry g = fx.open(fx.at(ROOT), "/tmp/f", O_RDWR, 0);
        g.release();
        assertThat(setlk(g, F_WRLCK, 0, 1)).isEqualTo(-Errno.EBADF);
    }

    @Test
    void f_setlk_charges_for_the_lock_list() {
        long before = fx.kernel.charged;
        assertThat(setlk(fa, F_WRLCK, 0, 1)).isZero();
        assertThat(fx.kernel.charged - before).isEqualTo(VfsCosts.RECORD_LOCK);
    }
}
