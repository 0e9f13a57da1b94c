package sprocket.api.sys;

/**
 * Where a child created by fork(2) starts: a Java stack cannot be copied, so the child begins here rather
 * than returning from fork. Returning is exit(2) with the returned status.
 */
@FunctionalInterface
public interface ProcessEntry {

    int run(Sys sys);
}
