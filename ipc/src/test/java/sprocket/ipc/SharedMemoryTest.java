package sprocket.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.Errno.EACCES;
import static sprocket.api.Errno.EEXIST;
import static sprocket.api.Errno.EFAULT;
import static sprocket.api.Errno.EINVAL;
import static sprocket.api.Errno.ENOENT;
import static sprocket.api.Errno.ENOMEM;
import static sprocket.api.Errno.ENOSPC;
import static sprocket.api.Errno.EPERM;
import static sprocket.api.sys.IpcFlags.IPC_CREAT;
import static sprocket.api.sys.IpcFlags.IPC_EXCL;
import static sprocket.api.sys.IpcFlags.IPC_PRIVATE;
import static sprocket.api.sys.IpcFlags.IPC_RMID;
import static sprocket.api.sys.IpcFlags.IPC_SET;
import static sprocket.api.sys.IpcFlags.IPC_STAT;
import static sprocket.api.sys.IpcFlags.SHM_RDONLY;
import static sprocket.api.sys.IpcFlags.SHM_STAT;

import org.junit.jupiter.api.Test;
import sprocket.api.kernel.Credentials;
import sprocket.api.sys.IpcPerm;
import sprocket.api.sys.ShmidDs;
import sprocket.api.vm.Segment;

class SharedMemoryTest {

    private static final Credentials OTHER = new Credentials(200, 200, 30, 30, 022);
    private static final Credentials GROUP_MEMBER = new Credentials(201, 201, 21, 21, 022);
    private static final Credentials ROOT = new Credentials(0, 0, 0, 0, 022);

    private final FakeKernel kernel = new FakeKernel();
    private SysvCalls ipc;

    private SysvCalls ipc() {
        if (ipc == null) ipc = new SysvCalls((SysvIpc) new SysvIpcProvider().create(kernel.context()));
        return ipc;
    }

    private int newSegment(long size, int mode) {
        int id = ipc().shmget(IPC_PRIVATE, size, mode);
        assertThat(id).isNotNegative();
        return id;
    }

    /** shmat's IPC half as the kernel runs it: the check, the memory manager's attach, then attached. */
    private FakeMemory.FakeSegment attach(int id, int flg) {
        Segment s = ipc().shmat(id, flg);
        assertThat(s).isNotNull();
        var f = (FakeMemory.FakeSegment) s;
        f.attach();
        ipc().attached(s);
        return f;
    }

    /** shmat's errno, with no segment handed over. */
    private int attachError(int id, int flg) {
        return -SysvCalls.call(() -> {
            ipc().shmat(id, flg);
            return 0;
        });
    }

    private void detach(FakeMemory.FakeSegment s) {
        s.detach();
        ipc().detached(s);
    }

    private ShmidDs stat(int id) {
        var buf = new ShmidDs[1];
        assertThat(ipc().shmctl(id, IPC_STAT, buf)).isZero();
        return buf[0];
    }

    // ---- shmget

    @Test
    void shmget_makes_private_segments_finds_keys_and_reports_eexist_enoent_enospc() {
        kernel.tunables.put(IpcLimits.SHMMNI, 3L);
        assertThat(newSegment(4096, 0600)).isNotEqualTo(newSegment(4096, 0600));
        assertThat(ipc().shmget(7, 4096, 0600)).isEqualTo(-ENOENT);
        int id = ipc().shmget(7, 4096, IPC_CREAT | 0600);
        assertThat(id).isNotNegative();
        assertThat(ipc().shmget(7, 4096, 0600)).isEqualTo(id);
        assertThat(ipc().shmget(7, 4096, IPC_CREAT | 0600)).isEqualTo(id);
        assertThat(ipc().shmget(7, 4096, IPC_CREAT | IPC_EXCL | 0600)).isEqualTo(-EEXIST);
        // shmget(2): ENOSPC, "the system-imposed limit on the maximum number of allowed shared memory identifiers
        // system wide would be exceeded".
        assertThat(ipc().shmget(IPC_PRIVATE, 4096, 0600)).isEqualTo(-ENOSPC);
        assertThat(ipc().shmget(8, 4096, IPC_CREAT | 0600)).isEqualTo(-ENOSPC);
        assertThat(kernel.memory.segments).hasSize(3);
        assertThat(ipc().liveObjects()).isEqualTo(3);
    }

    @Test
    void a_new_segment_must_lie_within_shmmin_and_shmmax() {
        kernel.tunables.put(IpcLimits.SHMMIN, 16L);
        kernel.tunables.put(IpcLimits.SHMMAX, 1L << 20);
        // "size is less than the system-imposed minimum or greater than the system-imposed maximum"
        assertThat(ipc().shmget(IPC_PRIVATE, 15, 0600)).isEqualTo(-EINVAL);
        assertThat(ipc().shmget(IPC_PRIVATE, 0, 0600)).isEqualTo(-EINVAL);
        assertThat(ipc().shmget(IPC_PRIVATE, -1, 0600)).isEqualTo(-EINVAL);
        assertThat(ipc().shmget(3, (1 << 20) + 1, IPC_CREAT | 0600)).isEqualTo(-EINVAL);
        assertThat(kernel.memory.segments).isEmpty();
        assertThat(ipc().liveObjects()).isZero();
        assertThat(newSegment(16, 0600)).isNotNegative();
        assertThat(newSegment(1 << 20, 0600)).isNotNegative();
        assertThat(kernel.memory.segments).extracting(Segment::bytes).containsExactly(16L, 1L << 20);
    }

    @Test
    void the_default_limits_are_one_byte_to_16m_in_100_segments() {
        assertThat(ipc().shmget(IPC_PRIVATE, 1, 0600)).isNotNegative();
        assertThat(ipc().shmget(IPC_PRIVATE, 16L << 20, 0600)).isNotNegative();
        assertThat(ipc().shmget(IPC_PRIVATE, (16L << 20) + 1, 0600)).isEqualTo(-EINVAL);
        for (int i = 2; i < 100; i++) assertThat(ipc().shmget(IPC_PRIVATE, 1, 0600)).isNotNegative();
        assertThat(ipc().shmget(IPC_PRIVATE, 1, 0600)).isEqualTo(-ENOSPC);
    }

    @Test
    void an_existing_segment_is_named_by_any_size_up_to_its_own() {
        int id = ipc().shmget(9, 8192, IPC_CREAT | 0600);
        assertThat(ipc().shmget(9, 0, 0)).isEqualTo(id);
        assertThat(ipc().shmget(9, 100, 0)).isEqualTo(id);
        assertThat(ipc().shmget(9, 8192, 0)).isEqualTo(id);
        // "a shared memory identifier exists for key but the size of the segment associated with it is less than
        // size and size is not equal to zero"
        assertThat(ipc().shmget(9, 8193, 0)).isEqualTo(-EINVAL);
        assertThat(ipc().shmget(9, 8193, IPC_CREAT | 0600)).isEqualTo(-EINVAL);
        assertThat(kernel.memory.segments).hasSize(1);
    }

    @Test
    void shmget_fails_with_enomem_when_the_memory_manager_has_no_room_and_takes_no_slot() {
        kernel.tunables.put(IpcLimits.SHMMNI, 1L);
        kernel.memory.freeBytes = 4096;
        assertThat(ipc().shmget(IPC_PRIVATE, 8192, 0600)).isEqualTo(-ENOMEM);
        assertThat(ipc().liveObjects()).isZero();
        assertThat(newSegment(4096, 0600)).isNotNegative();
        assertThat(kernel.memory.cpus).containsOnly(0);
    }

    @Test
    void shmget_of_an_existing_key_checks_the_access_the_flags_ask_for() {
        int id = ipc().shmget(11, 4096, IPC_CREAT | 0640);
        kernel.as(7, GROUP_MEMBER, () -> {
            assertThat(ipc().shmget(11, 0, 0040)).isEqualTo(id);
            assertThat(ipc().shmget(11, 0, 0060)).isEqualTo(-EACCES);
        });
        kernel.as(8, OTHER, () -> assertThat(ipc().shmget(11, 0, 0004)).isEqualTo(-EACCES));
        kernel.as(9, ROOT, () -> assertThat(ipc().shmget(11, 0, 0666)).isEqualTo(id));
    }

    // ---- shmat

    @Test
    void shmat_of_an_unknown_identifier_fails_with_einval() {
        assertThat(attachError(12345, 0)).isEqualTo(EINVAL);
        assertThat(attachError(-1, 0)).isEqualTo(EINVAL);
        int id = newSegment(4096, 0600);
        assertThat(attachError(id + 1, 0)).isEqualTo(EINVAL);
    }

    @Test
    void shmat_needs_read_for_shm_rdonly_and_read_and_write_otherwise() {
        int readOnly = newSegment(4096, 0444);
        assertThat(attach(readOnly, SHM_RDONLY)).isNotNull();
        // shmat(2): EACCES, "operation permission is denied to the calling process".
        assertThat(attachError(readOnly, 0)).isEqualTo(EACCES);
        int writeOnly = newSegment(4096, 0200);
        assertThat(attachError(writeOnly, SHM_RDONLY)).isEqualTo(EACCES);
        assertThat(attachError(writeOnly, 0)).isEqualTo(EACCES);

        int shared = newSegment(4096, 0664);
        kernel.as(7, GROUP_MEMBER, () -> assertThat(attach(shared, 0)).isNotNull());
        kernel.as(8, OTHER, () -> {
            assertThat(attach(shared, SHM_RDONLY)).isNotNull();
            assertThat(attachError(shared, 0)).isEqualTo(EACCES);
        });
        int none = newSegment(4096, 0);
        kernel.as(9, ROOT, () -> assertThat(attach(none, 0)).isNotNull());
        assertThat(kernel.memory.segments).extracting(Segment::attachments).containsExactly(1, 0, 2, 1);
    }

    @Test
    void attach_and_detach_record_the_last_process_and_times() {
        kernel.clock = 2_000;
        int id = newSegment(10_000, 0666);
        ShmidDs fresh = stat(id);
        assertThat(fresh.segsz()).isEqualTo(10_000);
        assertThat(fresh.cpid()).isEqualTo(FakeKernel.PID);
        assertThat(fresh.lpid()).isZero();
        assertThat(fresh.nattch()).isZero();
        assertThat(fresh.atime()).isZero();
        assertThat(fresh.dtime()).isZero();
        assertThat(fresh.ctime()).isEqualTo(2);
        assertThat(fresh.perm()).isEqualTo(new IpcPerm(IPC_PRIVATE, 101, 21, 101, 21, 0666, 1));

        kernel.clock = 5_000;
        var held = new FakeMemory.FakeSegment[2];
        kernel.as(7, OTHER, () -> held[0] = attach(id, 0));
        kernel.clock = 9_000;
        kernel.as(8, OTHER, () -> held[1] = attach(id, SHM_RDONLY));
        ShmidDs twice = stat(id);
        assertThat(twice.nattch()).isEqualTo(2);
        assertThat(twice.lpid()).isEqualTo(8);
        assertThat(twice.atime()).isEqualTo(9);
        assertThat(twice.dtime()).isZero();

        kernel.clock = 12_000;
        kernel.as(7, OTHER, () -> detach(held[0]));
        ShmidDs once = stat(id);
        assertThat(once.nattch()).isEqualTo(1);
        assertThat(once.lpid()).isEqualTo(7);
        assertThat(once.atime()).isEqualTo(9);
        assertThat(once.dtime()).isEqualTo(12);
        assertThat(once.cpid()).isEqualTo(FakeKernel.PID);
    }

    @Test
    void a_fork_counts_as_an_attachment_though_no_shmat_was_made() {
        int id = newSegment(4096, 0600);
        var s = attach(id, 0);
        s.attach(); // the child's address space shares it
        assertThat(stat(id).nattch()).isEqualTo(2);
    }

    // ---- IPC_RMID

    @Test
    void removing_an_attached_segment_takes_its_identifier_at_once_and_its_memory_at_the_last_detach() {
        int id = ipc().shmget(21, 4096, IPC_CREAT | 0600);
        var a = attach(id, 0);
        kernel.as(7, kernel.credentials, () -> attach(id, 0));
        assertThat(ipc().shmctl(id, IPC_RMID, null)).isZero();
        // "the segment goes when the last process detaches, and no new attach finds it"
        assertThat(attachError(id, 0)).isEqualTo(EINVAL);
        assertThat(ipc().shmctl(id, IPC_STAT, new ShmidDs[1])).isEqualTo(-EINVAL);
        assertThat(ipc().shmctl(id, IPC_RMID, null)).isEqualTo(-EINVAL);
        assertThat(ipc().shmget(21, 0, 0)).isEqualTo(-ENOENT);
        assertThat(ipc().liveObjects()).isZero();
        assertThat(a.removed).isTrue();
        assertThat(a.freed).isFalse();

        detach(a);
        assertThat(a.freed).isFalse();
        detach(a);
        assertThat(a.freed).isTrue();

        int again = ipc().shmget(21, 4096, IPC_CREAT | IPC_EXCL | 0600);
        assertThat(again).isNotNegative().isNotEqualTo(id);
        assertThat(kernel.memory.segments).hasSize(2);
    }

    @Test
    void removing_an_unattached_segment_frees_it_at_once() {
        int id = newSegment(4096, 0600);
        assertThat(ipc().shmctl(id, IPC_RMID, null)).isZero();
        assertThat(kernel.memory.segments.get(0).freed).isTrue();
        assertThat(kernel.memory.cpus).containsOnly(0);
    }

    @Test
    void only_the_owner_the_creator_or_root_may_remove_or_change_a_segment() {
        int id = newSegment(4096, 0666);
        var perm = new IpcPerm(IPC_PRIVATE, 300, 31, 0, 0, 0644, 0);
        var buf = new ShmidDs[] {new ShmidDs(perm, 0, 0, 0, 0, 0, 0, 0)};
        // shmctl(2): EPERM, "cmd is equal to IPC_RMID or IPC_SET and the effective user ID of the calling process
        // is not equal to that of super user, or to the value of shm_perm.cuid or shm_perm.uid".
        kernel.as(8, OTHER, () -> {
            assertThat(ipc().shmctl(id, IPC_RMID, null)).isEqualTo(-EPERM);
            assertThat(ipc().shmctl(id, IPC_SET, buf)).isEqualTo(-EPERM);
        });
        kernel.clock = 7_000;
        assertThat(ipc().shmctl(id, IPC_SET, buf)).isZero();
        ShmidDs after = stat(id);
        assertThat(after.perm()).isEqualTo(new IpcPerm(IPC_PRIVATE, 300, 31, 101, 21, 0644, 1));
        assertThat(after.ctime()).isEqualTo(7);
        // The creator still may, though no longer the owner; so does the new owner, and root.
        assertThat(ipc().shmctl(id, IPC_SET, buf)).isZero();
        var newOwner = new Credentials(300, 300, 31, 31, 022);
        kernel.as(9, newOwner, () -> assertThat(ipc().shmctl(id, IPC_SET, buf)).isZero());
        kernel.as(10, ROOT, () -> assertThat(ipc().shmctl(id, IPC_RMID, null)).isZero());
        assertThat(ipc().liveObjects()).isZero();
    }

    @Test
    void ipc_set_takes_only_the_low_nine_mode_bits_and_needs_a_buffer() {
        int id = newSegment(4096, 0600);
        var buf = new ShmidDs[] {new ShmidDs(new IpcPerm(0, 100, 20, 0, 0, 07777, 0), 0, 0, 0, 0, 0, 0, 0)};
        assertThat(ipc().shmctl(id, IPC_SET, buf)).isZero();
        assertThat(stat(id).perm().mode()).isEqualTo(0777);
        assertThat(ipc().shmctl(id, IPC_SET, null)).isEqualTo(-EFAULT);
        assertThat(ipc().shmctl(id, IPC_SET, new ShmidDs[1])).isEqualTo(-EFAULT);
    }

    // ---- IPC_STAT, SHM_STAT

    @Test
    void ipc_stat_needs_read_permission_a_buffer_and_a_known_command() {
        int id = newSegment(4096, 0600);
        kernel.as(8, OTHER, () -> assertThat(ipc().shmctl(id, IPC_STAT, new ShmidDs[1])).isEqualTo(-EACCES));
        assertThat(ipc().shmctl(id, IPC_STAT, null)).isEqualTo(-EFAULT);
        assertThat(ipc().shmctl(id, 99, new ShmidDs[1])).isEqualTo(-EINVAL);
        assertThat(ipc().shmctl(id + 1, IPC_STAT, new ShmidDs[1])).isEqualTo(-EINVAL);
    }

    @Test
    void shm_stat_walks_the_live_segments_by_index() {
        int a = newSegment(100, 0644);
        int b = newSegment(200, 0600);
        int c = newSegment(300, 0644);
        assertThat(ipc().shmctl(b, IPC_RMID, null)).isZero();
        var buf = new ShmidDs[1];
        assertThat(ipc().shmctl(0, SHM_STAT, buf)).isEqualTo(a);
        assertThat(buf[0].segsz()).isEqualTo(100);
        assertThat(ipc().shmctl(1, SHM_STAT, buf)).isEqualTo(c);
        assertThat(buf[0].segsz()).isEqualTo(300);
        assertThat(ipc().shmctl(2, SHM_STAT, buf)).isEqualTo(-EINVAL);
        assertThat(ipc().shmctl(-1, SHM_STAT, buf)).isEqualTo(-EINVAL);
        assertThat(ipc().shmctl(0, SHM_STAT, null)).isEqualTo(-EFAULT);
        int d = newSegment(400, 0600);
        kernel.as(8, OTHER, () -> {
            assertThat(ipc().shmctl(0, SHM_STAT, new ShmidDs[1])).isEqualTo(a);
            assertThat(ipc().shmctl(1, SHM_STAT, new ShmidDs[1])).isEqualTo(-EACCES);
        });
        assertThat(d).isNotNegative();
    }

    @Test
    void live_objects_count_segments_with_semaphores_and_queues() {
        newSegment(4096, 0600);
        assertThat(ipc().semget(IPC_PRIVATE, 1, 0600)).isNotNegative();
        assertThat(ipc().msgget(IPC_PRIVATE, 0600)).isNotNegative();
        assertThat(ipc().liveObjects()).isEqualTo(3);
    }

    @Test
    void a_shutdown_removes_every_object_left_and_a_segment_attached_nowhere_is_freed() {
        int kept = newSegment(4096, 0600);
        ipc().msgget(IPC_PRIVATE, IPC_CREAT | 0600);
        ipc().semget(IPC_PRIVATE, 3, IPC_CREAT | 0600);
        assertThat(kept).isNotNegative();
        assertThat(ipc().liveObjects()).isEqualTo(3);
        assertThat(ipc().shutdown()).isEqualTo(3);
        assertThat(ipc().liveObjects()).isZero();
        assertThat(kernel.memory.segments).singleElement().satisfies(s -> assertThat(s.freed).isTrue());
        assertThat(ipc().shmctl(kept, IPC_STAT, new ShmidDs[1])).isEqualTo(-EINVAL);
    }
}
