package sprocket.fs;

import java.util.ArrayList;
import java.util.List;
import sprocket.api.fs.DirContext;
import sprocket.api.fs.Inode;
import sprocket.api.sys.Dirent;

/**
 * A directory listing as the kernel's getdents(2) drives one: an offset and a cursor kept between calls, a buffer of
 * a few entries each time, "." and ".." (offsets 0 and 1) left to the kernel.
 */
public final class Listing implements DirContext {

    private long offset = 2;
    private Object cursor;
    private int room;
    private List<Dirent> got;

    /** The next up to {@code max} entries of {@code dir}. */
    public List<Dirent> next(Inode dir, int max) {
        room = max;
        got = new ArrayList<>();
        dir.readdir(this);
        return got;
    }

    /** Every entry left, a few at a time. */
    public List<String> rest(Inode dir, int chunk) {
        List<String> names = new ArrayList<>();
        List<Dirent> some;
        while (!(some = next(dir, chunk)).isEmpty()) some.forEach(d -> names.add(d.name()));
        return names;
    }

    /** lseek(2) on the open directory. */
    public void seek(long to) {
        offset = to;
    }

    public long position() {
        return offset;
    }

    @Override
    public long offset() {
        return offset;
    }

    @Override
    public boolean emit(long ino, String name, int type, long next) {
        if (room == 0) return false;
        room--;
        got.add(new Dirent(ino, name, type));
        offset = next;
        return true;
    }

    @Override
    public Object cursor() {
        return cursor;
    }

    @Override
    public void cursor(Object state) {
        cursor = state;
    }
}
