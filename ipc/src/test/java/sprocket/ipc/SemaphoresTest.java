package sprocket.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.Errno.E2BIG;
import static sprocket.api.Errno.EACCES;
import static sprocket.api.Errno.EAGAIN;
import static sprocket.api.Errno.EEXIST;
import static sprocket.api.Errno.EFBIG;
import static sprocket.api.Errno.EIDRM;
import static sprocket.api.Errno.EINTR;
import static sprocket.api.Errno.EINVAL;
import static sprocket.api.Errno.ENOENT;
import static sprocket.api.Errno.ENOSPC;
import static sprocket.api.Errno.EPERM;
import static sprocket.api.Errno.ERANGE;
import static sprocket.api.sys.IpcFlags.GETALL;
import static sprocket.api.sys.IpcFlags.GETNCNT;
import static sprocket.api.sys.IpcFlags.GETPID;
import static sprocket.api.sys.IpcFlags.GETVAL;
import static sprocket.api.sys.IpcFlags.GETZCNT;
import static sprocket.api.sys.IpcFlags.IPC_CREAT;
import static sprocket.api.sys.IpcFlags.IPC_EXCL;
import static sprocket.api.sys.IpcFlags.IPC_NOWAIT;
import static sprocket.api.sys.IpcFlags.IPC_PRIVATE;
import static sprocket.api.sys.IpcFlags.IPC_RMID;
import static sprocket.api.sys.IpcFlags.IPC_SET;
import static sprocket.api.sys.IpcFlags.IPC_STAT;
import static sprocket.api.sys.IpcFlags.SEM_STAT;
import static sprocket.api.sys.IpcFlags.SEM_UNDO;
import static sprocket.api.sys.IpcFlags.SETALL;
import static sprocket.api.sys.IpcFlags.SETVAL;

import org.junit.jupiter.api.Test;
import sprocket.api.kernel.Credentials;
import sprocket.api.sys.IpcPerm;
import sprocket.api.sys.Sembuf;
import sprocket.api.sys.SemidDs;

class SemaphoresTest {

    private static final Credentials OTHER = new Credentials(200, 200, 30, 30, 022);
    private static final Credentials GROUP_MEMBER = new Credentials(201, 201, 21, 21, 022);
    private static final Credentials ROOT = new Credentials(0, 0, 0, 0, 022);

    private final FakeKernel kernel = new FakeKernel();
    private SysvCalls ipc;

    private SysvCalls ipc() {
        if (ipc == null) ipc = new SysvCalls((SysvIpc) new SysvIpcProvider().create(kernel.context()));
        return ipc;
    }

    private int newSet(int nsems) {
        int id = ipc().semget(IPC_PRIVATE, nsems, 0600);
        assertThat(id).isNotNegative();
        return id;
    }

    private static Sembuf[] ops(Sembuf... ops) {
        return ops;
    }

    private static Sembuf op(int num, int op, int flg) {
        return new Sembuf(num, op, flg);
    }

    private int val(int id, int num) {
        return ipc().semctl(id, num, GETVAL, 0);
    }

    // ---- semget

    @Test
    void ipc_private_always_makes_a_new_set_and_live_objects_counts_them() {
        int a = newSet(1);
        int b = newSet(1);
        assertThat(a).isNotEqualTo(b);
        assertThat(ipc().liveObjects()).isEqualTo(2);
        assertThat(ipc().semctl(a, 0, IPC_RMID, 0)).isZero();
        assertThat(ipc().liveObjects()).isEqualTo(1);
    }

    @Test
    void a_key_names_one_set_and_the_get_flags_give_eexist_and_enoent() {
        assertThat(ipc().semget(77, 2, 0600)).as("no set for the key, no IPC_CREAT").isEqualTo(-ENOENT);
        int id = ipc().semget(77, 2, IPC_CREAT | 0600);
        assertThat(id).isNotNegative();
        assertThat(ipc().semget(77, 2, IPC_CREAT | 0600)).isEqualTo(id);
        assertThat(ipc().semget(77, 0, 0)).as("nsems 0 names an existing set").isEqualTo(id);
        // semget(2): EEXIST, "A semaphore identifier exists for key but ((semflg & IPC_CREAT) && (semflg & IPC_EXCL))".
        assertThat(ipc().semget(77, 2, IPC_CREAT | IPC_EXCL | 0600)).isEqualTo(-EEXIST);
    }

    @Test
    void nsems_out_of_range_fails_with_einval() {
        assertThat(ipc().semget(IPC_PRIVATE, 0, 0600)).isEqualTo(-EINVAL);
        assertThat(ipc().semget(IPC_PRIVATE, -1, 0600)).isEqualTo(-EINVAL);
        assertThat(ipc().semget(IPC_PRIVATE, 26, 0600)).as("past SEMMSL 25").isEqualTo(-EINVAL);
        assertThat(ipc().semget(5, 25, IPC_CREAT | 0600)).isNotNegative();
        ipc().semget(6, 3, IPC_CREAT | 0600);
        // "the number of semaphores in the set associated with it is less than nsems"
        assertThat(ipc().semget(6, 4, 0600)).isEqualTo(-EINVAL);
        assertThat(ipc().liveObjects()).isEqualTo(2);
    }

    @Test
    void a_full_table_or_too_many_semaphores_fails_with_enospc() {
        kernel.tunables.put(IpcLimits.SEMMNI, 2L);
        kernel.tunables.put(IpcLimits.SEMMNS, 5L);
        newSet(2);
        assertThat(ipc().semget(IPC_PRIVATE, 4, 0600)).as("past SEMMNS").isEqualTo(-ENOSPC);
        newSet(3);
        assertThat(ipc().semget(IPC_PRIVATE, 1, 0600)).as("past SEMMNI").isEqualTo(-ENOSPC);
        assertThat(ipc().semget(9, 1, IPC_CREAT | 0600)).isEqualTo(-ENOSPC);
    }

    @Test
    void a_removed_identifier_is_not_given_out_again_at_once() {
        int first = newSet(1);
        assertThat(first % 10).isZero(); // slot 0 of SEMMNI 10
        assertThat(ipc().semctl(first, 0, IPC_RMID, 0)).isZero();
        int second = newSet(1);
        assertThat(second).as("same slot, next sequence number").isEqualTo(first + 10);
        assertThat(val(first, 0)).isEqualTo(-EINVAL);
        assertThat(ipc().semop(first, ops(op(0, 1, 0)))).isEqualTo(-EINVAL);
        assertThat(val(second, 0)).isZero();
    }

    // ---- semop

    @Test
    void semop_argument_errors() {
        int id = newSet(2);
        var eleven = new Sembuf[11];
        java.util.Arrays.fill(eleven, op(0, 1, 0));
        // semop(2): E2BIG, "nsops is greater than the system-imposed maximum".
        assertThat(ipc().semop(id, eleven)).isEqualTo(-E2BIG);
        // EFBIG, "sem_num is less than zero or greater than or equal to the number of semaphores in the set".
        assertThat(ipc().semop(id, ops(op(0, 1, 0), op(2, 1, 0)))).isEqualTo(-EFBIG);
        assertThat(ipc().semop(id, ops(op(-1, 1, 0)))).isEqualTo(-EFBIG);
        assertThat(ipc().semop(id + 1, ops(op(0, 1, 0)))).isEqualTo(-EINVAL);
        assertThat(ipc().semop(-5, ops(op(0, 1, 0)))).isEqualTo(-EINVAL);
        assertThat(val(id, 0)).as("nothing was done").isZero();
    }

    @Test
    void an_operation_past_semvmx_fails_with_erange_and_the_array_does_nothing() {
        int id = newSet(2);
        assertThat(ipc().semctl(id, 1, SETVAL, 32767)).isZero();
        assertThat(ipc().semop(id, ops(op(0, 5, 0), op(1, 1, 0)))).isEqualTo(-ERANGE);
        assertThat(val(id, 0)).isZero();
        assertThat(val(id, 1)).isEqualTo(32767);
    }

    @Test
    void an_array_that_would_block_with_ipc_nowait_fails_with_eagain_and_changes_nothing() {
        int id = newSet(3);
        ipc().semctl(id, 2, SETVAL, 1);
        assertThat(ipc().semop(id, ops(op(0, 4, 0), op(2, -1, 0), op(1, -1, IPC_NOWAIT)))).isEqualTo(-EAGAIN);
        assertThat(ipc().semctl(id, 0, GETVAL, 0)).isZero();
        assertThat(ipc().semctl(id, 2, GETVAL, 0)).isEqualTo(1);
        assertThat(ipc().semop(id, ops(op(2, 0, IPC_NOWAIT)))).as("not zero").isEqualTo(-EAGAIN);
        assertThat(kernel.slept).isEmpty();
    }

    @Test
    void a_waiting_array_holds_nothing_while_it_sleeps_and_takes_everything_at_once() {
        int id = newSet(2);
        ipc().semctl(id, 0, SETVAL, 1);
        int[] seen = new int[2];
        kernel.thenOther(() -> kernel.as(7, kernel.credentials, () -> {
            seen[0] = val(id, 0);
            seen[1] = ipc().semctl(id, 1, GETNCNT, 0);
            assertThat(ipc().semop(id, ops(op(1, 1, 0)))).isZero();
        }));
        assertThat(ipc().semop(id, ops(op(0, -1, 0), op(1, -1, 0)))).isZero();
        assertThat(seen).as("semaphore 0 untouched; one process waits for 1 to grow").containsExactly(1, 1);
        assertThat(val(id, 0)).isZero();
        assertThat(val(id, 1)).isZero();
        assertThat(ipc().semctl(id, 1, GETNCNT, 0)).isZero();
        assertThat(ipc().semctl(id, 1, GETPID, 0)).isEqualTo(FakeKernel.PID);
        assertThat(kernel.woken).containsExactlyElementsOf(kernel.slept);
    }

    @Test
    void a_zero_operation_waits_until_the_value_is_zero() {
        int id = newSet(1);
        ipc().semctl(id, 0, SETVAL, 2);
        int[] zcnt = new int[1];
        kernel.thenOther(() -> {
            zcnt[0] = ipc().semctl(id, 0, GETZCNT, 0);
            ipc().semop(id, ops(op(0, -1, 0)));
        }).thenOther(() -> ipc().semop(id, ops(op(0, -1, 0))));
        assertThat(ipc().semop(id, ops(op(0, 0, 0)))).isZero();
        assertThat(zcnt[0]).isEqualTo(1);
        assertThat(kernel.slept).hasSize(2);
        assertThat(kernel.woken).as("only the step that reached zero wakes the waiter").hasSize(1);
    }

    @Test
    void wakeups_go_out_in_operation_order_and_each_sleeper_takes_its_unit() {
        int id = newSet(2);
        int[] results = new int[2];
        // Process 42 waits on semaphore 0; then process 7 waits on semaphore 1; then process 9 posts 1 then 0.
        kernel.thenOther(() -> kernel.as(7, kernel.credentials,
                () -> results[1] = ipc().semop(id, ops(op(1, -1, 0)))))
            .thenOther(() -> kernel.as(9, kernel.credentials,
                () -> assertThat(ipc().semop(id, ops(op(1, 1, 0), op(0, 1, 0)))).isZero()));
        results[0] = ipc().semop(id, ops(op(0, -1, 0)));
        assertThat(results).containsExactly(0, 0);
        assertThat(kernel.woken).extracting(Object::toString)
                .containsExactly("sem#" + id + ".1.ncnt", "sem#" + id + ".0.ncnt");
        assertThat(ipc().semctl(id, 1, GETPID, 0)).isEqualTo(7);
        assertThat(ipc().semctl(id, 0, GETPID, 0)).isEqualTo(FakeKernel.PID);
    }

    @Test
    void a_signal_while_waiting_fails_with_eintr_and_nothing_was_done() {
        int id = newSet(2);
        kernel.thenSignal();
        assertThat(ipc().semop(id, ops(op(0, 1, SEM_UNDO), op(1, -1, 0)))).isEqualTo(-EINTR);
        assertThat(val(id, 0)).isZero();
        assertThat(ipc().semctl(id, 1, GETNCNT, 0)).isZero();
        assertThat(ipc().semadj(FakeKernel.PID, id, 0)).isZero();
    }

    @Test
    void removing_the_set_wakes_every_sleeper_with_eidrm() {
        int id = newSet(2);
        int[] inner = new int[1];
        kernel.thenOther(() -> kernel.as(7, kernel.credentials, () -> inner[0] = ipc().semop(id, ops(op(1, 0, 0)))));
        ipc().semctl(id, 1, SETVAL, 1);
        kernel.thenOther(() -> assertThat(ipc().semctl(id, 0, IPC_RMID, 0)).isZero());
        // semop(2): EIDRM, "The set of semaphores referred to by msqid [sic] was removed from the system."
        assertThat(ipc().semop(id, ops(op(0, -1, 0)))).isEqualTo(-EIDRM);
        assertThat(inner[0]).isEqualTo(-EIDRM);
        assertThat(kernel.woken).containsExactlyInAnyOrderElementsOf(kernel.slept);
        assertThat(ipc().liveObjects()).isZero();
    }

    // ---- SEM_UNDO

    @Test
    void sem_undo_adjustments_are_applied_when_the_process_exits() {
        int id = newSet(2);
        ipc().semctl(id, 0, SETVAL, 3);
        assertThat(ipc().semop(id, ops(op(0, -2, SEM_UNDO), op(1, 4, SEM_UNDO), op(1, -1, SEM_UNDO)))).isZero();
        assertThat(ipc().semadj(FakeKernel.PID, id, 0)).isEqualTo(2);
        assertThat(ipc().semadj(FakeKernel.PID, id, 1)).isEqualTo(-3);
        kernel.as(7, kernel.credentials, () -> ipc().semop(id, ops(op(1, 1, 0))));

        ipc().exit(FakeKernel.PID);
        assertThat(val(id, 0)).isEqualTo(3);
        assertThat(val(id, 1)).isEqualTo(1);
        ipc().exit(FakeKernel.PID);
        assertThat(val(id, 0)).as("applied once").isEqualTo(3);
    }

    @Test
    void an_exit_adjustment_below_zero_is_clamped_at_zero() {
        int id = newSet(1);
        ipc().semop(id, ops(op(0, 2, SEM_UNDO)));
        kernel.as(7, kernel.credentials, () -> ipc().semop(id, ops(op(0, -2, 0))));
        ipc().exit(FakeKernel.PID);
        assertThat(val(id, 0)).isZero();
        assertThat(ipc().semctl(id, 0, GETPID, 0)).isEqualTo(FakeKernel.PID);
    }

    @Test
    void an_exit_that_lets_a_sleeper_through_wakes_it() {
        int id = newSet(1);
        ipc().semctl(id, 0, SETVAL, 1);
        kernel.as(7, kernel.credentials, () -> ipc().semop(id, ops(op(0, -1, SEM_UNDO))));
        kernel.thenOther(() -> ipc().exit(7));
        assertThat(ipc().semop(id, ops(op(0, -1, 0)))).isZero();
        assertThat(kernel.woken).containsExactlyElementsOf(kernel.slept);
    }

    @Test
    void setval_clears_the_adjustments_of_that_semaphore_only_and_setall_of_the_set() {
        int id = newSet(2);
        ipc().semop(id, ops(op(0, 1, SEM_UNDO), op(1, 1, SEM_UNDO)));
        // semctl(2) SETVAL: "the semadj value corresponding to the specified semaphore in all processes is cleared".
        ipc().semctl(id, 0, SETVAL, 5);
        assertThat(ipc().semadj(FakeKernel.PID, id, 0)).isZero();
        assertThat(ipc().semadj(FakeKernel.PID, id, 1)).isEqualTo(-1);
        assertThat(ipc().semctl(id, SETALL, new int[] {4, 4})).isZero();
        assertThat(ipc().semadj(FakeKernel.PID, id, 1)).isZero();
        ipc().exit(FakeKernel.PID);
        assertThat(ipc().semctl(id, GETALL, new int[2])).isZero();
        var all = new int[2];
        ipc().semctl(id, GETALL, all);
        assertThat(all).containsExactly(4, 4);
    }

    @Test
    void undo_limits_fail_the_whole_operation() {
        kernel.tunables.put(IpcLimits.SEMAEM, 3L);
        kernel.tunables.put(IpcLimits.SEMUME, 2L);
        kernel.tunables.put(IpcLimits.SEMMNU, 1L);
        int id = newSet(3);
        // semop(2): ERANGE, "An operation would cause a semaphore undo adjustment value to overflow".
        assertThat(ipc().semop(id, ops(op(0, 4, SEM_UNDO)))).isEqualTo(-ERANGE);
        // EINVAL, "the number of individual semaphores for which the calling process requests a SEM_UNDO
        // would exceed the limit".
        assertThat(ipc().semop(id, ops(op(0, 1, SEM_UNDO), op(1, 1, SEM_UNDO), op(2, 1, SEM_UNDO))))
                .isEqualTo(-EINVAL);
        assertThat(ipc().semop(id, ops(op(0, 1, SEM_UNDO)))).isZero();
        // ENOSPC, "The limit on the number of individual processes requesting a SEM_UNDO would be exceeded."
        kernel.as(7, kernel.credentials,
                () -> assertThat(ipc().semop(id, ops(op(1, 1, SEM_UNDO)))).isEqualTo(-ENOSPC));
        assertThat(new int[] {val(id, 0), val(id, 1), val(id, 2)}).containsExactly(1, 0, 0);
    }

    // ---- semctl

    @Test
    void semctl_value_commands_and_their_errors() {
        int id = newSet(2);
        assertThat(ipc().semctl(id, 1, SETVAL, 9)).isZero();
        assertThat(ipc().semctl(id, 1, GETVAL, 0)).isEqualTo(9);
        assertThat(ipc().semctl(id, 1, GETPID, 0)).isEqualTo(FakeKernel.PID);
        assertThat(ipc().semctl(id, 2, GETVAL, 0)).isEqualTo(-EINVAL);
        assertThat(ipc().semctl(id, -1, SETVAL, 1)).isEqualTo(-EINVAL);
        assertThat(ipc().semctl(id, 0, SETVAL, 32768)).isEqualTo(-ERANGE);
        assertThat(ipc().semctl(id, 0, SETVAL, -1)).isEqualTo(-ERANGE);
        assertThat(ipc().semctl(id, 0, 99, 0)).isEqualTo(-EINVAL);
        assertThat(ipc().semctl(id, SETALL, new int[] {1, 40000})).as("none set").isEqualTo(-ERANGE);
        assertThat(val(id, 0)).isZero();
        assertThat(ipc().semctl(id, GETALL, new int[1])).isEqualTo(-sprocket.api.Errno.EFAULT);
    }

    @Test
    void ipc_stat_reports_owner_creator_mode_and_times_in_seconds() {
        kernel.clock = 3 * FakeKernel.HZ;
        int id = ipc().semget(12, 4, IPC_CREAT | 0640);
        kernel.clock = 8 * FakeKernel.HZ;
        ipc().semop(id, ops(op(0, 1, 0)));
        var buf = new SemidDs[1];
        assertThat(ipc().semctl(id, IPC_STAT, buf)).isZero();
        assertThat(buf[0].perm()).isEqualTo(new IpcPerm(12, 101, 21, 101, 21, 0640, id / 10));
        assertThat(buf[0].nsems()).isEqualTo(4);
        assertThat(buf[0].ctime()).isEqualTo(3);
        assertThat(buf[0].otime()).isEqualTo(8);
    }

    @Test
    void ipc_set_and_ipc_rmid_are_for_the_owner_creator_or_root_only() {
        int id = newSet(1);
        var buf = new SemidDs[] {new SemidDs(new IpcPerm(0, 200, 30, 0, 0, 0666 | 01000, 0), 0, 0, 0)};
        kernel.as(7, OTHER, () -> {
            assertThat(ipc().semctl(id, IPC_SET, buf)).isEqualTo(-EPERM);
            assertThat(ipc().semctl(id, 0, IPC_RMID, 0)).isEqualTo(-EPERM);
        });
        assertThat(ipc().semctl(id, IPC_SET, buf)).isZero();
        var st = new SemidDs[1];
        ipc().semctl(id, IPC_STAT, st);
        assertThat(st[0].perm().uid()).isEqualTo(200);
        assertThat(st[0].perm().cuid()).as("the creator stays").isEqualTo(101);
        assertThat(st[0].perm().mode()).isEqualTo(0666);
        kernel.as(7, OTHER, () -> assertThat(ipc().semctl(id, 0, SETVAL, 1)).as("the new owner").isZero());
        kernel.as(8, ROOT, () -> assertThat(ipc().semctl(id, 0, IPC_RMID, 0)).isZero());
    }

    @Test
    void permissions_for_a_user_who_is_neither_owner_nor_root() {
        int id = ipc().semget(40, 1, IPC_CREAT | 0640);
        kernel.as(7, OTHER, () -> {
            assertThat(ipc().semget(40, 1, 0)).as("asking no access").isEqualTo(id);
            assertThat(ipc().semget(40, 1, 0400)).isEqualTo(-EACCES);
            assertThat(val(id, 0)).isEqualTo(-EACCES);
            assertThat(ipc().semop(id, ops(op(0, 1, 0)))).isEqualTo(-EACCES);
            assertThat(ipc().semctl(id, IPC_STAT, new SemidDs[1])).isEqualTo(-EACCES);
        });
        kernel.as(8, GROUP_MEMBER, () -> {
            assertThat(ipc().semget(40, 1, 0440)).isEqualTo(id);
            assertThat(val(id, 0)).isZero();
            assertThat(ipc().semop(id, ops(op(0, 0, 0)))).as("waiting for zero only reads").isZero();
            assertThat(ipc().semop(id, ops(op(0, 1, 0)))).isEqualTo(-EACCES);
            assertThat(ipc().semctl(id, 0, SETVAL, 1)).isEqualTo(-EACCES);
            assertThat(ipc().semget(40, 1, 0660)).isEqualTo(-EACCES);
        });
        kernel.as(9, ROOT, () -> assertThat(ipc().semop(id, ops(op(0, 1, 0)))).isZero());
    }

    @Test
    void sem_stat_walks_the_live_sets_by_index() {
        int a = newSet(1);
        int b = newSet(2);
        int c = newSet(3);
        ipc().semctl(b, 0, IPC_RMID, 0);
        var buf = new SemidDs[1];
        assertThat(ipc().semctl(0, SEM_STAT, buf)).isEqualTo(a);
        assertThat(ipc().semctl(1, SEM_STAT, buf)).isEqualTo(c);
        assertThat(buf[0].nsems()).isEqualTo(3);
        assertThat(ipc().semctl(2, SEM_STAT, buf)).isEqualTo(-EINVAL);
        assertThat(ipc().semctl(-1, SEM_STAT, buf)).isEqualTo(-EINVAL);
    }
}
