package sprocket.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code sprocket boot} on a real pseudo-terminal, typed at through tmux as a person would: a pipeline, a background
 * job, ^Z then bg then fg, ^C on a sleep 100, a line edited with backspace and recalled from history, and exit, which
 * halts the machine and shows the statistics. The screen is read back after each step. Skips with the reason when
 * tmux cannot be had.
 */
class InteractiveBootTest {
    private static final int WAIT = 60;

    @ParameterizedTest
    @ValueSource(strings = {"irix-r2000.conf", "linux-x86mps.conf"})
    void a_person_types_pipelines_jobs_and_control_keys_at_the_console(String conf) throws Exception {
        Path tmux = Tmux.find();
        assumeTrue(tmux != null, Tmux::whyNot);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("--add-exports", "java.base/jdk.internal.vm=sprocket.kernel",
                "--enable-native-access=org.jline.nativ", "-p", System.getProperty("jdk.module.path"),
                "-cp", System.getProperty("java.class.path"),
                "-m", "sprocket.cli/sprocket.cli.Main", "boot", Path.of("..", "configs", conf).toString()));
        String name = conf.substring(0, conf.indexOf('.')) + ProcessHandle.current().pid();
        Tmux t = Tmux.start(tmux, name, 100, 40, List.of("sh", "-c", "cd " + Path.of("").toAbsolutePath() + " && "
                + String.join(" ", command.stream().map(s -> "'" + s + "'").toList()) + " 2>&1; echo EXITED $?; sleep 60"));
        try {
            // capture-pane drops the blanks that end a line: the prompt "# " reads "#".
            assertThat(t.await("#", WAIT)).startsWith("#");
            t.keys("seq 10 | sort -rn | head -3 | tr 0-9 a-j", "Enter");
            assertThat(t.await("ba\nj\ni\n#", WAIT)).contains("ba\nj\ni\n#");

            t.keys("sleep 100", "Enter");
            String s = pressUntil(t, "C-c", "^C\n#");
            assertThat(s).contains("# sleep 100\n^C\n#");

            t.keys("sleep 30", "Enter");
            s = pressUntil(t, "C-z", "Stopped");
            assertThat(s).contains("[1] + Stopped                    sleep 30");
            t.keys("bg", "Enter");
            assertThat(t.await("[1] sleep 30", WAIT)).contains("# bg\n[1] sleep 30");
            t.keys("jobs", "Enter");
            assertThat(t.await("Running", WAIT)).contains("[1] + Running                    sleep 30");
            t.keys("fg", "Enter");
            s = pressUntil(t, "C-c", "# fg\nsleep 30\n^C\n#");
            assertThat(s).contains("# fg\nsleep 30\n^C\n#");

            // Backspace edits the line before it is sent; the up arrow brings a line back from the history.
            t.keys("echo hellp", "BSpace", "o world", "Enter");
            assertThat(t.await("hello world\n#", WAIT)).contains("# echo hello world\nhello world\n#");
            // A person sees the prompt before pressing a key. (An arrow typed ahead of the shell's read goes to the
            // terminal a key at a time, which echoes ^[[A, as on any Unix.)
            Thread.sleep(500);
            t.keys("Up");
            assertThat(t.await("# echo hello world\n# echo hello world", WAIT))
                    .contains("# echo hello world\nhello world\n# echo hello world");
            t.keys("C-u", "exit", "Enter");
            s = t.await("EXITED", WAIT);
            assertThat(s).contains("simulated time").contains("trace digest").contains("EXITED 0");
        } finally {
            t.kill();
        }
    }

    /** Presses {@code key} until the screen shows {@code text} (a key pressed before the job started is lost). */
    private static String pressUntil(Tmux t, String key, String text) throws Exception {
        String s = t.screen();
        for (int i = 0; i < 20 && !s.contains(text); i++) {
            Thread.sleep(300);
            t.keys(key);
            s = t.await(text, 3);
        }
        return s;
    }
}
