package sprocket.api.fs;

/**
 * An entry of the kernel's system open file table as a provider holds one: the IPC module keeps the open files a
 * message carries (SCM_RIGHTS) from sendmsg(2) until recvmsg(2) installs them or the message is discarded.
 */
public interface OpenFile {

    /** The object behind the entry when it is a pipe's end or a socket; null for a file of a file system. */
    FileOps ops();

    /** References to the entry: descriptors in every process, and messages carrying it. */
    int references();

    /** One reference more (a message now carries it, or MSG_PEEK hands it over while it stays queued). */
    void hold();

    /** One reference less; the last closes the file, as close(2) of its last descriptor does. */
    void release();
}
