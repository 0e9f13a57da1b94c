package sprocket.cli.bin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EchoTest {

    private final FakeSys.Machine machine = new FakeSys.Machine();

    private int echo(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "echo";
        System.arraycopy(args, 0, argv, 1, args.length);
        return new Echo().main(machine.process(), argv);
    }

    @Test
    void echo_writes_its_arguments_separated_by_blanks_and_terminated_by_a_newline() {
        // echo(1): "writes its arguments separated by blanks and terminated by a newline on the standard output"
        assertThat(echo("hello,", "simulated", "world")).isZero();
        assertThat(machine.out()).isEqualTo("hello, simulated world\n");
    }

    @Test
    void echo_with_no_arguments_writes_a_newline() {
        assertThat(echo()).isZero();
        assertThat(machine.out()).isEqualTo("\n");
    }

    @Test
    void echo_n_drops_the_newline_only_as_the_first_argument() {
        assertThat(echo("-n", "hi")).isZero();
        assertThat(echo("x", "-n")).isZero();
        assertThat(machine.out()).isEqualTo("hix -n\n");
    }

    @Test
    void echo_understands_the_system_v_escapes() {
        assertThat(echo("a\\tb\\\\c", "\\0101\\012")).isZero();
        assertThat(machine.out()).isEqualTo("a\tb\\c A\n\n");
    }

    @Test
    void backslash_c_ends_the_output_without_a_newline() {
        // echo(1): "\c print line without new-line"; nothing after it is written either.
        assertThat(echo("one\\ctwo", "three")).isZero();
        assertThat(machine.out()).isEqualTo("one");
    }

    @Test
    void an_octal_escape_writes_one_byte_not_a_character() {
        assertThat(echo("-n", "\\0377")).isZero();
        assertThat(machine.stdout.toByteArray()).containsExactly((byte) 0xff);
    }

    @Test
    void an_unknown_escape_and_a_trailing_backslash_pass_through() {
        assertThat(echo("\\q", "end\\")).isZero();
        assertThat(machine.out()).isEqualTo("\\q end\\\n");
    }

    @Test
    void non_ascii_arguments_are_written_as_utf8() {
        assertThat(echo("-n", "héllo")).isZero();
        assertThat(machine.stdout.toByteArray()).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
    }
}
