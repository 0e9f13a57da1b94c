package sprocket.api.fs;

import sprocket.api.kernel.Credentials;

/** Where and as whom a path is resolved: the process's current and root directories and credentials. */
public record Lookup(Vnode cwd, Vnode root, Credentials credentials) {
}
