package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.sys.IpcPerm;
import sprocket.api.sys.MsqidDs;
import sprocket.api.sys.SemidDs;
import sprocket.api.sys.ShmidDs;
import sprocket.libc.Strerror;

class IpcsTest {

    private static final String QUEUES = Ipcs.HEADING + " CBYTES  QNUM QBYTES\nMessage Queues:\n";
    private static final String MEMORY = Ipcs.HEADING + " NATTCH  SEGSZ\nShared Memory:\n";
    private static final String SEMAPHORES = Ipcs.HEADING + " NSEMS\nSemaphores:\n";

    private final FakeSys.Machine machine = new FakeSys.Machine();

    private int ipcs(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "ipcs";
        System.arraycopy(args, 0, argv, 1, args.length);
        return new Ipcs().main(machine.process(), argv);
    }

    private static MsqidDs queue(long key, int mode, long qnum, long cbytes) {
        return new MsqidDs(new IpcPerm(key, 100, 20, 100, 20, mode, 0), qnum, 4096, cbytes, 0, 0, 0, 0, 0);
    }

    private static ShmidDs segment(long key, int mode, long segsz, int nattch) {
        return new ShmidDs(new IpcPerm(key, 100, 20, 100, 20, mode, 0), segsz, 7, 7, nattch, 0, 0, 0);
    }

    private static SemidDs set(long key, int mode, int nsems) {
        return new SemidDs(new IpcPerm(key, 0, 0, 0, 0, mode, 0), nsems, 0, 0);
    }

    @Test
    void with_no_objects_each_facility_prints_its_heading_and_no_rows() {
        machine.seconds = 3 * 86400 + 3661;
        assertThat(ipcs()).isZero();
        assertThat(machine.out()).isEqualTo("IPC status from <running system> as of Sun Jan  4 01:01:01 1970\n"
                + QUEUES + MEMORY + SEMAPHORES);
        assertThat(machine.err()).isEmpty();
    }

    @Test
    void rows_line_up_under_the_svr4_headings_with_the_ls_style_mode() {
        machine.queues.put(0, queue(0x4d2, 0666, 3, 120));
        machine.queues.put(65, queue(0, 0600, 0, 0));
        machine.semaphores.put(7, set(0xdeadbeefL, 0640, 4));
        assertThat(ipcs("-q", "-s")).isZero();
        assertThat(machine.out()).isEqualTo("IPC status from <running system> as of Thu Jan  1 00:00:00 1970\n"
                + QUEUES
                + "q          0   0x000004d2 --rw-rw-rw-      100       20    120     3   4096\n"
                + "q         65   0x00000000 --rw-------      100       20      0     0   4096\n"
                + SEMAPHORES
                + "s          7   0xdeadbeef --ra-r-----        0        0     4\n");
        // Each row is as wide as its heading: every column sits under its title.
        machine.out().lines().filter(l -> l.startsWith("q ")).forEach(l -> assertThat(l).hasSize(QUEUES.indexOf('\n')));
        machine.out().lines().filter(l -> l.startsWith("s ")).forEach(l -> assertThat(l).hasSize(SEMAPHORES.indexOf('\n')));
    }

    @Test
    void shared_memory_rows_show_the_attachments_and_the_segment_size_as_svr4_ipcs_m_o_b_does() {
        // SVR4 ipcs: heading " NATTCH  SEGSZ", rows "%7u%7d"; mode letters "DCrw-rw-rw-".
        machine.segments.put(100, segment(0, 0600, 4096, 2));
        machine.segments.put(201, segment(0x1234, 0644, 65536, 0));
        assertThat(ipcs("-m")).isZero();
        assertThat(machine.out()).isEqualTo("IPC status from <running system> as of Thu Jan  1 00:00:00 1970\n"
                + MEMORY
                + "m        100   0x00000000 --rw-------      100       20      2   4096\n"
                + "m        201   0x00001234 --rw-r--r--      100       20      0  65536\n");
        machine.out().lines().filter(l -> l.startsWith("m ")).forEach(l -> assertThat(l).hasSize(MEMORY.indexOf('\n')));
    }

    @Test
    void a_removed_segment_still_attached_shows_d_and_one_to_be_cleared_shows_c() {
        // ipcs(1): "D  the associated shared memory segment has been removed. It will disappear when the last
        // process attached to the segment detaches it"; "C  ... is to be cleared when the first attach is executed".
        machine.segments.put(1, segment(5, 03600, 4096, 1));
        assertThat(ipcs("-m")).isZero();
        assertThat(machine.out()).contains(" DCrw------- ");
    }

    @Test
    void a_waiting_sender_and_receiver_show_as_s_and_r_in_a_queues_mode() {
        // msg.h: MSG_WWAIT 02000, MSG_RWAIT 01000; SVR4 ipcs prints them with "SRrw-rw-rw-".
        machine.queues.put(1, queue(5, 03644, 0, 0));
        assertThat(ipcs("-q")).isZero();
        assertThat(machine.out()).contains(" SRrw-r--r-- ");
    }

    @Test
    void options_choose_the_facilities_and_may_be_combined() {
        machine.queues.put(1, queue(5, 0600, 0, 0));
        machine.semaphores.put(2, set(6, 0600, 1));
        assertThat(ipcs("-s")).isZero();
        assertThat(machine.out()).doesNotContain("Message Queues:").doesNotContain("Shared Memory").contains("Semaphores:\ns ");
        machine.segments.put(3, segment(7, 0600, 100, 0));
        assertThat(ipcs("-mq")).isZero();
        assertThat(machine.out()).contains("Message Queues:\nq ").contains("Shared Memory:\nm          3 ")
                .endsWith("Shared Memory:\nm          3   0x00000007 --rw-------      100       20      0    100\n");
    }

    @Test
    void an_object_the_caller_may_not_read_is_passed_over() {
        machine.queues.put(1, queue(5, 0600, 0, 0));
        machine.queues.put(2, queue(6, 0600, 0, 0));
        machine.statErrors.put(0, Errno.EACCES);
        assertThat(ipcs("-q")).isZero();
        assertThat(machine.out()).doesNotContain("0x00000005").contains("q          2   0x00000006");
    }

    @Test
    void an_unexpected_error_is_reported_and_the_status_is_1() {
        machine.semaphores.put(2, set(6, 0600, 1));
        machine.statErrors.put(0, Errno.EFAULT);
        assertThat(ipcs()).isEqualTo(1);
        assertThat(machine.err()).startsWith("ipcs: msgctl: ");
        assertThat(machine.out()).contains("Semaphores:\n");
    }

    @Test
    void an_unexpected_shmctl_error_is_reported_as_shmctl_and_the_status_is_1() {
        machine.segments.put(1, segment(5, 0600, 4096, 0));
        machine.statErrors.put(0, Errno.EFAULT);
        assertThat(ipcs("-m")).isEqualTo(1);
        assertThat(machine.err()).isEqualTo("ipcs: shmctl: " + Strerror.strerror(Errno.EFAULT) + "\n");
        assertThat(machine.out()).endsWith("Shared Memory:\n");
    }

    @Test
    void an_unknown_option_or_an_operand_is_a_usage_error() {
        assertThat(ipcs("-x")).isEqualTo(2);
        assertThat(ipcs("q")).isEqualTo(2);
        assertThat(machine.err()).isEqualTo("ipcs: illegal option -- x\nusage: ipcs [-mqs]\nusage: ipcs [-mqs]\n");
        assertThat(machine.out()).isEmpty();
    }

    @Test
    void a_key_prints_as_eight_hex_digits_of_a_32_bit_key_t() {
        assertThat(Ipcs.key(0)).isEqualTo("0x00000000");
        assertThat(Ipcs.key(-1)).isEqualTo("0xffffffff");
        assertThat(Ipcs.key(0x123456789aL)).isEqualTo("0x123456789a");
    }
}
