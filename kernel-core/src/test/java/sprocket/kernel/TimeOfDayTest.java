package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.IpcFlags;
import sprocket.api.sys.ShmidDs;

/**
 * time(2) and stime(2) against the System V manual pages: the time of day is kernel state that stime sets and time
 * and the times of files read, counting on with the simulated clock; only the super-user may set it.
 */
class TimeOfDayTest {

    private static final long DATE = 1_000_000_000L;

    @Test
    void stime_sets_the_time_time_returns_and_new_files_are_stamped_with_it_counting_on_from_there() {
        List<String> seen = new ArrayList<>();
        var o = Sim.with().program("p", (sys, argv) -> {
            sys.sleep(5);
            seen.add("boot " + sys.time());
            // stime(2): "stime sets the system's idea of the time and date. tp points to the value of time as
            // measured in seconds from 00:00:00 UTC January 1, 1970."
            seen.add("stime " + sys.stime(DATE));
            seen.add("now " + sys.time());
            sys.sleep(3);
            seen.add("later " + sys.time());
            int fd = sys.open("/tmp/f", Fcntl.O_CREAT | Fcntl.O_WRONLY, 0644);
            sys.close(fd);
            seen.add("mtime " + sys.stat("/tmp/f").mtime());
            long mono = sys.nanotime();
            seen.add("monotonic unmoved " + (mono >= 8_000_000_000L && mono < 9_000_000_000L));
            return 0;
        }).run("p");
        assertThat(o.status()).isZero();
        assertThat(seen).containsExactly("boot 5", "stime 0", "now " + DATE, "later " + (DATE + 3),
                "mtime " + (DATE + 3), "monotonic unmoved true");
    }

    @Test
    void only_the_super_user_may_set_the_time() {
        List<String> seen = new ArrayList<>();
        var o = Sim.with().program("p", (sys, argv) -> {
            sys.setuid(100);
            // stime(2): "EPERM stime will fail if the effective user ID of the calling process is not super-user."
            seen.add(sys.stime(DATE) + " " + sys.errno());
            seen.add("time " + sys.time());
            return 0;
        }).run("p");
        assertThat(o.status()).isZero();
        assertThat(seen).containsExactly("-1 " + Errno.EPERM, "time 0");
    }

    @Test
    void ipc_and_pipe_times_are_the_time_of_day_in_force_when_they_were_stamped() {
        List<String> seen = new ArrayList<>();
        var o = Sim.with().program("p", (sys, argv) -> {
            sys.sleep(2);
            int id = sys.shmget(IpcFlags.IPC_PRIVATE, 4096, IpcFlags.IPC_CREAT | 0600);
            int[] fds = new int[2];
            sys.pipe(fds);
            sys.write(fds[1], new byte[] {1}, 0, 1);
            sys.stime(DATE);
            sys.sleep(4);
            sys.shmdt(sys.shmat(id, 0, 0));
            ShmidDs[] buf = new ShmidDs[1];
            sys.shmctl(id, IpcFlags.IPC_STAT, buf);
            // shmctl(2): shm_ctime "the time of the last change"; shm_dtime "the time of the last shmdt": each in
            // seconds since the epoch as the system reckoned it then, before and after the date was set.
            seen.add("shm ctime " + buf[0].ctime() + " dtime " + buf[0].dtime());
            seen.add("pipe mtime " + sys.fstat(fds[0]).mtime());
            sys.shmctl(id, IpcFlags.IPC_RMID, null);
            return 0;
        }).run("p");
        assertThat(o.status()).isZero();
        assertThat(seen).containsExactly("shm ctime 2 dtime " + (DATE + 4), "pipe mtime 2");
    }

    @Test
    void a_time_before_the_epoch_or_past_the_clock_is_refused_and_changes_nothing() {
        List<String> seen = new ArrayList<>();
        var o = Sim.with().program("p", (sys, argv) -> {
            // Linux's settimeofday(2): "EINVAL ... tv.tv_sec is negative".
            seen.add(sys.stime(-1) + " " + sys.errno());
            seen.add(sys.stime(Long.MAX_VALUE) + " " + sys.errno());
            seen.add("time " + sys.time());
            // Set again and again, the time of day takes no more room: each stime replaces the last.
            for (int i = 0; i < 100_000; i++) sys.stime(DATE + i);
            seen.add("time " + sys.time());
            return 0;
        }).run("p");
        assertThat(o.status()).isZero();
        assertThat(seen).containsExactly("-1 " + Errno.EINVAL, "-1 " + Errno.EINVAL, "time 0",
                "time " + (DATE + 99_999));
    }
}
