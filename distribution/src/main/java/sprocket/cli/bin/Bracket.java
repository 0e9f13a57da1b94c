package sprocket.cli.bin;

import sprocket.api.sys.Program;
import sprocket.api.sys.Sys;

/** [(1): test(1) by its other name, the expression closed by "]". */
public final class Bracket implements Program {

    @Override
    public String name() {
        return "[";
    }

    @Override
    public String summary() {
        return "[ EXPRESSION ]: test(1) by its other name";
    }

    @Override
    public int main(Sys sys, String[] argv) {
        return Test.run(sys, argv, "[");
    }
}
