package sprocket.cli.bin;

import sprocket.api.sys.Program;

/** Runs a program on a fake machine as exec would: argv[0] its name, then the arguments. */
final class Programs {

    private Programs() {
    }

    static int run(FakeSys.Machine machine, Program p, String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = p.name();
        System.arraycopy(args, 0, argv, 1, args.length);
        return p.main(machine.process(), argv);
    }
}
