package sprocket.ipc;

import static sprocket.api.Errno.E2BIG;
import static sprocket.api.Errno.EAGAIN;
import static sprocket.api.Errno.EFAULT;
import static sprocket.api.Errno.EIDRM;
import static sprocket.api.Errno.EINTR;
import static sprocket.api.Errno.EINVAL;
import static sprocket.api.Errno.ENOMSG;
import static sprocket.api.Errno.EPERM;
import static sprocket.api.sys.IpcFlags.IPC_NOWAIT;
import static sprocket.api.sys.IpcFlags.IPC_RMID;
import static sprocket.api.sys.IpcFlags.IPC_SET;
import static sprocket.api.sys.IpcFlags.IPC_STAT;
import static sprocket.api.sys.IpcFlags.MSG_NOERROR;
import static sprocket.api.sys.IpcFlags.MSG_STAT;
import static sprocket.ipc.Permissions.ALTER;
import static sprocket.ipc.Permissions.READ;

import java.util.Arrays;
import java.util.List;
import sprocket.api.ErrnoException;
import sprocket.api.kernel.Credentials;
import sprocket.api.kernel.KernelServices;
import sprocket.api.sys.MsqidDs;

/** System V message queues: msgget(2), msgsnd(2), msgrcv(2), msgctl(2) over the queue table. */
final class MessageQueues {

    /** Kernel cycles for a get, a control call, or the bookkeeping of a send or receive. */
    static final long CALL_CYCLES = 40;

    private final KernelServices kernel;
    private final IpcLimits limits;
    private final IpcTable<MessageQueue> table;
    /** Senders waiting because MSGTQL messages are queued system wide sleep here. */
    private final WaitChannel headerChannel = new WaitChannel("msg.headers");
    private boolean headerWaits;
    /** Messages on all queues, against MSGTQL. */
    private int messages;

    MessageQueues(KernelServices kernel, IpcLimits limits) {
        this.kernel = kernel;
        this.limits = limits;
        this.table = new IpcTable<>(limits.msgmni(), kernel.faults());
    }

    int live() {
        return table.live();
    }

    /** msgget(2): a new queue holds MSGMNB bytes. */
    int msgget(long key, int msgflg) {
        kernel.charge(CALL_CYCLES);
        Credentials cred = kernel.credentials();
        int r = table.get(key, msgflg, cred);
        if (r != IpcTable.CREATE) return r;
        int slot = table.freeSlot();
        var q = new MessageQueue(key, msgflg, cred, slot, table.seq(slot), table.size(), limits.msgmnb(),
                kernel.timeOfDayCycles());
        table.add(q);
        return q.id;
    }

    /**
     * msgsnd(2): queues the message, sleeping while "the number of bytes already on the queue is equal to
     * msg_qbytes" (here: the message does not fit) or "the total number of messages on all queues system-wide
     * is equal to the system-imposed limit".
     */
    int msgsnd(int msqid, long mtype, byte[] text, int len, int msgflg) {
        kernel.charge(CALL_CYCLES);
        MessageQueue q = table.lookup(msqid);
        if (q == null) throw ErrnoException.of(EINVAL);
        Permissions.access(q, ALTER, kernel.credentials());
        if (len < 0 || len > limits.msgmax()) throw ErrnoException.of(EINVAL);
        if (mtype < 1) throw ErrnoException.of(EINVAL);
        if (text == null || len > text.length) throw ErrnoException.of(EFAULT);
        for (;;) {
            if (q.removed) throw ErrnoException.of(EIDRM);
            boolean full = len + q.cbytes > q.qbytes;
            if (!full && messages < limits.msgtql()) break;
            if ((msgflg & IPC_NOWAIT) != 0) throw ErrnoException.of(EAGAIN);
            if (full) q.writerWaits = true;
            else headerWaits = true;
            int error = kernel.sleep(full ? q.roomChannel : headerChannel, true);
            if (q.removed) throw ErrnoException.of(EIDRM);
            if (error != 0) throw ErrnoException.of(EINTR);
        }
        q.append(new Message(mtype, Arrays.copyOf(text, len)));
        messages++;
        q.lspid = kernel.pid();
        q.stime = kernel.timeOfDayCycles();
        if (q.readerWaits) {
            q.readerWaits = false;
            kernel.wakeup(q.messageChannel);
        }
        return 0;
    }

    /**
     * msgrcv(2): takes the message {@code msgtyp} selects, copying at most {@code maxlen} bytes of it; a
     * longer one fails with E2BIG and stays queued unless MSG_NOERROR ("the received message is truncated
     * to msgsz bytes if it is longer ... The truncated part of the message is lost"). Returns the bytes
     * received; the type goes to {@code mtype[0]} when {@code mtype} is given.
     */
    int msgrcv(int msqid, long[] mtype, byte[] buf, int maxlen, long msgtyp, int msgflg) {
        kernel.charge(CALL_CYCLES);
        MessageQueue q = table.lookup(msqid);
        if (q == null) throw ErrnoException.of(EINVAL);
        Permissions.access(q, READ, kernel.credentials());
        if (maxlen < 0) throw ErrnoException.of(EINVAL);
        if (buf == null || maxlen > buf.length || mtype != null && mtype.length == 0) throw ErrnoException.of(EFAULT);
        Message m;
        for (;;) {
            if (q.removed) throw ErrnoException.of(EIDRM);
            m = q.find(msgtyp);
            if (m != null) break;
            if ((msgflg & IPC_NOWAIT) != 0) throw ErrnoException.of(ENOMSG);
            q.readerWaits = true;
            int error = kernel.sleep(q.messageChannel, true);
            if (q.removed) throw ErrnoException.of(EIDRM);
            if (error != 0) throw ErrnoException.of(EINTR);
        }
        if (m.text.length > maxlen && (msgflg & MSG_NOERROR) == 0) throw ErrnoException.of(E2BIG);
        int n = Math.min(m.text.length, maxlen);
        System.arraycopy(m.text, 0, buf, 0, n);
        if (mtype != null) mtype[0] = m.type;
        q.unlink(m);
        messages--;
        q.lrpid = kernel.pid();
        q.rtime = kernel.timeOfDayCycles();
        if (q.writerWaits) {
            q.writerWaits = false;
            kernel.wakeup(q.roomChannel);
        }
        wakeHeaderWaiters();
        return n;
    }

    /** msgctl(2) IPC_STAT (into {@code buf[0]}), IPC_SET (from it), IPC_RMID, and MSG_STAT (msqid is an index). */
    int msgctl(int msqid, int cmd, MsqidDs[] buf) {
        kernel.charge(CALL_CYCLES);
        Credentials cred = kernel.credentials();
        if (cmd == MSG_STAT) {
            MessageQueue q = table.byIndex(msqid);
            if (q == null) throw ErrnoException.of(EINVAL);
            stat(q, buf, cred);
            return q.id;
        }
        MessageQueue q = table.lookup(msqid);
        if (q == null) throw ErrnoException.of(EINVAL);
        switch (cmd) {
            case IPC_STAT:
                return stat(q, buf, cred);
            case IPC_SET:
                return set(q, buf, cred);
            case IPC_RMID: {
                Permissions.owner(q, cred);
                remove(q);
                return 0;
            }
            default:
                throw ErrnoException.of(EINVAL);
        }
    }

    private int set(MessageQueue q, MsqidDs[] buf, Credentials cred) {
        Permissions.owner(q, cred);
        if (buf == null || buf.length == 0 || buf[0] == null || buf[0].perm() == null) throw ErrnoException.of(EFAULT);
        long qbytes = buf[0].qbytes();
        // msgctl(2): EPERM, "an attempt is being made to increase to the value of msg_qbytes, and the effective
        // user ID of the calling process is not equal to that of super user".
        if (qbytes > q.qbytes && !cred.root()) throw ErrnoException.of(EPERM);
        if (qbytes < 0) throw ErrnoException.of(EINVAL);
        boolean grew = qbytes > q.qbytes;
        q.set(buf[0].perm(), kernel.timeOfDayCycles());
        q.qbytes = qbytes;
        if (grew && q.writerWaits) {
            q.writerWaits = false;
            kernel.wakeup(q.roomChannel);
        }
        return 0;
    }

    private int stat(MessageQueue q, MsqidDs[] buf, Credentials cred) {
        Permissions.access(q, READ, cred);
        if (buf == null || buf.length == 0) throw ErrnoException.of(EFAULT);
        buf[0] = q.stat(kernel.clockHz());
        return 0;
    }

    /** The system is going down: every queue goes, as IPC_RMID takes it. Returns how many there were. */
    int removeAll() {
        List<MessageQueue> all = table.all();
        for (MessageQueue q : all) remove(q);
        return all.size();
    }

    /** IPC_RMID: the messages go; every sleeper wakes to fail with EIDRM. */
    private void remove(MessageQueue q) {
        table.remove(q);
        messages -= (int) q.qnum;
        if (q.readerWaits) kernel.wakeup(q.messageChannel);
        if (q.writerWaits) kernel.wakeup(q.roomChannel);
        q.readerWaits = false;
        q.writerWaits = false;
        wakeHeaderWaiters();
    }

    private void wakeHeaderWaiters() {
        if (headerWaits) {
            headerWaits = false;
            kernel.wakeup(headerChannel);
        }
    }
}
