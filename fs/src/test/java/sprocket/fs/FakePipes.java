package sprocket.fs;

import java.io.ByteArrayOutputStream;
import sprocket.api.Errno;
import sprocket.api.Signals;
import sprocket.api.fs.OpenFile;
import sprocket.api.fs.PipeResult;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.FileMode;
import sprocket.api.sys.Stat;

/**
 * A hand-written stand-in for the IPC module's pipes: an unbounded buffer between a read end and a write end, each
 * held once, with pipe(2)'s rules (end of file with no writer, EAGAIN under O_NONBLOCK, SIGPIPE and EPIPE with no
 * reader) and sleeps on the pipe through the fake kernel. Counts the pipes made and those still open.
 */
final class FakePipes {

    private final FakeKernel kernel;
    int made;
    int live;
    /** When not 0, the next pipe() fails with it. */
    int failWith;

    FakePipes(FakeKernel kernel) {
        this.kernel = kernel;
    }

    PipeResult pipe() {
        if (failWith != 0) {
            int e = failWith;
            failWith = 0;
            return PipeResult.error(e);
        }
        made++;
        live++;
        Pipe p = new Pipe(made);
        return new PipeResult(p.new End(true), p.new End(false), 0);
    }

    private final class Pipe {
        private final int id;
        private final ByteArrayOutputStream buffered = new ByteArrayOutputStream();
        private int readers = 1;
        private int writers = 1;

        Pipe(int id) {
            this.id = id;
        }

        private int available() {
            return buffered.size();
        }

        final class End implements OpenFile {
            private final boolean reading;
            private int flags;
            private int references = 1;

            End(boolean reading) {
                this.reading = reading;
                this.flags = reading ? Fcntl.O_RDONLY : Fcntl.O_WRONLY;
            }

            @Override
            public int read(byte[] buf, int off, int len) {
                if (!reading || references == 0) return -Errno.EBADF;
                while (available() == 0) {
                    if (writers == 0) return 0;
                    if ((flags & Fcntl.O_NONBLOCK) != 0) return -Errno.EAGAIN;
                    int r = kernel.sleep(Pipe.this, true);
                    if (r != 0) return -r;
                }
                byte[] all = buffered.toByteArray();
                int n = Math.min(len, all.length);
                System.arraycopy(all, 0, buf, off, n);
                buffered.reset();
                buffered.write(all, n, all.length - n);
                return n;
            }

            @Override
            public int write(byte[] buf, int off, int len) {
                if (reading || references == 0) return -Errno.EBADF;
                if (readers == 0) {
                    kernel.signal(kernel.pid(), Signals.SIGPIPE);
                    return -Errno.EPIPE;
                }
                buffered.write(buf, off, len);
                kernel.wakeup(Pipe.this);
                return len;
            }

            @Override
            public long lseek(long offset, int whence) {
                return -Errno.ESPIPE;
            }

            @Override
            public int flags() {
                return flags;
            }

            @Override
            public void setFlags(int newFlags) {
                flags = (flags & Fcntl.O_ACCMODE) | (newFlags & Fcntl.O_NONBLOCK);
            }

            @Override
            public Stat stat() {
                return new Stat(0xFFFF, id, FileMode.S_IFIFO | 0600, 0, 0, 0, 0, available(), 0, 0, 0);
            }

            @Override
            public void hold() {
                references++;
            }

            @Override
            public void release() {
                if (references == 0) throw new AssertionError("pipe end released more often than held");
                if (--references > 0) return;
                if (reading) readers--;
                else writers--;
                kernel.wakeup(Pipe.this);
                if (readers == 0 && writers == 0) live--;
            }

            @Override
            public int references() {
                return references;
            }
        }
    }
}
