package sprocket.api.vm;

/**
 * A shared-memory segment (System V shm): pages that live apart from any process, attached by reference into
 * address spaces, and kept by fork. The memory manager counts its attachments; a removed segment goes when the last
 * one does.
 */
public interface Segment {

    /** Its size in bytes, as asked for. */
    long bytes();

    /** Address spaces it is attached to now (shm_nattch). */
    int attachments();
}
