package sprocket.kernel.vfs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import sprocket.api.kernel.Console;

/** A hand-written Console: records what is written, in order, and serves a fixed input. */
final class FakeConsole implements Console {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private byte[] input = new byte[0];
    private int inputPos;
    int writes;

    void input(String s) {
        input = s.getBytes(StandardCharsets.US_ASCII);
        inputPos = 0;
    }

    String output() {
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        out.write(b, off, len);
        writes++;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        int n = Math.min(len, input.length - inputPos);
        System.arraycopy(input, inputPos, b, off, n);
        inputPos += n;
        return n;
    }
}
