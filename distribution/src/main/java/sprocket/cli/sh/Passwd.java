package sprocket.cli.sh;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import sprocket.api.Errno;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Sys;

/** getpwnam(3C) reduced to what tilde expansion needs: a login name's home directory, from /etc/passwd. */
final class Passwd {

    private Passwd() {
    }

    /** The sixth field of {@code user}'s line in /etc/passwd, or null when there is no such user or no file. */
    static String home(Sys sys, String user) {
        int fd = sys.open("/etc/passwd", Fcntl.O_RDONLY);
        if (fd == -1) return null;
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        byte[] buf = new byte[1024];
        int n;
        while ((n = sys.read(fd, buf, 0, buf.length)) > 0 || (n == -1 && sys.errno() == Errno.EINTR)) {
            if (n > 0) text.write(buf, 0, n);
        }
        sys.close(fd);
        for (String line : text.toString(StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length >= 6 && f[0].equals(user)) return f[5];
        }
        return null;
    }
}
