package sprocket.ipc;

import sprocket.api.kernel.Credentials;
import sprocket.api.sys.MsqidDs;

/**
 * A message queue ({@code struct msqid_ds}): messages in arrival order, the bytes they hold against
 * msg_qbytes, the last sender and receiver and their times. Receivers sleep on one channel for a message,
 * senders on another for room; like SVR4's MSG_RWAIT and MSG_WWAIT, a side wakes the other only when someone
 * there waits.
 */
final class MessageQueue extends IpcObject {

    private Message head;
    private Message tail;
    long qnum;
    long cbytes;
    long qbytes;
    int lspid;
    int lrpid;
    /** Cycle counts of the last msgsnd and msgrcv. */
    long stime;
    long rtime;
    boolean readerWaits;
    boolean writerWaits;
    final WaitChannel messageChannel;
    final WaitChannel roomChannel;

    MessageQueue(long key, int mode, Credentials cred, int slot, int seq, int slots, long qbytes, long now) {
        super(key, mode, cred, slot, seq, slots, now);
        this.qbytes = qbytes;
        this.messageChannel = new WaitChannel("msq#" + id + ".data");
        this.roomChannel = new WaitChannel("msq#" + id + ".room");
    }

    void append(Message m) {
        if (tail == null) head = m;
        else tail.next = m;
        tail = m;
        qnum++;
        cbytes += m.text.length;
    }

    /**
     * msgrcv(2): msgtyp 0 takes the first message; above 0, the first of that type; below 0, "the first
     * message of the lowest type that is less than or equal to the absolute value of msgtyp". Null if none.
     */
    Message find(long msgtyp) {
        if (msgtyp == 0) return head;
        if (msgtyp > 0) {
            for (Message m = head; m != null; m = m.next) {
                if (m.type == msgtyp) return m;
            }
            return null;
        }
        long bound = msgtyp == Long.MIN_VALUE ? Long.MAX_VALUE : -msgtyp;
        Message best = null;
        for (Message m = head; m != null; m = m.next) {
            if (m.type <= bound && (best == null || m.type < best.type)) best = m;
        }
        return best;
    }

    void unlink(Message m) {
        Message prev = null;
        for (Message at = head; at != m; at = at.next) prev = at;
        if (prev == null) head = m.next;
        else prev.next = m.next;
        if (tail == m) tail = prev;
        m.next = null;
        qnum--;
        cbytes -= m.text.length;
    }

    MsqidDs stat(long hz) {
        return new MsqidDs(perm(), qnum, qbytes, cbytes, lspid, lrpid, stime / hz, rtime / hz, ctime / hz);
    }

    @Override
    public String toString() {
        return "msq#" + id;
    }
}
