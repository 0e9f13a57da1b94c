package sprocket.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.Errno.E2BIG;
import static sprocket.api.Errno.EACCES;
import static sprocket.api.Errno.EAGAIN;
import static sprocket.api.Errno.EEXIST;
import static sprocket.api.Errno.EIDRM;
import static sprocket.api.Errno.EINTR;
import static sprocket.api.Errno.EINVAL;
import static sprocket.api.Errno.ENOENT;
import static sprocket.api.Errno.ENOMSG;
import static sprocket.api.Errno.ENOSPC;
import static sprocket.api.Errno.EPERM;
import static sprocket.api.sys.IpcFlags.IPC_CREAT;
import static sprocket.api.sys.IpcFlags.IPC_EXCL;
import static sprocket.api.sys.IpcFlags.IPC_NOWAIT;
import static sprocket.api.sys.IpcFlags.IPC_PRIVATE;
import static sprocket.api.sys.IpcFlags.IPC_RMID;
import static sprocket.api.sys.IpcFlags.IPC_SET;
import static sprocket.api.sys.IpcFlags.IPC_STAT;
import static sprocket.api.sys.IpcFlags.MSG_NOERROR;
import static sprocket.api.sys.IpcFlags.MSG_STAT;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sprocket.api.kernel.Credentials;
import sprocket.api.sys.IpcPerm;
import sprocket.api.sys.MsqidDs;

class MessageQueuesTest {

    private static final Credentials OTHER = new Credentials(200, 200, 30, 30, 022);
    private static final Credentials GROUP_MEMBER = new Credentials(201, 201, 21, 21, 022);
    private static final Credentials ROOT = new Credentials(0, 0, 0, 0, 022);

    private final FakeKernel kernel = new FakeKernel();
    private SysvCalls ipc;

    private SysvCalls ipc() {
        if (ipc == null) ipc = new SysvCalls((SysvIpc) new SysvIpcProvider().create(kernel.context()));
        return ipc;
    }

    private int newQueue() {
        int id = ipc().msgget(IPC_PRIVATE, 0600);
        assertThat(id).isNotNegative();
        return id;
    }

    private int send(int id, long type, String text, int flg) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        return ipc().msgsnd(id, type, b, b.length, flg);
    }

    /** Receives one message as "type:text", or the negative errno as a number. */
    private String receive(int id, long msgtyp, int maxlen, int flg) {
        var type = new long[1];
        var buf = new byte[Math.max(maxlen, 0) + 8];
        int n = ipc().msgrcv(id, type, buf, maxlen, msgtyp, flg);
        return n < 0 ? Integer.toString(n) : type[0] + ":" + new String(buf, 0, n, StandardCharsets.US_ASCII);
    }

    private MsqidDs stat(int id) {
        var buf = new MsqidDs[1];
        assertThat(ipc().msgctl(id, IPC_STAT, buf)).isZero();
        return buf[0];
    }

    // ---- msgget

    @Test
    void msgget_makes_private_queues_finds_keys_and_reports_eexist_enoent_enospc() {
        kernel.tunables.put(IpcLimits.MSGMNI, 3L);
        assertThat(newQueue()).isNotEqualTo(newQueue());
        assertThat(ipc().msgget(5, 0600)).isEqualTo(-ENOENT);
        int id = ipc().msgget(5, IPC_CREAT | 0600);
        assertThat(ipc().msgget(5, 0)).isEqualTo(id);
        assertThat(ipc().msgget(5, IPC_CREAT | IPC_EXCL | 0600)).isEqualTo(-EEXIST);
        // msgget(2): ENOSPC, "the system-imposed limit on the maximum number of allowed message queue
        // identifiers system wide would be exceeded".
        assertThat(ipc().msgget(IPC_PRIVATE, 0600)).isEqualTo(-ENOSPC);
        assertThat(ipc().liveObjects()).isEqualTo(3);
    }

    @Test
    void a_removed_queue_identifier_is_not_reused_at_once() {
        int first = newQueue();
        assertThat(ipc().msgctl(first, IPC_RMID, null)).isZero();
        int second = newQueue();
        assertThat(second).isEqualTo(first + 50); // MSGMNI slots: the same slot, the next sequence
        assertThat(send(first, 1, "x", 0)).isEqualTo(-EINVAL);
        assertThat(ipc().liveObjects()).isEqualTo(1);
    }

    // ---- msgsnd and msgrcv

    @Test
    void messages_come_out_in_order_with_their_types_and_the_queue_counts_them() {
        int id = newQueue();
        kernel.clock = 2 * FakeKernel.HZ;
        assertThat(send(id, 7, "hello", 0)).isZero();
        assertThat(send(id, 3, "world!", 0)).isZero();
        MsqidDs st = stat(id);
        assertThat(st.qnum()).isEqualTo(2);
        assertThat(st.cbytes()).isEqualTo(11);
        assertThat(st.qbytes()).isEqualTo(4096);
        assertThat(st.lspid()).isEqualTo(FakeKernel.PID);
        assertThat(st.stime()).isEqualTo(2);
        assertThat(st.rtime()).isZero();

        kernel.clock = 5 * FakeKernel.HZ;
        kernel.as(7, kernel.credentials, () -> assertThat(receive(id, 0, 100, 0)).isEqualTo("7:hello"));
        assertThat(receive(id, 0, 100, 0)).isEqualTo("3:world!");
        st = stat(id);
        assertThat(st.qnum()).isZero();
        assertThat(st.cbytes()).isZero();
        assertThat(st.lrpid()).isEqualTo(FakeKernel.PID);
        assertThat(st.rtime()).isEqualTo(5);
        assertThat(kernel.slept).isEmpty();
    }

    @Test
    void msgsnd_argument_errors() {
        int id = newQueue();
        // msgsnd(2): EINVAL, "mtype is less than 1" and "msgsz is less than zero or greater than the
        // system-imposed limit".
        assertThat(send(id, 0, "x", 0)).isEqualTo(-EINVAL);
        assertThat(send(id, -4, "x", 0)).isEqualTo(-EINVAL);
        assertThat(ipc().msgsnd(id, 1, new byte[2049], 2049, 0)).isEqualTo(-EINVAL);
        assertThat(ipc().msgsnd(id, 1, new byte[4], -1, 0)).isEqualTo(-EINVAL);
        assertThat(ipc().msgsnd(id, 1, new byte[2048], 2048, 0)).isZero();
        assertThat(ipc().msgsnd(id, 1, new byte[0], 0, 0)).as("an empty message").isZero();
        assertThat(stat(id).qnum()).isEqualTo(2);
    }

    @Test
    void typed_receive_picks_first_any_first_of_a_type_or_lowest_type_up_to_the_bound() {
        int id = newQueue();
        send(id, 3, "a", 0);
        send(id, 2, "b", 0);
        send(id, 5, "c", 0);
        send(id, 1, "d", 0);
        send(id, 2, "e", 0);
        send(id, 1, "f", 0);
        assertThat(receive(id, 4, 10, IPC_NOWAIT)).as("no message of type 4").isEqualTo("" + -ENOMSG);
        assertThat(receive(id, 2, 10, 0)).isEqualTo("2:b");
        // msgrcv(2): "the first message of the lowest type that is less than or equal to the absolute value".
        assertThat(receive(id, -3, 10, 0)).isEqualTo("1:d");
        assertThat(receive(id, -3, 10, 0)).isEqualTo("1:f");
        assertThat(receive(id, -3, 10, 0)).isEqualTo("2:e");
        assertThat(receive(id, -3, 10, 0)).isEqualTo("3:a");
        assertThat(receive(id, -3, 10, IPC_NOWAIT)).isEqualTo("" + -ENOMSG);
        assertThat(receive(id, Long.MIN_VALUE, 10, 0)).isEqualTo("5:c");
    }

    @Test
    void a_longer_message_fails_with_e2big_and_stays_unless_msg_noerror_truncates_it() {
        int id = newQueue();
        send(id, 1, "abcdefgh", 0);
        assertThat(receive(id, 0, 5, 0)).isEqualTo("" + -E2BIG);
        assertThat(stat(id).qnum()).isEqualTo(1);
        assertThat(receive(id, 0, 5, MSG_NOERROR)).isEqualTo("1:abcde");
        assertThat(stat(id).qnum()).as("the truncated part is lost").isZero();
        assertThat(receive(id, 0, -1, 0)).isEqualTo("" + -EINVAL);
    }

    @Test
    void a_receiver_sleeps_through_messages_of_other_types_until_its_own_arrives() {
        int id = newQueue();
        kernel.thenOther(() -> send(id, 1, "no", 0)).thenOther(() -> send(id, 2, "yes", 0));
        assertThat(receive(id, 2, 10, 0)).isEqualTo("2:yes");
        assertThat(kernel.slept).hasSize(2);
        assertThat(kernel.woken).containsExactlyElementsOf(kernel.slept);
        assertThat(stat(id).qnum()).isEqualTo(1);
    }

    @Test
    void a_full_queue_blocks_the_sender_until_a_receive_makes_room_or_fails_with_eagain() {
        kernel.tunables.put(IpcLimits.MSGMNB, 10L);
        int id = newQueue();
        assertThat(send(id, 1, "123456", 0)).isZero();
        assertThat(send(id, 1, "12345", IPC_NOWAIT)).isEqualTo(-EAGAIN);
        List<String> got = new ArrayList<>();
        kernel.thenOther(() -> kernel.as(7, kernel.credentials, () -> got.add(receive(id, 0, 10, 0))));
        assertThat(send(id, 2, "12345", 0)).isZero();
        assertThat(got).containsExactly("1:123456");
        assertThat(kernel.woken).extracting(Object::toString).containsExactly("msq#" + id + ".room");
        assertThat(stat(id).lrpid()).isEqualTo(7);
    }

    @Test
    void past_msgtql_messages_system_wide_a_sender_waits_though_its_queue_has_room() {
        kernel.tunables.put(IpcLimits.MSGTQL, 2L);
        int a = newQueue();
        int b = newQueue();
        send(a, 1, "x", 0);
        send(b, 1, "y", 0);
        assertThat(send(b, 1, "z", IPC_NOWAIT)).isEqualTo(-EAGAIN);
        kernel.thenOther(() -> receive(a, 0, 10, 0));
        assertThat(send(b, 1, "z", 0)).isZero();
        assertThat(stat(b).qnum()).isEqualTo(2);
    }

    @Test
    void removing_a_queue_fails_its_sleeping_receivers_and_senders_with_eidrm() {
        kernel.tunables.put(IpcLimits.MSGMNB, 4L);
        int id = newQueue();
        int[] sender = new int[1];
        send(id, 9, "full", 0);
        kernel.thenOther(() -> kernel.as(7, kernel.credentials, () -> sender[0] = send(id, 1, "more", 0)))
                .thenOther(() -> assertThat(ipc().msgctl(id, IPC_RMID, null)).isZero());
        assertThat(receive(id, 3, 10, 0)).isEqualTo("" + -EIDRM);
        assertThat(sender[0]).isEqualTo(-EIDRM);
        assertThat(kernel.woken).containsExactlyInAnyOrderElementsOf(kernel.slept);
        assertThat(ipc().liveObjects()).isZero();
    }

    @Test
    void a_signal_while_waiting_fails_with_eintr() {
        int id = newQueue();
        kernel.thenSignal();
        assertThat(receive(id, 0, 10, 0)).isEqualTo("" + -EINTR);
        assertThat(kernel.allSleepsUsed()).isTrue();
    }

    // ---- msgctl

    @Test
    void ipc_set_changes_owner_mode_and_qbytes_and_only_root_may_raise_qbytes() {
        int id = ipc().msgget(3, IPC_CREAT | 0600);
        var perm = new IpcPerm(0, 101, 21, 0, 0, 0640, 0);
        var raise = new MsqidDs[] {new MsqidDs(perm, 0, 8192, 0, 0, 0, 0, 0, 0)};
        var lower = new MsqidDs[] {new MsqidDs(perm, 0, 1000, 0, 0, 0, 0, 0, 0)};
        // msgctl(2): EPERM, "an attempt is being made to increase to the value of msg_qbytes, and the
        // effective user ID of the calling process is not equal to that of super user".
        assertThat(ipc().msgctl(id, IPC_SET, raise)).isEqualTo(-EPERM);
        assertThat(stat(id).qbytes()).isEqualTo(4096);
        assertThat(ipc().msgctl(id, IPC_SET, lower)).isZero();
        assertThat(stat(id).qbytes()).isEqualTo(1000);
        assertThat(stat(id).perm().mode()).isEqualTo(0640);
        kernel.as(7, OTHER, () -> assertThat(ipc().msgctl(id, IPC_SET, lower)).isEqualTo(-EPERM));
        kernel.as(7, OTHER, () -> assertThat(ipc().msgctl(id, IPC_RMID, null)).isEqualTo(-EPERM));
        kernel.as(0, ROOT, () -> assertThat(ipc().msgctl(id, IPC_SET, raise)).isZero());
        assertThat(stat(id).qbytes()).isEqualTo(8192);
        assertThat(ipc().msgctl(id, 99, null)).isEqualTo(-EINVAL);
    }

    @Test
    void permissions_for_a_user_who_is_neither_owner_nor_root() {
        int id = ipc().msgget(4, IPC_CREAT | 0640);
        send(id, 1, "one", 0);
        kernel.as(7, OTHER, () -> {
            assertThat(ipc().msgget(4, 0200)).isEqualTo(-EACCES);
            assertThat(send(id, 1, "x", 0)).isEqualTo(-EACCES);
            assertThat(receive(id, 0, 10, 0)).isEqualTo("" + -EACCES);
            assertThat(ipc().msgctl(id, IPC_STAT, new MsqidDs[1])).isEqualTo(-EACCES);
        });
        kernel.as(8, GROUP_MEMBER, () -> {
            assertThat(send(id, 1, "x", 0)).isEqualTo(-EACCES);
            assertThat(receive(id, 0, 10, 0)).isEqualTo("1:one");
        });
        kernel.as(9, ROOT, () -> assertThat(send(id, 1, "x", 0)).isZero());
    }

    @Test
    void msg_stat_walks_the_live_queues_by_index() {
        int a = newQueue();
        int b = newQueue();
        send(b, 1, "xyz", 0);
        var buf = new MsqidDs[1];
        assertThat(ipc().msgctl(0, MSG_STAT, buf)).isEqualTo(a);
        assertThat(ipc().msgctl(1, MSG_STAT, buf)).isEqualTo(b);
        assertThat(buf[0].cbytes()).isEqualTo(3);
        assertThat(ipc().msgctl(2, MSG_STAT, buf)).isEqualTo(-EINVAL);
    }
}
