package sprocket.kernel.vfs;

import sprocket.api.kernel.Credentials;

/**
 * Where and as whom a path is resolved: the calling process's current and root directories and its credentials
 * (with the umask new files take), as SVR4's u.u_cdir, u.u_rdir and u.u_cred give them to lookuppn.
 */
public record NameContext(Vnode cwd, Vnode root, Credentials credentials) {
}
