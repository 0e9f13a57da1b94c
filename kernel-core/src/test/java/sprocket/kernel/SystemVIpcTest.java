package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.ipc.Ipc;
import sprocket.api.ipc.IpcContext;
import sprocket.api.ipc.IpcProvider;
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

    /** Leaves one of each System V object behind: a segment (attached, written, never removed), a queue, a set. */
    private static int leaveObjectsBehind(sprocket.api.sys.Sys sys) {
        int c = sys.fork(s -> {
            int shm = s.shmget(IpcFlags.IPC_PRIVATE, 8192, IpcFlags.IPC_CREAT | 0600);
            long at = s.shmat(shm, 0, 0);
            s.cpu().store32(at, 42);
            int q = s.msgget(IpcFlags.IPC_PRIVATE, IpcFlags.IPC_CREAT | 0600);
            byte[] b = StandardCharsets.UTF_8.encode("left").array();
            s.msgsnd(q, 1, b, 4, 0);
            s.semget(IpcFlags.IPC_PRIVATE, 2, IpcFlags.IPC_CREAT | 0600);
            return at > 0 ? 0 : 1; // exits with the segment attached: exit detaches it, nothing removes it
        });
        int[] st = new int[1];
        sys.waitpid(c, st, 0);
        return Wait.WEXITSTATUS(st[0]);
    }

    /**
     * shmctl(2): IPC_RMID "remove[s] the shared memory identifier ... and destroy[s] the shared memory segment"; until
     * then a segment outlives its creator. At the end of a run the kernel removes what is left, as a shutdown does,
     * and only then checks that every frame and region is free (a panic otherwise).
     */
    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void System_V_objects_nobody_removed_are_removed_at_the_end_of_the_run_as_a_shutdown_removes_them(String hw) {
        var o = Sim.with("hw=" + hw).program("t", (sys, argv) -> leaveObjectsBehind(sys)).run("t");
        assertThat(o.status()).isZero();
        assertThat(o.stats().counters()).containsEntry("ipc_removed_at_shutdown", 3L);
    }

    @Test
    void the_end_of_run_checks_still_catch_System_V_objects_an_ipc_provider_failed_to_remove() {
        IpcProvider sysv = (IpcProvider) Sim.CATALOG.provider(Slot.IPC, "sysv");
        IpcProvider forgetful = new IpcProvider() {
            @Override
            public String name() {
                return "forgetful";
            }

            @Override
            public String version() {
                return "1";
            }

            @Override
            public String apiVersion() {
                return sysv.apiVersion();
            }

            @Override
            public String description() {
                return "sysv, whose shutdown removes nothing";
            }

            @Override
            public java.util.List<sprocket.api.spi.Tunable> tunables() {
                return sysv.tunables();
            }

            @Override
            public Ipc create(IpcContext context) {
                Ipc real = sysv.create(context);
                return (Ipc) Proxy.newProxyInstance(Ipc.class.getClassLoader(), new Class<?>[] {Ipc.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("shutdown")) return 0;
                            try {
                                return method.invoke(real, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
        Sim sim = Sim.with("ipc=forgetful").catalog(Sim.CATALOG.withProvider(Slot.IPC, forgetful))
                .program("t", (sys, argv) -> leaveObjectsBehind(sys));
        assertThatThrownBy(() -> sim.run("t")).isInstanceOf(KernelPanic.class)
                .hasMessageContaining("page frames are still allocated")
                .hasMessageContaining("3 System V IPC objects are still allocated");
    }
}
