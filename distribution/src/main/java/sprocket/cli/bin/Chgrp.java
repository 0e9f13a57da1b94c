package sprocket.cli.bin;

import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;

/**
 * chgrp(1): "change the file group ownership", by a name from /etc/group or a number; {@code -R} and {@code -h} as
 * chown's ({@link Chown}), which does the work. Exit 0 when every file was changed, 1 otherwise, 2 for a usage error.
 */
public final class Chgrp implements Program {

    @Override
    public String name() {
        return "chgrp";
    }

    @Override
    public String summary() {
        return "chgrp [-hR] GROUP FILE...: change the group of files (root only)";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        return Chown.run(sys, argv, "chgrp", "usage: chgrp [-hR] group file...\n", true);
    }
}
