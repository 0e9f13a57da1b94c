package sprocket.api.sys;

/** One directory entry as getdents(2) returns it: the i-number, the name, and the file type bits (S_IFDIR...). */
public record Dirent(long ino, String name, int type) {
}
