package sprocket.kernel.lifecycle;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.ErrnoException;
import sprocket.api.Signals;
import sprocket.api.hw.Machine;
import sprocket.api.sys.Program;
import sprocket.api.sys.Rlimit;
import sprocket.api.sys.SignalHandler;
import sprocket.api.vm.AddressSpace;
import sprocket.api.vm.MemoryManager;
import sprocket.kernel.engine.Cpu;
import sprocket.kernel.engine.Engine;
import sprocket.kernel.proc.Proc;
import sprocket.kernel.proc.SigState;
import sprocket.kernel.share.ShareGroups;
import sprocket.kernel.stats.Stats;
import sprocket.kernel.stats.Trace;
import sprocket.kernel.vfs.File;

/** exec(2): a new image for the calling process, its arguments on the new stack, the old image gone. */
@Singleton
public final class Exec {
    private final Engine engine;
    private final MemoryManager memory;
    private final Programs programs;
    private final ShareGroups shares;
    private final Exit exit;
    private final ArgumentVector arguments;
    private final Trace trace;
    private final Stats.Count execs;

    @Inject
    Exec(Engine engine, MemoryManager memory, Programs programs, ShareGroups shares, Exit exit, Machine machine,
            Trace trace, Stats stats) {
        this.engine = engine;
        this.memory = memory;
        this.programs = programs;
        this.shares = shares;
        this.exit = exit;
        this.arguments = new ArgumentVector(engine, machine);
        this.trace = trace;
        this.execs = stats.counter("execs");
    }

    /**
     * exec(2) of the program {@code programName} (what the executable's header names): builds the new image, then
     * lets the old one go; the caller then unwinds the old Java stack. Throws ENOEXEC, ENOMEM or E2BIG when the old
     * image must go on.
     */
    public void exec(Proc p, String programName, String[] argv, String[] envp) {
        Program program = programs.get(programName);
        if (program == null) throw ErrnoException.of(Errno.ENOEXEC);
        Cpu cpu = p.cpu();
        // The new image's stack may grow as far as RLIMIT_STACK allows, as exec(2) sets it up.
        AddressSpace space = memory.create(cpu.id, Fork.image(programName, p.limits.cur(Rlimit.RLIMIT_STACK)));
        AddressSpace old = p.space;
        p.space = space;
        engine.activate(cpu, space);
        long sp = arguments.push(cpu, space, argv, envp);
        if (sp < 0) {
            // The stack could not hold them (E2BIG), or a page of it could not be had (exec(2): ENOMEM).
            boolean outOfMemory = p.faultSignal == Signals.SIGKILL;
            p.faultSignal = 0;
            p.space = old;
            engine.activate(cpu, old);
            space.destroy(cpu.id);
            throw ErrnoException.of(outOfMemory ? Errno.ENOMEM : Errno.E2BIG);
        }
        if (p.vforkParent != null) {
            exit.giveBack(p);
        } else {
            engine.forget(old);
            shares.updateBegin(p);
            old.destroy(cpu.id);
            shares.updateEnd(p);
        }
        // exec(2) "removes the process from the share group before overlaying the new process image".
        exit.leaveGroup(p);
        p.shmask = 0; // the new image has no threads library either (PR_INIT_THREADS's mark goes with the old one)
        for (int fd = 0; fd < p.fds.size(); fd++) {
            if (p.fds.closeOnExec(fd)) {
                File f = p.fds.remove(fd);
                if (f != null) f.release();
            }
        }
        SigState s = p.sig;
        for (int sig = 1; sig < Signals.NSIG; sig++) {
            SignalHandler h = s.handler(sig);
            if (h != SignalHandler.IGNORE && h != SignalHandler.DEFAULT) s.setAction(sig, SigState.DEFAULT_ACTION);
        }
        p.program = program;
        p.entry = null;
        p.command = programName;
        p.argv = argv;
        p.envp = envp;
        p.stackPointer = sp;
        p.execed = true;
        execs.increment();
        trace.event(Trace.EXEC, engine.now(), cpu.id, p.pid, 0);
    }
}
