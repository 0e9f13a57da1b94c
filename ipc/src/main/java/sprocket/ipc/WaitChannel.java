package sprocket.ipc;

/**
 * What a process sleeps on (its wchan). Its own class rather than a bare Object so that a kernel trace
 * printing it shows a stable name instead of an identity hash, which would differ between runs.
 */
final class WaitChannel {

    private final String name;

    WaitChannel(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return name;
    }
}
