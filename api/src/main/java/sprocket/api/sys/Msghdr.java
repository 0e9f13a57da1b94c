package sprocket.api.sys;

/**
 * sendmsg(2) and recvmsg(2)'s {@code struct msghdr}, with one I/O vector and the one control message this kernel
 * knows, SCM_RIGHTS. Like the C structure it is filled in by the caller and, for recvmsg, written by the kernel.
 */
public final class Msghdr {
    /** msg_name: sendmsg's destination (null: the connected peer); recvmsg sets it to the sender's address. */
    public SockAddr name;
    /** msg_iov: the bytes to send, or the buffer to receive into, from {@code off} for {@code len} bytes. */
    public byte[] buf;
    public int off;
    public int len;
    /**
     * The SCM_RIGHTS control message: the descriptors sendmsg passes (null or empty: no control message).
     * recvmsg stores here the descriptors it installed for the caller (a new array, empty when none came).
     */
    public int[] rights;
    /**
     * msg_controllen, reduced to what it means for SCM_RIGHTS: the most descriptors recvmsg may install. Those
     * passed beyond it are closed and MSG_CTRUNC is set.
     */
    public int maxRights;
    /** msg_flags, set by recvmsg: {@link Socket#MSG_TRUNC} (datagram cut short), {@link Socket#MSG_CTRUNC}. */
    public int flags;

    public Msghdr(byte[] buf, int off, int len) {
        this.buf = buf;
        this.off = off;
        this.len = len;
    }
}
