package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.sys.IpcFlags;
import sprocket.api.sys.Sembuf;
import sprocket.api.sys.Wait;

/** System V semaphores and message queues between real processes: blocking, SEM_UNDO at exit, EIDRM, types. */
class SystemVIpcTest {

    @Test
    void a_semaphore_held_by_a_process_that_dies_is_given_back_by_its_SEM_UNDO() {
        var o = Sim.with("hw.cpus=2").program("t", (sys, argv) -> {
            int sem = sys.semget(IpcFlags.IPC_PRIVATE, 1, IpcFlags.IPC_CREAT | 0600);
            sys.semctl(sem, 0, IpcFlags.SETVAL, 1);
            int c = sys.fork(s -> {
                s.semop(sem, new Sembuf[] {new Sembuf(0, -1, IpcFlags.SEM_UNDO)});
                s.pause();
                return 0;
            });
            while (sys.semctl(sem, 0, IpcFlags.GETVAL, 0) != 0) sys.sched_yield();
            sys.kill(c, Signals.SIGKILL);
            sys.waitpid(c, new int[1], 0);
            // semop(2): the adjustment is applied at exit, so the semaphore is 1 again and this does not block.
            int r = sys.semop(sem, new Sembuf[] {new Sembuf(0, -1, IpcFlags.IPC_NOWAIT)});
            sys.semctl(sem, 0, IpcFlags.IPC_RMID, 0);
            return r == 0 ? 0 : 1;
        }).run("t");
        assertThat(o.status()).isZero();
    }

    @Test
    void a_sleeper_on_a_removed_semaphore_set_fails_with_EIDRM() {
        var o = Sim.with("hw.cpus=2").program("t", (sys, argv) -> {
            int sem = sys.semget(IpcFlags.IPC_PRIVATE, 1, IpcFlags.IPC_CREAT | 0600);
            int c = sys.fork(s -> {
                int r = s.semop(sem, new Sembuf[] {new Sembuf(0, -1, 0)});
                return r == -1 && s.errno() == Errno.EIDRM ? 0 : 1;
            });
            while (sys.semctl(sem, 0, IpcFlags.GETNCNT, 0) != 1) sys.sched_yield();
            sys.semctl(sem, 0, IpcFlags.IPC_RMID, 0);
            int[] st = new int[1];
            sys.waitpid(c, st, 0);
            return Wait.WEXITSTATUS(st[0]);
        }).run("t");
        assertThat(o.status()).isZero();
    }

    @Test
    void messages_are_received_by_type_across_processes() {
        var o = Sim.with("hw.cpus=2").program("t", (sys, argv) -> {
            int q = sys.msgget(IpcFlags.IPC_PRIVATE, IpcFlags.IPC_CREAT | 0600);
            int c = sys.fork(s -> {
                for (long type : new long[] {3, 1, 2}) {
                    byte[] b = ("type " + type).getBytes(StandardCharsets.UTF_8);
                    s.msgsnd(q, type, b, b.length, 0);
                }
                return 0;
            });
            sys.waitpid(c, new int[1], 0);
            StringBuilder got = new StringBuilder();
            long[] type = new long[1];
            byte[] buf = new byte[64];
            // msgrcv(2): msgtyp < 0 takes the lowest type at most |msgtyp|; > 0 exactly that type; 0 the first.
            for (long want : new long[] {-2, 3, 0}) {
                int n = sys.msgrcv(q, type, buf, buf.length, want, 0);
                got.append(new String(buf, 0, n, StandardCharsets.UTF_8)).append(';');
            }
            boolean empty = sys.msgrcv(q, type, buf, buf.length, 0, IpcFlags.IPC_NOWAIT) == -1
                    && sys.errno() == Errno.ENOMSG;
            sys.msgctl(q, IpcFlags.IPC_RMID, null);
            Sim.puts(sys, got + " empty " + empty);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("type 1;type 3;type 2; empty true\n");
    }

    @Test
    void a_shared_memory_segment_is_shared_across_fork_counted_and_goes_with_its_last_detach_after_IPC_RMID() {
        var o = Sim.with("hw.cpus=2").program("t", (sys, argv) -> {
            int id = sys.shmget(IpcFlags.IPC_PRIVATE, 8192, IpcFlags.IPC_CREAT | 0600);
            long at = sys.shmat(id, 0, 0);
            sys.cpu().store64(at, 1);
            int c = sys.fork(s -> {
                // shmat(2): attached segments are inherited by the child.
                s.cpu().store64(at + 8, s.cpu().load64(at) + 41);
                return s.shmdt(at);
            });
            sys.waitpid(c, new int[1], 0);
            sprocket.api.sys.ShmidDs[] ds = new sprocket.api.sys.ShmidDs[1];
            sys.shmctl(id, IpcFlags.IPC_STAT, ds);
            int attachedNow = ds[0].nattch();
            // shmctl(2) IPC_RMID: the identifier goes now, the memory with the last detach.
            sys.shmctl(id, IpcFlags.IPC_RMID, null);
            boolean gone = sys.shmat(id, 0, 0) == -1 && sys.errno() == Errno.EINVAL;
            long value = sys.cpu().load64(at + 8);
            boolean detached = sys.shmdt(at) == 0;
            boolean notAgain = sys.shmdt(at) == -1 && sys.errno() == Errno.EINVAL;
            Sim.puts(sys, "value " + value + ", nattch " + attachedNow + ", gone " + gone + ", detached " + detached
                    + ", not again " + notAgain);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("value 42, nattch 1, gone true, detached true, not again true\n");
    }

    /**
     * msgsnd(2): "EINVAL: ... msgsz is less than zero or greater than the system-imposed limit"; msgrcv(2): "EINVAL:
     * ... msgsz is less than 0". Not EFAULT: the size is checked before the buffer.
     */
    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void msgsnd_and_msgrcv_with_a_negative_size_fail_with_EINVAL(String hw) {
        var o = Sim.with("hw=" + hw).program("t", (sys, argv) -> {
            int q = sys.msgget(IpcFlags.IPC_PRIVATE, IpcFlags.IPC_CREAT | 0600);
            byte[] b = new byte[16];
            String snd = sys.msgsnd(q, 1, b, -1, 0) == -1 ? Errno.name(sys.errno()) : "ok";
            int r = sys.msgrcv(q, new long[1], b, -5, 0, IpcFlags.IPC_NOWAIT);
            String rcv = r == -1 ? Errno.name(sys.errno()) : "ok";
            sys.msgctl(q, IpcFlags.IPC_RMID, null);
            Sim.puts(sys, snd + " " + rcv);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("EINVAL EINVAL\n");
    }
}
