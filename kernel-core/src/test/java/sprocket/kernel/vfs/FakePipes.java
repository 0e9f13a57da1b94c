package sprocket.kernel.vfs;

import java.io.ByteArrayOutputStream;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.Signals;
import sprocket.api.fs.FileOps;
import sprocket.api.ipc.Ipc;
import sprocket.api.ipc.PipeEnds;
import sprocket.api.ipc.SocketFile;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.MsqidDs;
import sprocket.api.sys.Sembuf;
import sprocket.api.sys.SemidDs;
import sprocket.api.sys.ShmidDs;
import sprocket.api.sys.Stat;
import sprocket.api.vm.Segment;

/**
 * A hand-written stand-in for the IPC module, pipes only: an unbounded buffer between a read end and a write end, with
 * pipe(2)'s rules (end of file with no writer, EAGAIN under O_NONBLOCK, SIGPIPE and EPIPE with no reader) and sleeps on
 * the pipe through the fake kernel. Counts the pipes made and those still open; anything else fails the test.
 */
final class FakePipes implements Ipc {

    private final FakeKernel kernel;
    int made;
    int live;
    /** When not 0, the next pipe() fails with it. */
    int failWith;

    FakePipes(FakeKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public PipeEnds pipe() {
        if (failWith != 0) {
            int e = failWith;
            failWith = 0;
            throw ErrnoException.of(e);
        }
        made++;
        live++;
        Pipe p = new Pipe(made);
        return new PipeEnds(p.new End(true), p.new End(false));
    }

    @Override
    public int livePipes() {
        return live;
    }

    private final class Pipe {
        private final int id;
        private final ByteArrayOutputStream buffered = new ByteArrayOutputStream();
        private int readers = 1;
        private int writers = 1;

        Pipe(int id) {
            this.id = id;
        }

        final class End implements FileOps {
            private final boolean reading;
            private boolean closed;

            End(boolean reading) {
                this.reading = reading;
            }

            @Override
            public int read(byte[] buf, int off, int len, int fflags) {
                if (!reading || closed) throw new AssertionError("read through " + this);
                while (buffered.size() == 0) {
                    if (writers == 0) return 0;
                    if ((fflags & Fcntl.O_NONBLOCK) != 0) throw ErrnoException.of(Errno.EAGAIN);
                    int r = kernel.sleep(Pipe.this, true);
                    if (r != 0) throw ErrnoException.of(r);
                }
                byte[] all = buffered.toByteArray();
                int n = Math.min(len, all.length);
                System.arraycopy(all, 0, buf, off, n);
                buffered.reset();
                buffered.write(all, n, all.length - n);
                return n;
            }

            @Override
            public int write(byte[] buf, int off, int len, int fflags) {
                if (reading || closed) throw new AssertionError("write through " + this);
                if (readers == 0) {
                    kernel.signal(kernel.pid(), Signals.SIGPIPE);
                    throw ErrnoException.of(Errno.EPIPE);
                }
                buffered.write(buf, off, len);
                kernel.wakeup(Pipe.this);
                return len;
            }

            @Override
            public Stat stat() {
                return new Stat(0xFFFF, id, FileMode.S_IFIFO | 0600, 0, 0, 0, 0, buffered.size(), 0, 0, 0);
            }

            @Override
            public void close() {
                if (closed) throw new AssertionError("pipe end closed twice");
                closed = true;
                if (reading) readers--;
                else writers--;
                kernel.wakeup(Pipe.this);
                if (readers == 0 && writers == 0) live--;
            }

            @Override
            public String toString() {
                return "pipe#" + id + (reading ? ".r" : ".w");
            }
        }
    }

    private static AssertionError unexpected() {
        return new AssertionError("the file layer asked the IPC module for something other than a pipe");
    }

    @Override public SocketFile socket(int domain, int type, int protocol) { throw unexpected(); }
    @Override public SocketFile[] socketpair(int domain, int type, int protocol) { throw unexpected(); }
    @Override public int liveSockets() { throw unexpected(); }
    @Override public int semget(long key, int nsems, int semflg) { throw unexpected(); }
    @Override public int semop(int semid, Sembuf[] sops) { throw unexpected(); }
    @Override public int semctl(int semid, int semnum, int cmd, int val) { throw unexpected(); }
    @Override public int semctl(int semid, int cmd, int[] values) { throw unexpected(); }
    @Override public int semctl(int semid, int cmd, SemidDs[] buf) { throw unexpected(); }
    @Override public int msgget(long key, int msgflg) { throw unexpected(); }
    @Override public int msgsnd(int msqid, long mtype, byte[] text, int len, int msgflg) { throw unexpected(); }
    @Override public int msgrcv(int msqid, long[] mtype, byte[] buf, int maxlen, long msgtyp, int msgflg) { throw unexpected(); }
    @Override public int msgctl(int msqid, int cmd, MsqidDs[] buf) { throw unexpected(); }
    @Override public int shmget(long key, long size, int shmflg) { throw unexpected(); }
    @Override public Segment shmat(int shmid, int shmflg) { throw unexpected(); }
    @Override public void attached(Segment segment) { throw unexpected(); }
    @Override public void detached(Segment segment) { throw unexpected(); }
    @Override public int shmctl(int shmid, int cmd, ShmidDs[] buf) { throw unexpected(); }
    @Override public void exit(int pid) { throw unexpected(); }
    @Override public int liveObjects() { throw unexpected(); }
    @Override public int shutdown() { throw unexpected(); }
}
