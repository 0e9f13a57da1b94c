package sprocket.cli.bin;

import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;

/** true(1): "true does nothing, successfully" — exits 0 and ignores its arguments. */
public final class True implements Program {

    @Override
    public String name() {
        return "true";
    }

    @Override
    public String summary() {
        return "do nothing, successfully (exit 0)";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        return 0;
    }
}
