package sprocket.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import sprocket.kernel.BootOptions;
import sprocket.kernel.Catalog;
import sprocket.kernel.Kernel;
import sprocket.kernel.KernelConfig;
import sprocket.kernel.RunResult;

/**
 * {@code sprocket boot}: boots the kernel CONFIG describes the way a Unix comes up: init runs /etc/rc, then a login
 * shell on the console, a terminal. On a host terminal the keyboard and screen are that console (JLine, raw mode);
 * otherwise standard input is typed at it as a script, a line at a time. Leaving the shell halts the machine; the
 * statistics then go to standard error and the command exits with the shell's status.
 */
@Command(name = "boot", mixinStandardHelpOptions = true,
        description = {"Boot the kernel CONFIG describes to a login shell on the console.",
            "/etc/rc makes /etc/passwd (root, alice and bob; each password is the name), /etc/group, /mnt and /home.",
            "On a terminal, edit lines with history; ^C, ^Z and ^\\ go to the simulated terminal.",
            "Without one, standard input is typed at the console: printf 'ls /\\nps\\n' | sprocket boot CONFIG.",
            "Leave with exit or ^D: the machine halts and the statistics follow."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0-255:the login shell's exit status", "2:a usage or configuration error", "70:kernel panic"})
final class BootCommand implements Callable<Integer> {
    private final Host host;

    // Option sets built in code (Specs says why), mixed in by Main.
    ConfigOptions config = new ConfigOptions();

    PluginOptions plugins = new PluginOptions();

    StatisticsOptions statistics = new StatisticsOptions();

    @Parameters(index = "0", paramLabel = "CONFIG", description = "The kernel configuration file.")
    Path file;

    BootCommand(Host host) {
        this.host = host;
    }

    @Override
    public Integer call() throws Exception {
        statistics.check();
        Catalog catalog = plugins.discover(host);
        for (String problem : catalog.problems()) host.err().println("sprocket: skipped: " + problem);
        KernelConfig kernelConfig = config.load(file, catalog, host.err());
        String rc = Rc.script(kernelConfig.settings());
        RunResult result;
        if (host.inTerminal()) {
            try (HostKeyboard keyboard = new HostKeyboard()) {
                Kernel kernel = Kernel.boot(kernelConfig, catalog,
                        new BootOptions(keyboard.screen(), null, null).onTerminal(keyboard));
                result = kernel.startup(rc);
            }
        } else {
            Kernel kernel = Kernel.boot(kernelConfig, catalog,
                    new BootOptions(host.out(), host.in(), null).onTerminal(null));
            result = kernel.startup(rc);
        }
        host.out().flush();
        statistics.write(host, result);
        return result.exitStatus();
    }
}
