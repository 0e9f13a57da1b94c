package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sprocket.api.ApiVersion;
import sprocket.api.sched.Scheduler;
import sprocket.api.sched.SchedulerContext;
import sprocket.api.sched.SchedulerProvider;
import sprocket.api.spi.Conflict;
import sprocket.api.spi.Settings;
import sprocket.api.spi.Tunable;

/** A configuration the kernel cannot boot is refused with file and line, every error at once. */
class ConfigErrorsTest {
    @TempDir
    Path dir;

    private Path write(String... lines) throws Exception {
        Path f = dir.resolve("my.conf");
        Files.writeString(f, String.join("\n", lines) + "\n");
        return f;
    }

    private static final String[] GOOD = {"hw = r2000", "sched = rr", "vm = regions", "fs = memfs", "ipc = sysv"};

    private List<String> errors(Path f, String... sets) {
        try {
            KernelConfig.load(f, List.of(sets), Sim.CATALOG);
            return List.of();
        } catch (ConfigException e) {
            return e.errors().stream().map(ConfigError::toString).toList();
        }
    }

    @Test
    void a_good_file_loads_with_comments_defaults_and_overrides() throws Exception {
        Path f = write("# a comment", "hw = r2000   # trailing comment", "sched = rr", "vm = regions", "fs = memfs",
                "ipc = sysv", "hw.cpus = 4");
        KernelConfig c = KernelConfig.load(f, List.of("hw.cpus=2"), Sim.CATALOG);
        assertThat(c.provider(Slot.HW)).isEqualTo("r2000");
        assertThat(c.value("hw.cpus")).isEqualTo("2");
        assertThat(c.value("kernel.hz")).isEqualTo("100");
        assertThat(c.describe()).contains("hw.cpus = 2  (--set hw.cpus=2)");
    }

    @Test
    void an_unknown_key_names_file_and_line_and_suggests_the_near_one() throws Exception {
        Path f = write("hw = r2000", "sched = rr", "vm = regions", "fs = memfs", "ipc = sysv", "kernel.hzz = 100");
        assertThat(errors(f)).containsExactly(f + ":6: unknown key 'kernel.hzz' (did you mean 'kernel.hz'?)");
    }

    @Test
    void fs_nfile_is_refused_with_a_pointer_to_kernel_nfile_which_every_file_system_type_shares() throws Exception {
        Path f = write("hw = r2000", "sched = rr", "vm = regions", "fs = memfs", "ipc = sysv", "fs.nfile = 64");
        assertThat(errors(f)).containsExactly(f + ":6: fs.nfile is now kernel.nfile: the system open file table is the"
                + " kernel's, shared by files, pipes and sockets");
    }

    @Test
    void every_file_system_types_keys_are_accepted_since_mount_may_make_any_of_them() throws Exception {
        Path f = write("hw = r2000", "sched = rr", "vm = regions", "fs = memfs", "ipc = sysv", "kernel.nfile = 64",
                "fs.memfs.size = 8M");
        KernelConfig c = KernelConfig.load(f, List.of(), Sim.CATALOG);
        assertThat(c.value("kernel.nfile")).isEqualTo("64");
        assertThat(c.value("fs.memfs.size")).isEqualTo("8M");
    }

    @Test
    void an_unknown_provider_lists_the_available_ones() throws Exception {
        Path f = write("hw = pdp11", "sched = rr", "vm = regions", "fs = memfs", "ipc = sysv");
        assertThat(errors(f)).containsExactly(f + ":1: unknown hw provider 'pdp11'; available: r2000, x86mps");
    }

    @Test
    void bad_values_and_a_key_set_twice_are_all_reported() throws Exception {
        Path f = write("hw = r2000", "sched = rr", "vm = regions", "fs = memfs", "ipc = sysv", "hw.cpus = many",
                "kernel.lock = medium", "hw.memory = 12Q", "kernel.hz = 100", "kernel.hz = 200", "no equals sign");
        assertThat(errors(f)).containsExactly(
                f + ":10: kernel.hz is set twice (first at line 9)",
                f + ":11: expected 'key = value', found 'no equals sign'",
                f + ":6: hw.cpus: 'many' is not a whole number",
                f + ":7: kernel.lock: 'medium' is not one of giant, fine",
                f + ":8: hw.memory: '12Q' is not a size (a number with an optional K, M or G suffix)");
    }

    @Test
    void more_cpus_than_the_machine_has_is_a_conflict() throws Exception {
        Path f = write(GOOD);
        assertThat(errors(f, "hw.cpus=9")).containsExactly(
                "--set hw.cpus=9: hw.cpus = 9 but the r2000 machine has at most 8 CPUs");
    }

    @Test
    void a_provider_tunable_is_accepted_only_with_that_provider() throws Exception {
        Path f = write(GOOD);
        assertThat(errors(f, "sched.slice=4")).isEmpty();
        assertThat(errors(f, "sched.slize=4")).containsExactly(
                "--set sched.slize=4: unknown key 'sched.slize' (did you mean 'sched.slice'?)");
    }

    @Test
    void a_missing_file_is_an_error_not_a_stack_trace() {
        Path f = dir.resolve("absent.conf");
        assertThatThrownBy(() -> KernelConfig.load(f, List.of(), Sim.CATALOG))
                .isInstanceOf(ConfigException.class).hasMessage(f + ": no such file");
    }

    @Test
    void a_conflict_is_reported_beside_other_errors() throws Exception {
        Path f = write("hw = r2000", "sched = rr", "vm = regions", "fs = memfs", "ipc = sysv", "hw.cpus = 12",
                "kernel.locks = fine");
        assertThat(errors(f)).containsExactly(
                f + ":7: unknown key 'kernel.locks' (did you mean 'kernel.lock'?)",
                f + ":6: hw.cpus = 12 but the r2000 machine has at most 8 CPUs");
    }

    @Test
    void a_key_of_a_scheduler_not_chosen_is_ignored_with_a_warning_naming_file_and_line() throws Exception {
        Path f = write("hw = r2000", "sched = rr", "vm = regions", "fs = memfs", "ipc = sysv",
                "sched.fair.granularity = 3");
        KernelConfig c = KernelConfig.load(f, List.of(), Sim.CATALOG);
        assertThat(c.warnings()).extracting(ConfigError::toString).containsExactly(f + ":6: sched.fair.granularity is"
                + " a key of the sched provider 'fair', which this configuration does not choose (sched = rr); ignored");
        assertThat(c.keys()).extracting(ConfigKey::key).doesNotContain("sched.fair.granularity");
        // Chosen, the same file's key applies.
        assertThat(KernelConfig.load(f, List.of("sched=fair"), Sim.CATALOG).value("sched.fair.granularity"))
                .isEqualTo("3");
    }

    @Test
    void strict_refuses_a_key_of_a_provider_not_chosen_and_a_key_nobody_declares_stays_an_error() throws Exception {
        Path f = write("hw = r2000", "sched = rr", "vm = regions", "fs = memfs", "ipc = sysv",
                "sched.fair.granularity = 3", "sched.nosuch = 1");
        assertThatThrownBy(() -> KernelConfig.load(f, List.of(), Sim.CATALOG, true)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).errors()).extracting(ConfigError::toString)
                        .containsExactly(f + ":6: sched.fair.granularity is a key of the sched provider 'fair', which"
                                + " this configuration does not choose (sched = rr); --strict refuses it",
                                f + ":7: unknown key 'sched.nosuch'"));
        assertThat(errors(f)).containsExactly(f + ":7: unknown key 'sched.nosuch'");
    }

    @Test
    void a_providers_conflict_names_every_key_its_value_and_where_it_was_set() throws Exception {
        Path f = write("hw = r2000", "sched = rr", "vm = regions", "fs = memfs", "ipc = sysv", "ipc.shmmin = 4096");
        assertThat(errors(f, "ipc.shmmax=1K")).containsExactly(f + ":6: ipc.shmmin = 4096 (line 6) and ipc.shmmax = 1K"
                + " (--set ipc.shmmax=1K) conflict: the smallest segment is larger than the largest, so shmget(2)"
                + " would refuse every size");
        // A bad value is reported once, as a bad value, not again as a conflict.
        assertThat(errors(f, "ipc.shmmax=lots")).containsExactly("--set ipc.shmmax=lots: ipc.shmmax: 'lots' is not a"
                + " size (a number with an optional K, M or G suffix)");
    }

    @Test
    void a_provider_checks_its_settings_against_the_machines_and_a_default_is_named_as_such() throws Exception {
        Catalog catalog = Sim.CATALOG.withProvider(Slot.SCHED, new NeedsCpus(
                (SchedulerProvider) Sim.CATALOG.provider(Slot.SCHED, "rr")));
        Path f = write("hw = r2000", "sched = needy", "vm = regions", "fs = memfs", "ipc = sysv", "hw.cpus = 2");
        try {
            KernelConfig.load(f, List.of(), catalog);
            throw new AssertionError("loaded");
        } catch (ConfigException e) {
            assertThat(e.errors()).extracting(ConfigError::toString).containsExactly(f + ":6: sched.needy.cpus = 4"
                    + " (the default) and hw.cpus = 2 (line 6) conflict: the policy needs that many CPUs");
        }
        assertThat(KernelConfig.load(f, List.of("sched.needy.cpus=2"), catalog).value("sched.needy.cpus"))
                .isEqualTo("2");
    }

    /** rr under another name, with a key that must not exceed the machine's CPU count. */
    private record NeedsCpus(SchedulerProvider rr) implements SchedulerProvider {
        @Override
        public String name() {
            return "needy";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public String apiVersion() {
            return ApiVersion.CURRENT;
        }

        @Override
        public String description() {
            return "rr that needs sched.needy.cpus CPUs";
        }

        @Override
        public List<Tunable> tunables() {
            return List.of(Tunable.integer("sched.needy.cpus", 4, 1, 64, "CPUs the policy needs"));
        }

        @Override
        public List<Conflict> conflicts(Settings s) {
            return s.getLong("sched.needy.cpus") > s.getLong("hw.cpus")
                    ? List.of(new Conflict(List.of("sched.needy.cpus", "hw.cpus"), "the policy needs that many CPUs"))
                    : List.of();
        }

        @Override
        public Scheduler create(SchedulerContext context) {
            return rr.create(context);
        }
    }
}
