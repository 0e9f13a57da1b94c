package sprocket.cli.sh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scripts: {@code sh FILE ARGS}, and a file exec(2) refuses with ENOEXEC run as a shell script, as POSIX asks of
 * the shell (XCU 2.9.1.1, "the shell shall execute the command as if it were a shell script"). Running a #! script
 * from any program is execve(2)'s to do, and waits for it.
 */
class ScriptExecutionTest {

    private static Machine.Run sh(String config, String script) {
        return Machine.sh(config, "", List.of("-c", script));
    }

    @Test
    void an_executable_file_exec_refuses_is_run_by_sh_with_its_name_and_arguments_by_path_and_by_path_search() {
        for (String config : Machine.CONFIGS) {
            Machine.Run r = sh(config, """
                    printf 'echo "$0 got $# args: $*"\\nexit 4\\n' > /tmp/script
                    chmod +x /tmp/script
                    /tmp/script a 'b c'; echo "status $?"
                    PATH=/tmp:$PATH script d; echo "status $?"
                    """);
            assertThat(r.console()).isEqualTo("""
                    /tmp/script got 2 args: a b c
                    status 4
                    /tmp/script got 1 args: d
                    status 4
                    """);
        }
    }

    @Test
    void sh_file_reads_the_file_a_command_at_a_time_with_the_arguments_as_positional_parameters() {
        Machine.Run r = sh(Machine.IRIX, """
                printf 'echo "$0: $# $2"\\nnosuch\\necho after\\n' > /tmp/s
                sh /tmp/s one two; echo "status $?"
                sh /tmp/nosuch; echo "status $?"
                """);
        assertThat(r.console()).isEqualTo("""
                /tmp/s: 2 two
                /tmp/s: 2: nosuch: not found
                after
                status 0
                sh: 0: cannot open /tmp/nosuch: No such file
                status 127
                """);
    }

    @Test
    void a_script_may_redirect_the_descriptor_the_shell_reads_it_from_and_reading_goes_on() {
        Machine.Run r = sh(Machine.LINUX, """
                printf 'exec 10> /tmp/out\\necho line >&10\\nexec 10>&-\\ncat /tmp/out\\necho still reading\\n' > /tmp/s
                sh /tmp/s
                """);
        assertThat(r.console()).isEqualTo("line\nstill reading\n");
    }

    @Test
    void a_hash_bang_script_runs_under_the_interpreter_it_names_with_the_script_as_its_argument() {
        Machine.Run r = sh(Machine.IRIX, "printf '#!/bin/cat\\nhello\\n' > /tmp/c; chmod +x /tmp/c; /tmp/c");
        assertThat(r.console()).isEqualTo("#!/bin/cat\nhello\n");
    }

    @Test
    void a_hash_bang_sh_script_exec_replaces_the_shell_with_runs_under_a_new_shell() {
        // exec replaces the shell with the script through execve(2): the kernel starts /bin/sh on it, so $0 is the
        // script's path and nothing after the exec runs.
        Machine.Run r = Machine.sh(Machine.IRIX, "", List.of("-c", """
                printf '#!/bin/sh\\necho "run by the kernel as $0"\\n' > /tmp/s; chmod +x /tmp/s
                exec /tmp/s; echo not reached
                """));
        assertThat(r.console()).isEqualTo("run by the kernel as /tmp/s\n");
    }
}
