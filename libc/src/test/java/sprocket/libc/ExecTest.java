package sprocket.libc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.sys.Fcntl;

/** execvp(3C) and execvP(3): the search path, scripts run by /bin/sh, and the errno left when nothing could run. */
class ExecTest {

    @Test
    void a_name_is_searched_on_the_path_and_a_name_with_a_slash_is_not() {
        var o = Machine.with().program("hello2", (sys, argv) -> {
            Stdio.puts(sys, "hello2 " + argv[0] + " " + argv[1]);
            return 0;
        }).program("t", (sys, argv) -> {
            int pid = sys.fork(c -> {
                Exec.execvP(c, "hello2", "/nonexistent::/tmp:/bin", new String[] {"hi", "arg"}, c.environ());
                return 100 + c.errno();
            });
            int status = Machine.waitFor(sys, pid);
            Exec.execvP(sys, "tmp/hello2", "/bin", new String[] {"x"}, sys.environ());
            Stdio.puts(sys, (status >> 8) + " " + Errno.name(sys.errno()));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("hello2 hi arg\n0 ENOENT\n");
    }

    @Test
    void a_file_found_but_not_executable_is_EACCES_and_an_empty_name_ENOENT() {
        var o = Machine.with().program("t", (sys, argv) -> {
            sys.close(sys.open("/tmp/data", Fcntl.O_WRONLY | Fcntl.O_CREAT, 0644));
            Exec.execvP(sys, "data", "/tmp:/bin", new String[] {"data"}, sys.environ());
            String found = Errno.name(sys.errno());
            Exec.execvp(sys, "", new String[] {""});
            Stdio.puts(sys, found + " " + Errno.name(sys.errno()) + " " + Environ.getenv(sys, "NO_SUCH"));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("EACCES ENOENT null\n");
    }
}
