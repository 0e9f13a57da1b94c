package sprocket.libc;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.libc.Machine.waitFor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sprocket.api.Errno;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Mman;
import sprocket.api.sys.Sys;
import sprocket.api.sys.Wait;

/** usinit(3P) and usconfig(3P), run in real kernels. */
class ArenaTest {

    private static String line(Sys sys, Object... words) {
        StringBuilder b = new StringBuilder();
        for (Object w : words) b.append(b.isEmpty() ? "" : " ").append(w);
        Stdio.puts(sys, b.toString());
        return b.toString();
    }

    @Test
    void usconfig_sets_and_reads_the_arena_parameters_and_refuses_the_unknown() {
        // usconfig(3P) CONF_INITUSERS: "The maximum allowable is 10000 users, and the initial value is 8 ... It
        // returns the previously set value." CONF_INITSIZE: "The initial value is 65536 bytes."
        var o = Machine.with().program("t", (sys, argv) -> {
            long users = Arena.usconfig(sys, Ulocks.CONF_GETUSERS, 0);
            long old = Arena.usconfig(sys, Ulocks.CONF_INITUSERS, 12);
            long now = Arena.usconfig(sys, Ulocks.CONF_GETUSERS, 0);
            long size = Arena.usconfig(sys, Ulocks.CONF_GETSIZE, 0);
            boolean bad = Arena.usconfig(sys, 99, 0) == -1 && sys.errno() == Errno.EINVAL;
            boolean zero = Arena.usconfig(sys, Ulocks.CONF_INITUSERS, 0) == -1 && sys.errno() == Errno.EINVAL;
            boolean many = Arena.usconfig(sys, Ulocks.CONF_INITUSERS, 10_001) == -1 && sys.errno() == Errno.EINVAL;
            boolean small = Arena.usconfig(sys, Ulocks.CONF_INITSIZE, 100) == -1 && sys.errno() == Errno.EINVAL;
            line(sys, users, old, now, size, bad, zero, many, small, Arena.usconfig(sys, Ulocks.CONF_INITUSERS, 10_000));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("8 8 12 65536 true true true true 12\n");
    }

    @Test
    void CONF_GETUSERS_and_CONF_GETSIZE_describe_the_arena_given_and_refuse_what_is_no_arena() {
        // usconfig(3P): CONF_GETSIZE "Returns the arena size (in bytes) for the arena specified by the second argument".
        var o = Machine.with().program("t", (sys, argv) -> {
            Arena.usconfig(sys, Ulocks.CONF_INITUSERS, 3);
            Arena.usconfig(sys, Ulocks.CONF_INITSIZE, 8192);
            long arena = Arena.usinit(sys, Arena.DEV_ZERO);
            Arena.usconfig(sys, Ulocks.CONF_INITUSERS, 5);
            long users = Arena.usconfig(sys, Ulocks.CONF_GETUSERS, arena);
            long size = Arena.usconfig(sys, Ulocks.CONF_GETSIZE, arena);
            long data = sys.sbrk(4096);
            boolean notOne = Arena.usconfig(sys, Ulocks.CONF_GETSIZE, data) == -1 && sys.errno() == Errno.EINVAL;
            line(sys, users, size, Arena.usconfig(sys, Ulocks.CONF_GETUSERS, 0), notOne);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("3 8192 5 true\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void an_arena_file_is_shared_by_unrelated_processes_and_admits_its_configured_users(String hw) {
        // usinit(3P): "usinit uses a file in the file system to name the arena. This name can then be used by
        // unrelated processes to access the arena." usconfig(3P): "Each process that calls usinit(3P) is considered a
        // user". The arena's most users were fixed by its maker.
        var o = Machine.with("hw=" + hw).program("t", (sys, argv) -> {
            Arena.usconfig(sys, Ulocks.CONF_INITUSERS, 2);
            long mine = Arena.usinit(sys, "/tmp/arena");
            long lock = Ulock.usnewlock(sys, mine);
            Ulock.ussetlock(sys, lock);
            // A forked process maps the same file: it sees the lock held, and is the second user; a third is refused.
            int f = sys.fork(s -> {
                Arena.usconfig(s, Ulocks.CONF_INITUSERS, 50); // too late: the arena was made for 2
                long theirs = Arena.usinit(s, "/tmp/arena");
                int held = Ulock.uscsetlock(s, theirs + (lock - mine), 5);
                int third = s.fork(s2 -> Arena.usinit(s2, "/tmp/arena") == 0 && s2.errno() == Errno.ENOSPC ? 7 : 1);
                return held * 10 + Wait.WEXITSTATUS(waitFor(s, third));
            });
            int st = waitFor(sys, f);
            Ulock.usunsetlock(sys, lock);
            long size = sys.stat("/tmp/arena").size();
            line(sys, Wait.WEXITSTATUS(st), size);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("7 65536\n");
    }

    @Test
    void usinit_fails_with_the_errors_of_open_and_fcntl_and_EFAULT_for_no_name() {
        // sproc(2) on the library arena: "[EACCES] The shared arena file ... could not be opened or created for
        // read/write."; usinit passes on what open(2) says, and fcntl(2)'s EINVAL for a device: "fildes refers to a
        // file that does not support locking".
        var o = Machine.with().program("t", (sys, argv) -> {
            String noName = Arena.usinit(sys, null) == 0 ? Errno.name(sys.errno()) : "mapped";
            String noDir = Arena.usinit(sys, "/no/such/dir/arena") == 0 ? Errno.name(sys.errno()) : "mapped";
            String dir = Arena.usinit(sys, "/tmp") == 0 ? Errno.name(sys.errno()) : "mapped";
            String device = Arena.usinit(sys, "/dev/null") == 0 ? Errno.name(sys.errno()) : "mapped";
            int fd = sys.open("/tmp/ro", Fcntl.O_WRONLY | Fcntl.O_CREAT, 0444);
            sys.close(fd);
            sys.setuid(100);
            String readOnly = Arena.usinit(sys, "/tmp/ro") == 0 ? Errno.name(sys.errno()) : "mapped";
            line(sys, noName, noDir, dir, device, readOnly);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("EFAULT ENOENT EISDIR EINVAL EACCES\n");
    }

    @Test
    void a_dev_zero_arena_is_anonymous_shared_memory_its_maker_and_children_see() {
        var o = Machine.with().program("t", (sys, argv) -> {
            long arena = Arena.usinit(sys, Arena.DEV_ZERO);
            long sema = Usema.usnewsema(sys, arena, 0);
            int c = sys.fork(s -> Usema.usvsema(s, sema));
            waitFor(sys, c);
            // The child's usvsema is seen here: the count it raised is there to take.
            line(sys, Usema.uscpsema(sys, sema), Usema.uscpsema(sys, sema));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("1 0\n");
    }

    @Test
    void a_file_that_holds_no_arena_is_made_one_and_a_header_that_does_not_add_up_is_EINVAL() {
        var o = Machine.with().program("t", (sys, argv) -> {
            int fd = sys.open("/tmp/text", Fcntl.O_RDWR | Fcntl.O_CREAT, 0644);
            byte[] junk = "#!/bin/sh\necho this is no arena\n".getBytes();
            sys.write(fd, junk, 0, junk.length);
            sys.close(fd);
            long arena = Arena.usinit(sys, "/tmp/text");
            long lock = Ulock.usnewlock(sys, arena);
            // Any process may store anything in a shared mapping: an arena whose header lies is refused.
            sys.cpu().store32(arena + Arena.H_NEXT, 7);
            boolean refused = Ulock.usnewlock(sys, arena) == 0 && sys.errno() == Errno.EINVAL;
            long other = sys.mmap(0, 4096, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, -1, 0);
            boolean none = Ulock.usnewlock(sys, other) == 0 && sys.errno() == Errno.EINVAL
                    && Usema.usnewsema(sys, 0, 1) == 0 && sys.errno() == Errno.EINVAL;
            line(sys, lock - arena, refused, none);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("32 true true\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void an_arena_hands_out_whole_lines_until_it_is_full_then_ENOMEM(String hw) {
        // usnewlock(3P): "[ENOMEM] There is no memory in the arena available to allocate the lock structure".
        var o = Machine.with("hw=" + hw).program("t", (sys, argv) -> {
            Arena.usconfig(sys, Ulocks.CONF_INITSIZE, 4096);
            long arena = Arena.usinit(sys, Arena.DEV_ZERO);
            long first = Ulock.usnewlock(sys, arena);
            long second = Ulock.usnewlock(sys, arena);
            int made = 2;
            while (Ulock.usnewlock(sys, arena) != 0) made++;
            String why = Errno.name(sys.errno());
            line(sys, first - arena, second - first, made, why);
            return 0;
        }).run("t");
        // 4096 bytes: the header's line and 127 more.
        assertThat(o.console()).isEqualTo("32 32 127 ENOMEM\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void an_arena_gives_at_most_4096_locks_then_ENOSPC(String hw) {
        // usnewlock(3P): "[ENOSPC] If the system imposed maximum (4096) number of allocatable locks has been exceeded."
        var o = Machine.with("hw=" + hw).program("t", (sys, argv) -> {
            Arena.usconfig(sys, Ulocks.CONF_INITSIZE, 1 << 20);
            long arena = Arena.usinit(sys, Arena.DEV_ZERO);
            int made = 0;
            while (Ulock.usnewlock(sys, arena) != 0) made++;
            String why = Errno.name(sys.errno());
            line(sys, made, why, Usema.usnewsema(sys, arena, 1) != 0);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("4096 ENOSPC true\n");
    }
}
