package sprocket.libc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** basename(3G) and dirname(3G). */
class LibgenTest {

    @Test
    void basename_is_the_last_element_trailing_slashes_aside() {
        // basename(3G): "returns a pointer to the last element of path".
        assertThat(Libgen.basename("/usr/lib/libc.so")).isEqualTo("libc.so");
        assertThat(Libgen.basename("/usr/lib/")).isEqualTo("lib");
        assertThat(Libgen.basename("usr")).isEqualTo("usr");
        assertThat(Libgen.basename("/")).isEqualTo("/");
        assertThat(Libgen.basename("///")).isEqualTo("/");
        assertThat(Libgen.basename("")).isEqualTo(".");
    }

    @Test
    void dirname_is_the_parent_the_root_or_dot() {
        // dirname(3G): "returns a pointer to a string that is the parent directory of path".
        assertThat(Libgen.dirname("/usr/lib/libc.so")).isEqualTo("/usr/lib");
        assertThat(Libgen.dirname("/usr/lib/")).isEqualTo("/usr");
        assertThat(Libgen.dirname("/usr")).isEqualTo("/");
        assertThat(Libgen.dirname("//usr")).isEqualTo("/");
        assertThat(Libgen.dirname("a//b")).isEqualTo("a");
        assertThat(Libgen.dirname("usr")).isEqualTo(".");
        assertThat(Libgen.dirname("/")).isEqualTo("/");
        assertThat(Libgen.dirname("")).isEqualTo(".");
    }
}
