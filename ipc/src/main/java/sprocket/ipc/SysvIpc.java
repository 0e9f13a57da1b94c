package sprocket.ipc;

import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.ipc.Ipc;
import sprocket.api.ipc.PipeEnds;
import sprocket.api.ipc.SocketFile;
import sprocket.api.ipc.SocketNames;
import sprocket.api.kernel.Credentials;
import sprocket.api.kernel.KernelServices;
import sprocket.api.spi.Faults;
import sprocket.api.sys.MsqidDs;
import sprocket.api.sys.Sembuf;
import sprocket.api.sys.SemidDs;
import sprocket.api.sys.ShmidDs;
import sprocket.api.vm.MemoryManager;
import sprocket.api.vm.Segment;

/**
 * The IPC set one boot uses: it makes pipes and counts the ones still open, holds the System V tables
 * (semaphores, message queues, shared memory), and has the socket layer.
 */
final class SysvIpc implements Ipc {

    private final KernelServices kernel;
    private final Semaphores semaphores;
    private final MessageQueues queues;
    private final SharedMemory shm;
    private final Sockets sockets;
    /** Pipe numbers (their st_ino) in creation order, so runs repeat exactly. */
    private int nextId = 1;
    private int live;

    SysvIpc(KernelServices kernel, MemoryManager memory, SocketNames names, IpcLimits limits) {
        this.kernel = kernel;
        this.sockets = new Sockets(kernel, names, limits);
        this.semaphores = new Semaphores(kernel, limits);
        this.queues = new MessageQueues(kernel, limits);
        this.shm = new SharedMemory(kernel, memory, limits);
    }

    @Override
    public PipeEnds pipe() {
        // The kernel has no room for the pipe's buffer: pipe(2) and open(2) of a FIFO say ENFILE.
        if (kernel.faults().shouldFail(Faults.PIPE_BUFFERS)) throw ErrnoException.of(Errno.ENFILE);
        Credentials cred = kernel.credentials();
        Pipe pipe = new Pipe(this, kernel, nextId++, cred.euid(), cred.egid());
        live++;
        return new PipeEnds(pipe.readEnd(), pipe.writeEnd());
    }

    @Override
    public int livePipes() {
        return live;
    }

    @Override
    public SocketFile socket(int domain, int type, int protocol) {
        return sockets.socket(domain, type, protocol);
    }

    @Override
    public SocketFile[] socketpair(int domain, int type, int protocol) {
        return sockets.socketpair(domain, type, protocol);
    }

    @Override
    public int liveSockets() {
        return sockets.live();
    }

    /** The last descriptor of {@code pipe}'s last end was closed. */
    void closed() {
        live--;
    }

    @Override
    public int semget(long key, int nsems, int semflg) {
        return semaphores.semget(key, nsems, semflg);
    }

    @Override
    public int semop(int semid, Sembuf[] sops) {
        return semaphores.semop(semid, sops);
    }

    @Override
    public int semctl(int semid, int semnum, int cmd, int val) {
        return semaphores.semctl(semid, semnum, cmd, val);
    }

    @Override
    public int semctl(int semid, int cmd, int[] values) {
        return semaphores.semctl(semid, cmd, values);
    }

    @Override
    public int semctl(int semid, int cmd, SemidDs[] buf) {
        return semaphores.semctl(semid, cmd, buf);
    }

    @Override
    public int msgget(long key, int msgflg) {
        return queues.msgget(key, msgflg);
    }

    @Override
    public int msgsnd(int msqid, long mtype, byte[] text, int len, int msgflg) {
        return queues.msgsnd(msqid, mtype, text, len, msgflg);
    }

    @Override
    public int msgrcv(int msqid, long[] mtype, byte[] buf, int maxlen, long msgtyp, int msgflg) {
        return queues.msgrcv(msqid, mtype, buf, maxlen, msgtyp, msgflg);
    }

    @Override
    public int msgctl(int msqid, int cmd, MsqidDs[] buf) {
        return queues.msgctl(msqid, cmd, buf);
    }

    @Override
    public int shmget(long key, long size, int shmflg) {
        return shm.shmget(key, size, shmflg);
    }

    @Override
    public Segment shmat(int shmid, int shmflg) {
        return shm.shmat(shmid, shmflg);
    }

    @Override
    public void attached(Segment segment) {
        shm.attached(segment);
    }

    @Override
    public void detached(Segment segment) {
        shm.detached(segment);
    }

    @Override
    public int shmctl(int shmid, int cmd, ShmidDs[] buf) {
        return shm.shmctl(shmid, cmd, buf);
    }

    @Override
    public void exit(int pid) {
        semaphores.exit(pid);
    }

    @Override
    public int liveObjects() {
        return semaphores.live() + queues.live() + shm.live();
    }

    @Override
    public int shutdown() {
        return semaphores.removeAll() + queues.removeAll() + shm.removeAll();
    }

    /** For tests: the process's SEM_UNDO adjustment of one semaphore. */
    int semadj(int pid, int semid, int semnum) {
        return semaphores.adjustment(pid, semid, semnum);
    }
}
