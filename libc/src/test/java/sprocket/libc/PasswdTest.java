package sprocket.libc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.sys.Sys;

/** getpwnam(3C), getpwuid(3C), getgrnam(3C), getgrgid(3C) and getgrouplist(3) over /etc/passwd and /etc/group. */
class PasswdTest {

    private static void write(Sys sys, String path, String text) {
        sys.mkdir("/etc", 0755);
        Stream w = Stream.fopen(sys, path, "w");
        w.fputs(text);
        w.fclose();
    }

    @Test
    void entries_are_found_by_name_and_id_and_malformed_lines_are_skipped() {
        var o = Machine.with().program("t", (sys, argv) -> {
            write(sys, "/etc/passwd", "root:x:0:0:Super-User:/:/bin/sh\nbroken line\nbad:x:abc:1::/:/bin/sh\n"
                    + "ann:x:100:10:Ann:/home/ann:/bin/sh\nbob:x:101:10::/home/bob:/bin/sh");
            write(sys, "/etc/group", "sys:x:0:root\nstaff:x:10:\nwheel:*:20:ann,bob\nusers::30:bob\n");
            Passwd ann = Passwd.getpwnam(sys, "ann");
            Passwd byId = Passwd.getpwuid(sys, 101);
            sys.errno(0);
            boolean none = Passwd.getpwnam(sys, "bad") == null && Passwd.getpwuid(sys, 7) == null && sys.errno() == 0;
            Group wheel = Group.getgrnam(sys, "wheel");
            Group staff = Group.getgrgid(sys, 10);
            List<Integer> bobs = Group.getgrouplist(sys, "bob", 10);
            Stdio.puts(sys, ann + "\n" + byId.name() + " " + byId.dir() + " " + none + "\n" + wheel + "\n"
                    + staff.name() + " " + staff.members() + " " + bobs);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("""
                Passwd[name=ann, passwd=x, uid=100, gid=10, gecos=Ann, dir=/home/ann, shell=/bin/sh]
                bob /home/bob true
                Group[name=wheel, passwd=*, gid=20, members=[ann, bob]]
                staff [] [10, 20, 30]
                """);
    }

    @Test
    void without_the_files_lookups_fail_with_ENOENT_and_the_group_list_is_the_users_own_group() {
        var o = Machine.with().program("t", (sys, argv) -> {
            sys.errno(0);
            boolean pw = Passwd.getpwuid(sys, 0) == null;
            String e1 = Errno.name(sys.errno());
            sys.errno(0);
            boolean gr = Group.getgrgid(sys, 0) == null;
            String e2 = Errno.name(sys.errno());
            Stdio.puts(sys, pw + " " + e1 + " " + gr + " " + e2 + " " + Group.getgrouplist(sys, "root", 0));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("true ENOENT true ENOENT [0]\n");
    }

    @Test
    void initgroups_sets_the_base_group_and_each_group_listing_the_user_up_to_NGROUPS_MAX() {
        var o = Machine.with().program("t", (sys, argv) -> {
            StringBuilder g = new StringBuilder("sys::0:root\nwheel::20:ann,bob\nusers::30:bob\n");
            for (int i = 0; i < 20; i++) g.append("g").append(i).append("::").append(40 + i).append(":carl\n");
            write(sys, "/etc/group", g.toString());
            int[] list = new int[32];
            StringBuilder out = new StringBuilder();
            out.append(Group.initgroups(sys, "bob", 10)).append(' ');
            int n = sys.getgroups(list.length, list);
            out.append(java.util.Arrays.toString(java.util.Arrays.copyOf(list, n))).append('\n');
            // initgroups(3C): "if the number of groups, including the basegid entry, exceeds {NGROUPS_MAX},
            // subsequent group entries are ignored."
            Group.initgroups(sys, "carl", 10);
            n = sys.getgroups(0, null);
            out.append(n).append(' ').append(sys.getgroups(list.length, list)).append(' ').append(list[15]).append('\n');
            // setgroups(2), which initgroups uses: "EPERM The effective user ID is not super-user."
            sys.setuid(100);
            out.append(Group.initgroups(sys, "bob", 10)).append(' ').append(sys.errno() == Errno.EPERM);
            Stdio.puts(sys, out.toString());
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("0 [10, 20, 30]\n16 16 54\n-1 true\n");
    }
}
