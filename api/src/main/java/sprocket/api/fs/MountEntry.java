package sprocket.api.fs;

/**
 * One line of the mount table: what mount(2) recorded as the special file, the absolute path of the directory the
 * file system is mounted on as it is named now, its type, and its flags ({@link sprocket.api.sys.Mount#MS_RDONLY}).
 */
public record MountEntry(String special, String directory, String type, int flags) {
}
