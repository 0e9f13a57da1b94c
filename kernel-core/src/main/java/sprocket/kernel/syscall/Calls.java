package sprocket.kernel.syscall;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The kernel's code for the system calls, one family a class; the table's handlers reach them here. */
@Singleton
public final class Calls {
    final ProcessCalls processes;
    final SignalCalls signals;
    final FileCalls files;
    final NameCalls names;
    final MemoryCalls memory;
    final IpcCalls ipc;
    final SocketCalls sockets;
    final SchedCalls sched;
    final ShareCalls shares;
    final TtyCalls ttys;

    @Inject
    Calls(ProcessCalls processes, SignalCalls signals, FileCalls files, NameCalls names, MemoryCalls memory,
            IpcCalls ipc, SocketCalls sockets, SchedCalls sched, ShareCalls shares, TtyCalls ttys) {
        this.processes = processes;
        this.signals = signals;
        this.files = files;
        this.names = names;
        this.memory = memory;
        this.ipc = ipc;
        this.sockets = sockets;
        this.sched = sched;
        this.shares = shares;
        this.ttys = ttys;
    }
}
