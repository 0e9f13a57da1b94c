package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.sys.IpcPerm;
import sprocket.api.sys.MsqidDs;
import sprocket.api.sys.SemidDs;
import sprocket.api.sys.ShmidDs;
import sprocket.libc.Strtol;

class IpcrmTest {

    private final FakeSys.Machine machine = new FakeSys.Machine();

    private int ipcrm(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "ipcrm";
        System.arraycopy(args, 0, argv, 1, args.length);
        return new Ipcrm().main(machine.process(), argv);
    }

    private void queue(int id, long key) {
        machine.queues.put(id, new MsqidDs(new IpcPerm(key, 0, 0, 0, 0, 0600, 0), 0, 4096, 0, 0, 0, 0, 0, 0));
    }

    private void set(int id, long key) {
        machine.semaphores.put(id, new SemidDs(new IpcPerm(key, 0, 0, 0, 0, 0600, 0), 1, 0, 0));
    }

    private void segment(int id, long key) {
        machine.segments.put(id, new ShmidDs(new IpcPerm(key, 0, 0, 0, 0, 0600, 0), 4096, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void objects_named_by_id_or_by_key_are_removed_in_command_line_order() {
        queue(3, 77);
        queue(4, 78);
        set(5, 0x4d2);
        set(6, 99);
        assertThat(ipcrm("-q", "3", "-S", "0x4d2", "-s6", "-Q", "78")).isZero();
        assertThat(machine.removals).containsExactly("q3", "s5", "s6", "q4");
        assertThat(machine.queues).isEmpty();
        assertThat(machine.semaphores).isEmpty();
        assertThat(machine.err()).isEmpty();
    }

    @Test
    void shared_memory_is_removed_by_m_shmid_and_by_m_shmkey() {
        // ipcrm(1): "-m shmid  Remove the shared memory identifier shmid"; "-M shmkey  ... created with key shmkey".
        segment(100, 0);
        segment(101, 0x4d2);
        queue(3, 0x4d2);
        assertThat(ipcrm("-m", "100", "-M", "0x4d2")).isZero();
        assertThat(machine.removals).containsExactly("m100", "m101");
        assertThat(machine.segments).isEmpty();
        assertThat(machine.queues).containsOnlyKeys(3);
        assertThat(ipcrm("-m100", "-M", "1234")).isEqualTo(1);
        assertThat(machine.err()).isEqualTo("ipcrm: shmid(100): not found\nipcrm: shmkey(1234): not found\n");
    }

    @Test
    void each_failure_is_reported_as_svr4_ipcrm_does_and_the_rest_are_still_removed() {
        queue(3, 77);
        set(5, 55);
        machine.rmidErrors.put(5, Errno.EPERM);
        assertThat(ipcrm("-q", "9", "-Q", "1234", "-s", "5", "-q", "3")).isEqualTo(1);
        assertThat(machine.queues).isEmpty();
        assertThat(machine.err()).isEqualTo("ipcrm: msqid(9): not found\n"
                + "ipcrm: msgkey(1234): not found\n"
                + "ipcrm: semid(5): permission denied\n");
    }

    @Test
    void an_error_ipcrm_has_no_words_for_is_reported_with_its_errno_message() {
        set(5, 55);
        machine.rmidErrors.put(5, Errno.EACCES);
        assertThat(ipcrm("-S", "55")).isEqualTo(1);
        assertThat(machine.err()).isEqualTo("ipcrm: semkey(55): Permission denied\n");
    }

    @Test
    void ipc_private_names_no_object_and_is_refused_as_a_key() {
        queue(0, 0);
        assertThat(ipcrm("-Q", "0")).isEqualTo(1);
        assertThat(machine.removals).isEmpty();
        assertThat(machine.err()).isEqualTo("ipcrm: illegal key: 0\n");
    }

    @Test
    void a_usage_error_removes_nothing_and_exits_2() {
        queue(3, 77);
        assertThat(ipcrm("-q", "3", "-x", "1")).isEqualTo(2);
        assertThat(ipcrm("-q", "3", "-s")).isEqualTo(2);
        assertThat(ipcrm("-q", "3x")).isEqualTo(2);
        assertThat(ipcrm("-Q", "0xg")).isEqualTo(2);
        assertThat(ipcrm("-q", "3", "extra")).isEqualTo(2);
        assertThat(ipcrm()).isEqualTo(2);
        assertThat(machine.removals).isEmpty();
        assertThat(machine.err()).contains("ipcrm: illegal option -- x\n", "ipcrm: option requires an argument -- s\n",
                "ipcrm: 3x: not an id\n", "ipcrm: 0xg: not a key\n",
                "usage: ipcrm [ [-q msqid] [-m shmid] [-s semid]\n\t[-Q msgkey] [-M shmkey] [-S semkey] ... ]\n");
    }

    @Test
    void keys_are_decimal_or_hexadecimal_as_ipcs_prints_them() {
        assertThat(Ipcrm.key("1234")).isEqualTo(1234);
        assertThat(Ipcrm.key("0x4D2")).isEqualTo(1234);
        assertThat(Ipcrm.key("-1")).isEqualTo(-1);
        assertThat(Ipcrm.key("0x")).isEqualTo(Strtol.BAD_NUMBER);
        assertThat(Ipcrm.key("12z")).isEqualTo(Strtol.BAD_NUMBER);
    }
}
