package sprocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The userland a Unix user expects, run as a user runs it: shell scripts through {@code sprocket run CONFIG sh -c},
 * on the real kernel of each machine, every program exec'd from /bin. The console shows standard output and error
 * as a terminal would.
 */
class UserlandProgramsTest {
    private static final List<String> MACHINES = List.of(RunCommandTest.IRIX, RunCommandTest.LINUX);

    /** /etc/passwd and /etc/group with root and two users, as /etc/rc will make them. */
    private static final String ETC = """
            mkdir /etc
            printf 'root:x:0:0:Super-User:/:/bin/sh\\nann:x:100:10:Ann:/home/ann:/bin/sh\\nbob:x:101:10::/home/bob:/bin/sh\\n' > /etc/passwd
            printf 'sys::0:root\\nstaff::10:\\nwheel::20:ann\\n' > /etc/group
            """;

    /** Runs {@code script} on each machine: the console of each, with sh's exit status after it. */
    private static List<String> consoles(String script) {
        List<String> out = new java.util.ArrayList<>();
        for (String config : MACHINES) {
            Invocation r = Invocation.sprocket("run", "--no-stats", config, "sh", "-c", script);
            assertThat(r.err()).as(config).isEmpty();
            out.add(r.out() + "[status " + r.status() + "]\n");
        }
        return out;
    }

    /** Runs {@code script} on each machine; the console, which must be the same on both. */
    private static String sh(String script) {
        List<String> c = consoles(script);
        assertThat(c.get(1)).as("the same on both machines").isEqualTo(c.get(0));
        return c.get(0);
    }

    @Test
    void id_and_whoami_name_the_ids_from_etc_passwd_and_chown_and_chgrp_take_those_names() {
        assertThat(sh(ETC + """
                id; whoami; id ann; id -Gn ann; id -u bob
                echo x > /tmp/f; echo y > /tmp/g
                chown ann:wheel /tmp/f; chgrp staff /tmp/g; chown bob: /tmp/g
                ls -l /tmp
                chown nobody /tmp/f; echo "status $?"
                chown -R 5:6 /tmp; ls -l /tmp | while read mode links user group rest; do echo "$user $group"; done
                """)).isEqualTo("""
                uid=0(root) gid=0(sys) groups=0(sys)
                root
                uid=100(ann) gid=10(staff) groups=10(staff),20(wheel)
                staff wheel
                101
                -rw-r--r--   1 100      20              2 Jan  1 00:00 f
                -rw-r--r--   1 101      10              2 Jan  1 00:00 g
                chown: nobody: unknown user
                status 1
                5 6
                5 6
                [status 0]
                """);
    }

    @Test
    void touch_cp_mv_and_mkfifo_make_copy_and_move_files_within_and_across_file_systems() {
        assertThat(sh("""
                touch /tmp/new; mkdir -p /tmp/t/u; echo deep > /tmp/t/u/f; ln -s f /tmp/t/u/l; mkfifo -m 600 /tmp/t/p
                sleep 120; touch /tmp/new; ls -l /tmp/new
                cp -R /tmp/t /tmp/copy; ls -l /tmp/copy/u; cat /tmp/copy/u/l
                cp /tmp/t/u/f /tmp/t/u/f; echo "status $?"
                cp -R /tmp/t /tmp/t/u; echo "status $?"
                mkdir /mnt; mount -t memfs scratch /mnt
                mv /tmp/t /mnt/moved; mv /tmp/new /mnt; ls /tmp; ls -l /mnt /mnt/moved
                mv /mnt/new /mnt/renamed; ls /mnt
                sleep 60; cp -p /mnt/renamed /tmp/kept; echo "status $?"; ls -l /mnt/renamed /tmp/kept
                """)).isEqualTo("""
                -rw-r--r--   1 0        0               0 Jan  1 00:02 /tmp/new
                -rw-r--r--   1 0        0               5 Jan  1 00:02 f
                lrwxrwxrwx   1 0        0               1 Jan  1 00:02 l -> f
                deep
                cp: /tmp/t/u/f and /tmp/t/u/f are identical (not copied)
                status 1
                cp: cannot copy a directory into itself: /tmp/t into /tmp/t/u/t
                status 1
                copy
                /mnt:
                drwxr-xr-x   3 0        0              64 Jan  1 00:00 moved
                -rw-r--r--   1 0        0               0 Jan  1 00:02 new

                /mnt/moved:
                prw-------   1 0        0               0 Jan  1 00:00 p
                drwxr-xr-x   2 0        0              64 Jan  1 00:00 u
                moved
                renamed
                status 0
                -rw-r--r--   1 0        0               0 Jan  1 00:02 /mnt/renamed
                -rw-r--r--   1 0        0               0 Jan  1 00:02 /tmp/kept
                [status 0]
                """);
    }

    @Test
    void tail_f_follows_a_file_and_the_i_options_ask_before_replacing_a_file() {
        assertThat(sh("""
                echo one > /tmp/log; tail -f /tmp/log & sleep 2; echo two >> /tmp/log; sleep 2; kill $!; wait
                echo a > /tmp/a; echo b > /tmp/b
                echo n | cp -i /tmp/a /tmp/b 2>&1; echo; cat /tmp/b
                echo y | mv -i /tmp/a /tmp/b 2>&1; echo; cat /tmp/b; ls /tmp
                ln -s b /tmp/l; chown -h 1 /tmp/l; touch -t 202601010000 /tmp/b; touch -c /tmp/none; ls /tmp
                ls -l /tmp/l /tmp/b; touch -d 1999-12-31T23:59:59 /tmp/b; ls -l /tmp/b; touch -t 13010000 /tmp/b
                """)).isEqualTo("""
                one
                two
                cp: overwrite /tmp/b?\s
                b
                mv: overwrite /tmp/b?\s
                a
                b
                log
                b
                l
                log
                -rw-r--r--   1 0        0               2 Jan  1  2026 /tmp/b
                lrwxrwxrwx   1 1        0               1 Jan  1 00:00 /tmp/l -> b
                -rw-r--r--   1 0        0               2 Dec 31  1999 /tmp/b
                touch: invalid date format '13010000'
                [status 1]
                """);
    }

    @Test
    void the_text_filters_work_in_pipelines_of_the_shell() {
        assertThat(sh(ETC + """
                cut -d: -f4 /etc/passwd | sort -n | uniq -c
                sort -t: -k3,3nr /etc/passwd | head -1 | cut -d: -f1
                seq 100 | tail -3 | tr 0-9 a-j
                seq 1000 | sort | head -n 2; yes no | head -2
                printf 'b\\na\\nb\\n' | sort -u | tr -d '\\n'; echo
                tail -n +2 /etc/group | wc -l
                """)).isEqualTo("""
                   1 0
                   2 10
                bob
                ji
                jj
                baa
                1
                10
                no
                no
                ab
                      2
                [status 0]
                """);
    }

    @Test
    void xargs_env_nice_time_and_test_exec_the_commands_they_are_given() {
        for (String console : consoles("""
                seq 5 | xargs -n 2 echo args; echo 'a b' | xargs -I{} echo '[{}]'
                seq 3 | xargs -s 9 echo; printf 'a b\\0c\\0' | xargs -0 -n 1 echo; printf 'a\\nSTOP\\nb\\n' | xargs -E STOP echo
                true | xargs -r echo never; true | xargs echo; echo "'q u' \\"d q\\" b\\\\ s" | xargs -t -n 1 echo 2>&1
                printf '/tmp\\n/nowhere\\n' | xargs -n 1 test -d; echo "xargs test $?"
                echo x | xargs false; echo "xargs false $?"
                echo x | xargs nosuch; echo "xargs nosuch $?"
                env -i HOME=/ LANG=C env; env -i /bin/env; env -u PATH X=1 /bin/sh -c 'echo "$X ${PATH-unset}"'
                nice; nice -n 5 nice; nice -3 /bin/nice; env nice -n 100 nice
                /bin/[ 2 -gt 1 ] && echo bracket; /bin/test -f /nowhere; echo "test $?"; /bin/[ 1; echo "[ $?"
                time -p burn 1 20000000 > /dev/null
                time nosuch; echo "time $?"
                renice -n 5 $$; echo "renice $?"; nice; renice 2 -g $$; nice; renice -n 1 -u 0; nice
                """)) {
            assertThat(console).startsWith("""
                    args 1 2
                    args 3 4
                    args 5
                    [a b]
                    1 2
                    3
                    a b
                    c
                    a

                    echo q u
                    q u
                    echo d q
                    d q
                    echo b s
                    b s
                    xargs test 123
                    xargs false 123
                    xargs: nosuch: not found
                    xargs nosuch 127
                    HOME=/
                    LANG=C
                    1 unset
                    0
                    5
                    3
                    19
                    bracket
                    test 1
                    [: missing ]
                    [ 2
                    """);
            // burn's 20 million cycles are user time, on each machine's clock; time's own real time includes them.
            assertThat(console).containsPattern("\nreal [0-9]+\\.[0-9]{2}\nuser [0-9]+\\.[0-9]{2}\nsys 0\\.[0-9]{2}\n"
                    + "time: nosuch: not found\nreal 0\\.00\nuser 0\\.00\nsys 0\\.00\ntime 127\n")
                    .doesNotContain("user 0.00\ntime: nosuch")
                    .endsWith("renice 0\n5\n2\n1\n[status 0]\n");
        }
    }

    @Test
    void date_tty_df_du_uptime_and_sar_say_what_the_kernel_gives_and_which_facility_is_missing() {
        assertThat(sh("""
                sleep 3725; date; date '+%H:%M %j'; tty; echo "tty $?"
                df -n; df /tmp | tail -n +2 | while read fs total used avail cap dir; do echo "$fs $dir $((used > 0)) $((total - used == avail))"; done
                df -k / > /dev/null; echo "df $?"; df /nowhere; echo "df $?"
                mkdir /tmp/d; echo 0123456789 > /tmp/d/f; du -a /tmp/d; du -sk /tmp
                uptime; echo "uptime $?"; sar -u 1 1; echo "sar $?"
                """)).isEqualTo("""
                Thu Jan  1 01:02:05 UTC 1970
                01:02 001
                not a tty
                tty 1
                /                   : memfs
                /proc               : proc
                memfs / 1 1
                df 0
                df: /nowhere: No such file or directory
                Filesystem           512-blocks       Used  Available Capacity Mounted on
                df 1
                8\t/tmp/d/f
                8\t/tmp/d
                4\t/tmp
                 01:02:05 up  1:02,  0 users,  load average: 0.00, 0.00, 0.00
                uptime 0
                01:02:05    %usr    %sys    %wio   %idle
                01:02:06       0       0       0     100
                Average        0       0       0     100
                sar 0
                [status 0]
                """);
    }

    @Test
    void su_sets_the_users_supplementary_groups_from_etc_group_and_they_open_the_groups_files() {
        // initgroups(3C), which su and login call: the user's groups from /etc/group; POSIX: "the effective group ID
        // or any of the supplementary group IDs of the process match the file group ID" gives the group's bits.
        assertThat(sh(ETC + """
                echo secret > /tmp/w; chown 0:wheel /tmp/w; chmod 640 /tmp/w
                su ann -c 'id; id -Gn; cat /tmp/w'
                su bob -c 'id; cat /tmp/w'
                """)).isEqualTo("""
                uid=100(ann) gid=10(staff) groups=10(staff),20(wheel)
                staff wheel
                secret
                uid=101(bob) gid=10(staff) groups=10(staff)
                cat: /tmp/w: Permission denied
                [status 1]
                """);
    }

    @Test
    void sar_v_counts_each_time_the_process_inode_or_file_table_was_full_and_a_call_failed() {
        // sar(1): "-v Report status of process, i-node, file tables. proc-sz, inod-sz, file-sz: entries/size for each
        // table ... ov: overflows that occur between sampling points for each table"; Mauro: fork "increments the
        // proc table overflow counter" when "the limit is hit".
        String script = """
                for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14; do echo $i > /tmp/f$i; done
                sar -v
                for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14; do sleep 2 < /tmp/f$i & done 2>/dev/null; wait
                for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22; do sleep 2 < /tmp/f1 & done 2>/dev/null
                wait
                (while :; do sleep 2 <&- & done) 2>/dev/null; echo "subshell $?"; sleep 3
                sar -v
                """;
        for (String config : MACHINES) {
            // 26 process slots (10 + 16 * maxusers), 16 in-core inodes, 24 open files.
            Invocation r = Invocation.sprocket("run", "--no-stats", "--set", "kernel.maxusers=1", "--set",
                    "kernel.ninode=16", "--set", "kernel.nfile=24", config, "sh", "-c", script);
            assertThat(r.status()).as(config).isZero();
            // At the start: init, sh and sar; the files in core and open are the console's and /proc/sysinfo's and
            // the directories mounts hold. Then the overflows: opens that found no inode (each background job holds
            // /dev/null, as sh gives it for standard input, and its own file), opens that found no file entry, and
            // one fork that found no process slot, which ended the subshell as sh ends on "Cannot fork". The last sar
            // is sh itself, which execs the last command of -c.
            assertThat(r.out()).as(config).isEqualTo("""
                    00:00:00    proc-sz   ov    inod-sz   ov    file-sz   ov
                    00:00:00       3/26    0       5/16    0       4/24    0
                    subshell 2
                    00:00:07    proc-sz   ov    inod-sz   ov    file-sz   ov
                    00:00:07       2/26    1       5/16    4       4/24    3
                    """);
        }
    }
}
