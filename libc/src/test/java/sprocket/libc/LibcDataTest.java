package sprocket.libc;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.libc.Machine.waitFor;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sprocket.api.Errno;
import sprocket.api.sys.Layout;
import sprocket.api.sys.Prctl;
import sprocket.api.sys.Wait;

/**
 * Where the C library keeps its per-process variables: in the process's data segment, so that fork(2) copies them,
 * a PR_SADDR share-group member shares them, and exec(2) starts them afresh.
 */
class LibcDataTest {

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void the_librarys_bytes_are_the_start_of_a_fresh_images_data_zero_and_below_the_break(String hw) {
        var o = Machine.with("hw=" + hw).program("t", (sys, argv) -> {
            boolean below = sys.sbrk(0) == Layout.DATA_BASE + Layout.DATA_BYTES;
            boolean zero = true;
            for (long a = Layout.DATA_BASE; a < Layout.DATA_BASE + LibcData.BYTES; a += 8) {
                zero &= sys.cpu().load64(a) == 0;
            }
            sys.cpu().store64(Layout.DATA_BASE + LibcData.BYTES - 8, 1); // writable
            Stdio.puts(sys, below + " " + zero);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("true true\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void fork_copies_usconfigs_values_and_a_change_on_either_side_stays_there(String hw) {
        // fork(2): the child's data is a copy of the parent's, and usconfig(3P)'s values are data of the C library.
        var o = Machine.with("hw=" + hw).program("t", (sys, argv) -> {
            Arena.usconfig(sys, Ulocks.CONF_INITUSERS, 21);
            Arena.usconfig(sys, Ulocks.CONF_INITSIZE, 1 << 17);
            int c = sys.fork(s -> {
                long users = Arena.usconfig(s, Ulocks.CONF_GETUSERS, 0);
                long size = Arena.usconfig(s, Ulocks.CONF_GETSIZE, 0);
                Arena.usconfig(s, Ulocks.CONF_INITUSERS, 99);
                long arena = Arena.usinit(s, Arena.DEV_ZERO);
                boolean made = Arena.usconfig(s, Ulocks.CONF_GETUSERS, arena) == 99;
                return users == 21 && size == 1 << 17 && made ? 0 : 1;
            });
            int st = waitFor(sys, c);
            Stdio.puts(sys, Wait.WEXITSTATUS(st) + " " + Arena.usconfig(sys, Ulocks.CONF_GETUSERS, 0));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("0 21\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void a_PR_SADDR_member_shares_them_and_a_member_without_it_has_a_copy(String hw) {
        // sproc(2): "If the PR_SADDR bit is set in inh then the new process will share ALL the virtual space of the
        // parent, except the PRDA"; without it "the writable portions ... are marked copy-on-write".
        var o = Machine.with("hw=" + hw).program("t", (sys, argv) -> {
            Arena.usconfig(sys, Ulocks.CONF_INITUSERS, 30);
            int shared = Sproc.sproc(sys, (s, a, l) -> {
                boolean saw = Arena.usconfig(s, Ulocks.CONF_GETUSERS, 0) == 30;
                Arena.usconfig(s, Ulocks.CONF_INITUSERS, 31);
                return saw ? 0 : 1;
            }, Prctl.PR_SADDR, 0);
            int a = Wait.WEXITSTATUS(waitFor(sys, shared));
            long afterShared = Arena.usconfig(sys, Ulocks.CONF_GETUSERS, 0);
            int copied = Sproc.sproc(sys, (s, x, l) -> {
                boolean saw = Arena.usconfig(s, Ulocks.CONF_GETUSERS, 0) == 31;
                Arena.usconfig(s, Ulocks.CONF_INITUSERS, 40);
                return saw ? 0 : 1;
            }, Prctl.PR_SFDS, 0);
            int b = Wait.WEXITSTATUS(waitFor(sys, copied));
            Stdio.puts(sys, a + " " + afterShared + " " + b + " " + Arena.usconfig(sys, Ulocks.CONF_GETUSERS, 0));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("0 31 0 31\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void exec_starts_them_afresh_at_their_defaults(String hw) {
        var o = Machine.with("hw=" + hw).program("fresh", (sys, argv) -> {
            Stdio.puts(sys, Arena.usconfig(sys, Ulocks.CONF_GETUSERS, 0) + " "
                    + Arena.usconfig(sys, Ulocks.CONF_GETSIZE, 0));
            return 0;
        }).program("t", (sys, argv) -> {
            Arena.usconfig(sys, Ulocks.CONF_INITUSERS, 77);
            Arena.usconfig(sys, Ulocks.CONF_INITSIZE, 8192);
            return sys.execv("/bin/fresh", new String[] {"fresh"});
        }).run("t");
        assertThat(o.console()).isEqualTo("8 65536\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void values_a_program_wrote_over_are_refused_with_EINVAL_not_used(String hw) {
        var o = Machine.with("hw=" + hw).program("t", (sys, argv) -> {
            sys.cpu().store32(LibcData.INIT_USERS, -5);
            boolean users = Arena.usconfig(sys, Ulocks.CONF_GETUSERS, 0) == -1 && sys.errno() == Errno.EINVAL
                    && Arena.usinit(sys, Arena.DEV_ZERO) == 0 && sys.errno() == Errno.EINVAL;
            sys.cpu().store32(LibcData.INIT_USERS, 0);
            sys.cpu().store64(LibcData.INIT_SIZE, 3);
            boolean size = Arena.usinit(sys, Arena.DEV_ZERO) == 0 && sys.errno() == Errno.EINVAL;
            // usconfig sets them right again.
            Arena.usconfig(sys, Ulocks.CONF_INITSIZE, 8192);
            boolean again = Arena.usinit(sys, Arena.DEV_ZERO) != 0;
            Stdio.puts(sys, users + " " + size + " " + again);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("true true true\n");
    }
}
