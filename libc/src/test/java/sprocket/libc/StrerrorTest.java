package sprocket.libc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.sys.Fcntl;

/** strerror(3C) and perror(3C). */
class StrerrorTest {

    @Test
    void strerror_gives_irixs_text_and_a_number_for_an_unknown_one() {
        assertThat(Strerror.strerror(Errno.ENOENT)).isEqualTo("No such file or directory");
        assertThat(Strerror.strerror(Errno.EPERM)).isEqualTo("Not owner");
        assertThat(Strerror.strerror(Errno.ECONNREFUSED)).isEqualTo("Connection refused");
        assertThat(Strerror.strerror(0)).isEqualTo("Error 0");
        assertThat(Strerror.strerror(-3)).isEqualTo("Error -3");
        assertThat(Strerror.strerror(9999)).isEqualTo("Error 9999");
    }

    @Test
    void every_errno_with_a_name_has_a_message() {
        for (int e = 1; e < 256; e++) {
            if (!Errno.name(e).equals("E" + e)) assertThat(Strerror.strerror(e)).as(Errno.name(e)).doesNotStartWith("Error ");
        }
    }

    @Test
    void perror_prints_the_string_a_colon_a_blank_and_the_message_and_the_message_alone_for_no_string() {
        // perror(3C): "If s is not a null pointer and does not point to a null string, the string pointed to by s is
        // printed, followed by a colon and a blank. Then the message ... followed by a newline character".
        Recorder r = new Recorder();
        r.sys.errno(Errno.EACCES);
        Strerror.perror(r.sys, "cat: /etc/x");
        Strerror.perror(r.sys, "");
        Strerror.perror(r.sys, null);
        assertThat(r.text(Fcntl.STDERR_FILENO))
                .isEqualTo("cat: /etc/x: Permission denied\nPermission denied\nPermission denied\n");
    }
}
