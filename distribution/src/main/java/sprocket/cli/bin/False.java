package sprocket.cli.bin;

import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;

/** false(1): does nothing and exits 1, ignoring its arguments. */
public final class False implements Program {

    @Override
    public String name() {
        return "false";
    }

    @Override
    public String summary() {
        return "do nothing, unsuccessfully (exit 1)";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        return 1;
    }
}
