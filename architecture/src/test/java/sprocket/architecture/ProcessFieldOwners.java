package sprocket.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may write which part of the process structure: the owners of each group of fields of {@code Proc}, and of
 * its signal state and trap frame, as kernel packages. A write from anywhere else is a part of the kernel reaching
 * into another's state.
 */
final class ProcessFieldOwners {
    private static final String K = "sprocket.kernel.";
    private static final String PROC = K + "proc.Proc";
    private static final String SIGSTATE = K + "proc.SigState";
    private static final String TRAPFRAME = K + "proc.TrapFrame";

    /** Field groups of Proc and the packages that own them. */
    private static final Map<Set<String>, Set<String>> PROC_OWNERS = Map.ofEntries(
            // the process tree and job control: fork/exit/wait, setpgid/setsid, a stop the signals report
            Map.entry(Set.of("pgid", "sid", "execed", "parent", "status", "stopReported"),
                    Set.of("lifecycle", "syscall", "signal")),
            // credentials and limits: the calls that change them, fork and init, a share group's copies
            Map.entry(Set.of("cred", "limits"),
                    Set.of("lifecycle", "syscall", "proc")),
            // the image it runs
            Map.entry(Set.of("command", "argv", "envp", "program", "entry", "stackPointer"),
                    Set.of("lifecycle", "syscall")),
            // memory: the address space, vfork's loan, the fault the memory manager reported
            Map.entry(Set.of("space", "vforkParent", "faultSignal"),
                    Set.of("lifecycle", "syscall")),
            // files: descriptors and directories, which a share group copies between members
            Map.entry(Set.of("fds", "cwd", "root"),
                    Set.of("lifecycle", "syscall", "proc")),
            // the share group link, kept by the shared address block; exec and prctl change the mask
            Map.entry(Set.of("shaddr", "syncPending", "fdsPublished"),
                    Set.of("proc")),
            Map.entry(Set.of("shmask"),
                    Set.of("proc", "lifecycle", "syscall")),
            // blockproc(2) and the prctl(2) settings around it
            Map.entry(Set.of("blockCount"),
                    Set.of("share")),
            Map.entry(Set.of("unblockOnExec", "exitSignal", "termChild"),
                    Set.of("lifecycle", "syscall")),
            // the C library arena's bookkeeping (leaving for libc)
            Map.entry(Set.of("arenaUsers", "arenaSize", "arenaMember"),
                    Set.of("lifecycle", "syscall")),
            // the system call in progress
            Map.entry(Set.of("errno", "exiting"),
                    Set.of("lifecycle", "syscall")));
    private static final Set<String> SIGNAL_OWNERS = Set.of("proc", "signal", "syscall", "lifecycle");
    private static final Set<String> FRAME_OWNERS = Set.of("proc", "syscall");

    private ProcessFieldOwners() {
    }

    static void check(JavaClasses classes) {
        List<String> wrong = new ArrayList<>();
        for (JavaClass c : classes) {
            for (JavaFieldAccess a : c.getFieldAccessesFromSelf()) {
                if (a.getAccessType() != JavaFieldAccess.AccessType.SET) continue;
                String owner = a.getTarget().getOwner().getName();
                String field = a.getTarget().getName();
                Set<String> allowed = owners(owner, field);
                // A structure's own constructor and methods set their fields: that is its owner's business too.
                if (allowed == null || c.getName().equals(owner)) continue;
                String from = c.getPackageName();
                String part = from.startsWith(K) ? from.substring(K.length()) : from;
                if (!allowed.contains(part)) {
                    wrong.add(c.getName() + " writes " + owner + "." + field + " (owned by " + allowed + ")");
                }
            }
        }
        assertThat(wrong).as("writes to the process structure from outside its owners").isEmpty();
    }

    private static Set<String> owners(String owner, String field) {
        if (owner.equals(SIGSTATE)) return SIGNAL_OWNERS;
        if (owner.equals(TRAPFRAME)) return FRAME_OWNERS;
        if (!owner.equals(PROC)) return null;
        for (Map.Entry<Set<String>, Set<String>> e : PROC_OWNERS.entrySet()) {
            if (e.getKey().contains(field)) return e.getValue();
        }
        return Set.of("proc"); // a field nobody has been given: the process structure's own
    }
}
