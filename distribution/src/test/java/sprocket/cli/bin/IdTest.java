package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** id(1) and whoami(1): the process's ids, named from /etc/passwd and /etc/group when they have them. */
class IdTest {

    private final FakeSys.Machine machine = new FakeSys.Machine();

    private void files() {
        machine.files.file("/etc/passwd", "root:x:0:0:Super-User:/:/bin/sh\nann:x:100:10:Ann:/home/ann:/bin/sh\n");
        machine.files.file("/etc/group", "sys:x:0:root\nstaff:x:10:\nwheel:x:20:ann\n");
    }

    private String id(String... args) {
        machine.stdout.reset();
        assertThat(Programs.run(machine, new Id(), args)).as(machine.err()).isZero();
        return machine.out();
    }

    @Test
    void without_the_files_id_writes_numbers_and_whoami_fails() {
        machine.uid = machine.euid = 100;
        machine.gid = machine.egid = 10;
        assertThat(id()).isEqualTo("uid=100 gid=10 groups=10\n");
        assertThat(Programs.run(machine, new Whoami())).isEqualTo(1);
        assertThat(machine.err()).isEqualTo("whoami: no login associated with uid 100\n");
    }

    @Test
    void names_come_from_passwd_and_group_and_effective_ids_show_where_they_differ() {
        files();
        assertThat(id()).isEqualTo("uid=0(root) gid=0(sys) groups=0(sys)\n");
        machine.uid = 100;
        machine.gid = 10;
        assertThat(id()).isEqualTo("uid=100(ann) gid=10(staff) euid=0(root) egid=0(sys) groups=0(sys),10(staff)\n");
        assertThat(id("-un")).isEqualTo("root\n");
        assertThat(id("-unr")).isEqualTo("ann\n");
        assertThat(id("-G")).isEqualTo("0 10\n");
        machine.stdout.reset();
        assertThat(Programs.run(machine, new Whoami())).isZero();
        assertThat(machine.out()).isEqualTo("root\n");
    }

    @Test
    void the_groups_of_the_process_are_its_effective_real_and_supplementary_ones_each_once() {
        // id(1): "-G Output all different group IDs (effective, real, and supplementary)".
        files();
        machine.uid = machine.euid = 100;
        machine.gid = machine.egid = 10;
        machine.groups = new int[] {10, 20, 33};
        assertThat(id()).isEqualTo("uid=100(ann) gid=10(staff) groups=10(staff),20(wheel),33\n");
        assertThat(id("-G")).isEqualTo("10 20 33\n");
    }

    @Test
    void a_user_operand_gives_that_users_ids_and_groups_from_the_files() {
        files();
        assertThat(id("ann")).isEqualTo("uid=100(ann) gid=10(staff) groups=10(staff),20(wheel)\n");
        assertThat(id("-Gn", "ann")).isEqualTo("staff wheel\n");
        assertThat(id("-g", "100")).isEqualTo("10\n");
        assertThat(Programs.run(machine, new Id(), "nobody")).isEqualTo(1);
        assertThat(machine.err()).isEqualTo("id: nobody: no such user\n");
    }

    @Test
    void a_name_that_cannot_be_found_is_an_error_and_options_that_need_another_are_usage_errors() {
        machine.euid = 7;
        assertThat(Programs.run(machine, new Id(), "-un")).isEqualTo(1);
        assertThat(machine.out()).isEqualTo("7\n");
        assertThat(Programs.run(machine, new Id(), "-n")).isEqualTo(2);
        assertThat(Programs.run(machine, new Id(), "-u", "-g")).isEqualTo(2);
        assertThat(machine.err()).startsWith("id: cannot find name for user ID 7\nusage: id");
    }
}
