package sprocket.libc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sprocket.api.Errno;

/** utmp(4) and getut(3C)'s pututline over a real kernel's file system. */
class UtmpTest {

    @Test
    void pututline_replaces_the_entry_with_the_same_id_or_adds_one_and_entries_reads_them_in_order() {
        var o = Machine.with().program("t", (sys, argv) -> {
            sys.mkdir("/var", 0755);
            sys.mkdir("/var/adm", 0755);
            StringBuilder out = new StringBuilder();
            // getutent(3C) on a file that is not there: "a null pointer is returned" (open(2)'s ENOENT here).
            out.append(Utmp.entries(sys, Utmp.UTMP_FILE) == null && sys.errno() == Errno.ENOENT).append('\n');
            Utmp ann = new Utmp("ann", "sole", "console", 7, Utmp.USER_PROCESS, 0, 0, 100);
            Utmp bob = new Utmp("bobbybobby", "tty1", "tty1", 8, Utmp.USER_PROCESS, 0, 0, 200);
            Utmp boot = new Utmp("", "", "system boot", 0, Utmp.BOOT_TIME, 0, 0, 0);
            out.append(Utmp.pututline(sys, Utmp.UTMP_FILE, boot)).append(Utmp.pututline(sys, Utmp.UTMP_FILE, ann))
                    .append(Utmp.pututline(sys, Utmp.UTMP_FILE, bob)).append('\n');
            // pututline(3C): "uses getutid to search forward for the proper place": ann's logout replaces her entry.
            Utmp gone = new Utmp("ann", "sole", "console", 7, Utmp.DEAD_PROCESS, 0, 3, 150);
            out.append(Utmp.pututline(sys, Utmp.UTMP_FILE, gone)).append('\n');
            List<Utmp> all = Utmp.entries(sys, Utmp.UTMP_FILE);
            for (Utmp u : all) out.append(u).append('\n');
            out.append(sys.stat(Utmp.UTMP_FILE).size());
            Stdio.puts(sys, out.toString());
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("""
                true
                000
                0
                Utmp[user=, id=, line=system boot, pid=0, type=2, termination=0, exit=0, time=0]
                Utmp[user=ann, id=sole, line=console, pid=7, type=8, termination=0, exit=3, time=150]
                Utmp[user=bobbybob, id=tty1, line=tty1, pid=8, type=7, termination=0, exit=0, time=200]
                108
                """);
    }
}
