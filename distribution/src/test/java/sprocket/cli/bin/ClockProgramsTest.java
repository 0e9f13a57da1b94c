package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.libc.Utmp;

/** date(1), uptime(1) and sar(1) -u: the clock, and what /proc/loadavg and /proc/stat say, in their layouts. */
class ClockProgramsTest {

    private final FakeSys.Machine machine = new FakeSys.Machine();

    @Test
    void date_writes_time_2s_seconds_from_the_epoch_by_default_or_as_the_format_says() {
        machine.seconds = 86400 + 3723;
        assertThat(Programs.run(machine, new Date())).isZero();
        assertThat(Programs.run(machine, new Date(), "-u", "+%Y-%m-%d %H:%M:%S %j %a %A %B %p %s %%")).isZero();
        assertThat(Programs.run(machine, new Date(), "-r", "1000000000", "+%F %T %U %W %V %G")).isZero();
        assertThat(machine.out()).isEqualTo("Fri Jan  2 01:02:03 UTC 1970\n"
                + "1970-01-02 01:02:03 002 Fri Friday January AM 90123 %\n"
                + "2001-09-09 01:46:40 36 36 36 2001\n");
    }

    @Test
    void date_sets_the_time_with_stime_and_writes_it_the_year_the_current_one_when_not_given() {
        // date(1): "mmddHHMM[[cc]yy] ... the current year is the default if no year is mentioned"; yy "69-99 refer to
        // 1969 to 1999 ... 00-68 refer to years 2000 to 2068".
        machine.seconds = 86400L * 365 * 3;
        assertThat(Programs.run(machine, new Date(), "0102030470")).isZero();
        assertThat(machine.seconds).isEqualTo(86400 + 3 * 3600 + 4 * 60);
        assertThat(Programs.run(machine, new Date(), "123123592024.59")).isZero();
        assertThat(Programs.run(machine, new Date(), "07041200")).isZero();
        assertThat(machine.out()).isEqualTo("Fri Jan  2 03:04:00 UTC 1970\nTue Dec 31 23:59:59 UTC 2024\n"
                + "Thu Jul  4 12:00:00 UTC 2024\n");
    }

    @Test
    void setting_the_date_is_the_super_users_and_a_bad_date_is_a_usage_error() {
        machine.euid = 100;
        // stime(2): "EPERM stime will fail if the effective user ID of the calling process is not super-user."
        assertThat(Programs.run(machine, new Date(), "0102030470")).isEqualTo(1);
        assertThat(Programs.run(machine, new Date(), "1399")).isEqualTo(2);
        assertThat(Programs.run(machine, new Date(), "13320000")).isEqualTo(2);
        assertThat(Programs.run(machine, new Date(), "01020304.7")).isEqualTo(2);
        assertThat(Programs.run(machine, new Date(), "0229000001")).as("2001 is no leap year").isEqualTo(2);
        assertThat(Programs.run(machine, new Date(), "-r", "253402300800")).as("past year 9999").isEqualTo(2);
        assertThat(machine.err()).startsWith("date: cannot set the date: Not owner\nusage: date")
                .contains("date: 13320000: not a date\n");
        assertThat(machine.seconds).isZero();
    }

    @Test
    void uptime_writes_the_time_the_time_up_and_the_load_averages_of_proc_loadavg() {
        machine.seconds = 2 * 86400 + 3 * 3600 + 4 * 60;
        machine.files.file("/proc/loadavg", "0.52 0.20 0.05 2/31 77\n");
        assertThat(Programs.run(machine, new Uptime())).isZero();
        machine.seconds = 125;
        assertThat(Programs.run(machine, new Uptime())).isZero();
        // procps: "how many users are currently logged on": the USER_PROCESS entries of utmp; the date set by
        // stime(2) moves the time, not the time up.
        machine.files.file("/var/adm/utmp", utmp(new Utmp("ann", "sole", "console", 9, Utmp.USER_PROCESS, 0, 0, 60),
                new Utmp("bob", "tty1", "tty1", 10, Utmp.DEAD_PROCESS, 0, 0, 70)));
        machine.booted = 86400;
        machine.seconds = 86400 + 3600;
        assertThat(Programs.run(machine, new Uptime())).isZero();
        assertThat(machine.out()).isEqualTo(" 03:04:00 up 2 days,  3:04,  0 users,  load average: 0.52, 0.20, 0.05\n"
                + " 00:02:05 up 2 min,  0 users,  load average: 0.52, 0.20, 0.05\n"
                + " 01:00:00 up  1:00,  1 user,  load average: 0.52, 0.20, 0.05\n");
    }

    /** The bytes of a utmp file holding {@code entries}. */
    static String utmp(Utmp... entries) {
        StringBuilder b = new StringBuilder();
        for (Utmp u : entries) b.append(new String(u.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1));
        return b.toString();
    }

    @Test
    void uptime_without_proc_loadavg_writes_what_it_has_and_reports_the_missing_file() {
        assertThat(Programs.run(machine, new Uptime())).isEqualTo(1);
        assertThat(machine.out()).isEqualTo(" 00:00:00 up 0 min,  0 users\n");
        assertThat(machine.err()).isEqualTo("uptime: /proc/loadavg: No such file or directory\n");
    }

    @Test
    void sar_u_writes_the_shares_of_each_interval_from_proc_stat_and_their_average() {
        // proc(5): "cpu user nice system idle iowait ..." in clock ticks, summed over the CPUs.
        machine.files.file("/proc/stat", "cpu  100 0 50 850 0 0 0\ncpu0 100 0 50 850 0\n");
        int[] step = {0};
        String[] next = {"cpu  160 20 70 930 20\n", "cpu  160 20 170 1030 20\n"};
        machine.duringSleep = () -> machine.files.file("/proc/stat", next[step[0]++]);
        assertThat(Programs.run(machine, new Sar(), "-u", "1", "2")).isZero();
        assertThat(machine.sleeps).containsExactly(1, 1);
        assertThat(machine.out()).isEqualTo("""
                00:00:00    %usr    %sys    %wio   %idle
                00:00:01      40      10      10      40
                00:00:02       0      50       0      50
                Average       20      30       5      45
                """);
    }

    @Test
    void sar_without_an_interval_reports_since_boot_and_without_proc_stat_reports_the_missing_file() {
        machine.files.file("/proc/stat", "intr 5\ncpu 30 10 20 40 0\n");
        assertThat(Programs.run(machine, new Sar())).isZero();
        assertThat(machine.out()).endsWith("00:00:00      40      20       0      40\n");
        FakeSys.Machine bare = new FakeSys.Machine();
        assertThat(Programs.run(bare, new Sar(), "-u", "1")).isEqualTo(1);
        assertThat(bare.err()).isEqualTo("sar: /proc/stat: No such file or directory\n");
        assertThat(Programs.run(bare, new Sar(), "-x")).isEqualTo(2);
    }

    @Test
    void sar_v_reports_each_table_as_used_over_size_with_the_overflows_between_samples() {
        // sar(1): "-v Report status of process, i-node, file tables ... ov: the number of overflows occurring between
        // sampling points"; "proc-sz ... the current number of processes (72), and the maximum" (Mauro).
        machine.files.file("/proc/sysinfo", "proc 30 4058 2\ninode 120 1000 0\nfile 446 446 5\n");
        int[] step = {0};
        String[] next = {"proc 31 4058 2\ninode 121 1000 1\nfile 446 446 9\n",
                "proc 29 4058 2\ninode 121 1000 1\nfile 100 446 9\n"};
        machine.duringSleep = () -> machine.files.file("/proc/sysinfo", next[step[0]++]);
        assertThat(Programs.run(machine, new Sar(), "-v", "2", "2")).isZero();
        assertThat(machine.sleeps).containsExactly(2, 2);
        assertThat(machine.out()).isEqualTo("""
                00:00:00    proc-sz   ov    inod-sz   ov    file-sz   ov
                00:00:02    31/4058    0   121/1000    1    446/446    4
                00:00:04    29/4058    0   121/1000    0    100/446    0
                """);
    }

    @Test
    void sar_uv_writes_both_reports_for_each_sample_the_time_on_the_first_line_and_since_boot_without_interval() {
        machine.files.file("/proc/stat", "cpu 30 10 20 40 0\n");
        machine.files.file("/proc/sysinfo", "proc 3 26 1\ninode 9 16 0\nfile 7 16 2\n");
        assertThat(Programs.run(machine, new Sar(), "-uv")).isZero();
        assertThat(machine.out()).isEqualTo("""
                00:00:00    %usr    %sys    %wio   %idle
                            proc-sz   ov    inod-sz   ov    file-sz   ov
                00:00:00      40      20       0      40
                               3/26    1       9/16    0       7/16    2
                """);
        FakeSys.Machine bare = new FakeSys.Machine();
        bare.files.file("/proc/stat", "cpu 30 10 20 40 0\n");
        assertThat(Programs.run(bare, new Sar(), "-v")).isEqualTo(1);
        assertThat(bare.err()).isEqualTo("sar: /proc/sysinfo: No such file or directory\n");
    }
}
