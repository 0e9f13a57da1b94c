package sprocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The scheduling programs (spinners, nicetest, mixed) run by {@code sprocket run} against the real kernel, in process. */
class SchedulingProgramsTest {

    private static final Pattern SPINNERS = Pattern.compile(
            "spinners: (\\d+) processes x (\\d+) iterations(?: in a share group)?(?: \\(yielding\\))?(?:, \\d+ competitors)?:"
                    + " counter (\\d+), (\\d+) cycles elapsed,"
                    + " (\\d+) spin iterations\n");
    private static final Pattern SHARE = Pattern.compile("nicetest: nice (\\d+) weight \\d+ expected [\\d.]+% measured"
            + " [\\d.]+% \\((\\d+) chunks\\)");

    private static Matcher spinners(String config, String... args) {
        return spinners(config, new String[0], args);
    }

    private static Matcher spinners(String config, String[] settings, String... args) {
        String[] argv = new String[4 + settings.length + args.length];
        argv[0] = "run";
        argv[1] = "--no-stats";
        System.arraycopy(settings, 0, argv, 2, settings.length);
        argv[2 + settings.length] = config;
        argv[3 + settings.length] = "spinners";
        System.arraycopy(args, 0, argv, 4 + settings.length, args.length);
        Invocation r = Invocation.sprocket(argv);
        assertThat(r.status()).as(r.err()).isZero();
        Matcher m = SPINNERS.matcher(r.out());
        assertThat(m.matches()).as(r.out()).isTrue();
        return m;
    }

    @Test
    void four_spinners_on_four_cpus_lose_no_increment_while_they_contend_for_the_lock() {
        Matcher m = spinners(RunCommandTest.IRIX, "4", "500");
        assertThat(Long.parseLong(m.group(3))).isEqualTo(4 * 500);
        // Spinning happened, so the processes did meet at the lock and mutual exclusion was really tested.
        assertThat(Long.parseLong(m.group(5))).isPositive();
    }

    @Test
    void with_more_spinners_than_cpus_yielding_while_waiting_finishes_far_sooner() {
        // HOWTO 2.2: "they will be very slow if you have processes busy waiting for shared memory values to be
        // changed by other processes that are not currently running"; IDLE_ME gives the CPU to the lock holder.
        // The holder loses its CPU only when a time slice ends: a short slice (1 ms) lets a short run show it.
        String[] shortSlices = {"--set", "kernel.hz=1000", "--set", "sched.slice=1"};
        Matcher spin = spinners(RunCommandTest.LINUX, shortSlices, "3", "300");
        Matcher yield = spinners(RunCommandTest.LINUX, shortSlices, "-y", "3", "300");
        assertThat(Long.parseLong(spin.group(3))).isEqualTo(900);
        assertThat(Long.parseLong(yield.group(3))).isEqualTo(900);
        long spinning = Long.parseLong(spin.group(4));
        long yielding = Long.parseLong(yield.group(4));
        assertThat(yielding * 5).as("%d cycles spinning, %d yielding", spinning, yielding).isLessThan(spinning);
    }

    @Test
    void a_share_group_of_spinners_among_competitors_finishes_sooner_under_gang_than_under_rr() {
        // Barton and Wagner's future directions: "at least two of the processes in the share group must run in parallel, or
        // the group should not be allowed to execute at all"; a lock holder then never sits off its CPU.
        long[] cycles = new long[2];
        String[] policies = {"rr", "gang"};
        for (int i = 0; i < 2; i++) {
            Invocation r = Invocation.sprocket("run", "--no-stats", "--set", "sched=" + policies[i], RunCommandTest.IRIX,
                    "spinners", "-g", "-y", "-c", "4", "4", "200");
            assertThat(r.status()).as(r.err()).isZero();
            Matcher m = SPINNERS.matcher(r.out());
            assertThat(m.matches()).as(r.out()).isTrue();
            assertThat(m.group(3)).isEqualTo("800");
            cycles[i] = Long.parseLong(m.group(4));
        }
        assertThat(cycles[1] * 10).as("rr %d cycles, gang %d", cycles[0], cycles[1]).isLessThan(cycles[0]);
    }

    @Test
    void under_fair_on_one_cpu_the_nice_0_child_gets_more_than_twice_the_nice_5_childs_share() {
        Invocation r = Invocation.sprocket("run", "--no-stats", "--set", "hw.cpus=1", "--set", "sched=fair",
                RunCommandTest.IRIX, "nicetest", "3", "20000000");
        assertThat(r.status()).as(r.err()).isZero();
        long[] chunks = new long[3];
        Matcher m = SHARE.matcher(r.out());
        for (int i = 0; i < 3; i++) {
            assertThat(m.find()).as(r.out()).isTrue();
            assertThat(m.group(1)).isEqualTo(Integer.toString(5 * i));
            chunks[i] = Long.parseLong(m.group(2));
        }
        // CFS weights 1024 : 335 : 110 for nice 0, 5, 10.
        assertThat(chunks[0]).as(r.out()).isGreaterThan(2 * chunks[1]);
        assertThat(chunks[1]).as(r.out()).isGreaterThan(2 * chunks[2]);
        assertThat(chunks[2]).as(r.out()).isPositive();
    }

    @Test
    void under_round_robin_nice_changes_nothing_and_the_shares_come_out_about_equal() {
        Invocation r = Invocation.sprocket("run", "--no-stats", "--set", "hw.cpus=1", "--set", "sched=rr",
                RunCommandTest.IRIX, "nicetest", "2", "20000000");
        assertThat(r.status()).as(r.err()).isZero();
        Matcher m = SHARE.matcher(r.out());
        assertThat(m.find()).isTrue();
        long first = Long.parseLong(m.group(2));
        assertThat(m.find()).isTrue();
        long second = Long.parseLong(m.group(2));
        assertThat((double) first / second).as(r.out()).isBetween(0.8, 1.25);
    }

    @Test
    void under_fair_on_two_cpus_nice_0_gets_one_cpu_and_the_others_share_the_second_by_weight() {
        Invocation r = Invocation.sprocket("run", "--no-stats", "--set", "hw.cpus=2", "--set", "sched=fair",
                RunCommandTest.IRIX, "nicetest", "3", "20000000");
        assertThat(r.status()).as(r.err()).isZero();
        Matcher m = Pattern.compile("expected ([\\d.]+)% measured ([\\d.]+)%").matcher(r.out());
        double[] expected = {50.0, 37.6, 12.4};
        for (double e : expected) {
            assertThat(m.find()).as(r.out()).isTrue();
            assertThat(Double.parseDouble(m.group(1))).isEqualTo(e);
            assertThat(Double.parseDouble(m.group(2))).as(r.out()).isCloseTo(e, org.assertj.core.api.Assertions.within(2.0));
        }
    }

    @Test
    void with_a_cpu_for_every_child_nicetest_expects_equal_shares_and_says_why() {
        Invocation r = Invocation.sprocket("run", "--no-stats", "--set", "hw.cpus=8", "--set", "sched=fair",
                RunCommandTest.IRIX, "nicetest", "8", "2000000");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("nicetest: 8 processes on 8 CPUs, 2000000 cycles")
                .contains("a CPU for every child: nice cannot change the shares");
        assertThat(r.out().lines().filter(l -> l.startsWith("nicetest: nice "))).hasSize(8)
                .allSatisfy(l -> assertThat(l).contains("expected 12.5% measured 12.5%"));
    }

    @Test
    void mixed_exits_0_with_a_line_per_child_and_a_mean_per_kind() {
        Invocation r = Invocation.sprocket("run", "--no-stats", RunCommandTest.IRIX, "mixed", "3", "2", "10");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(l -> l.matches("mixed: pid \\d+ cpu turnaround \\d+ cycles, cpu \\d+ us,"
                + " \\d+ voluntary \\d+ involuntary switches"))).hasSize(3);
        // An I/O child sleeps once a round and so gives up the CPU at least ROUNDS times.
        assertThat(r.out().lines().filter(l -> l.matches("mixed: pid \\d+ io  turnaround \\d+ cycles, cpu \\d+ us,"
                + " (\\d\\d+) voluntary \\d+ involuntary switches"))).hasSize(2);
        assertThat(r.out()).containsPattern("mixed: mean turnaround: cpu [1-9]\\d* cycles \\(3\\), io [1-9]\\d* cycles"
                + " \\(2\\)\n$");
    }
}
