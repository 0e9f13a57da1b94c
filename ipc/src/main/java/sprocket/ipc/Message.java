package sprocket.ipc;

/** One queued message ({@code struct msg}): its type, its text, and the next message in the queue. */
final class Message {

    final long type;
    final byte[] text;
    Message next;

    Message(long type, byte[] text) {
        this.type = type;
        this.text = text;
    }
}
