/**
 * The {@code sprocket} command (run, modules, config check) and the userland programs installed in /bin.
 * The only module that sees everything: it requires each implementation module so that all of them are in
 * the boot layer, although none exports anything.
 */
module sprocket.cli {
    requires transitive sprocket.api;
    requires sprocket.kernel;
    // The C library the programs in /bin are linked with.
    requires sprocket.libc;
    // sprocket fuzz: the fuzzer's campaign.
    requires sprocket.fuzz;
    requires info.picocli;
    // sprocket boot: the host's terminal in raw mode and its line editor.
    requires org.jline.terminal;
    requires org.jline.reader;
    // sprocket compare: its JSON through the project's one JSON writer, its report's charts drawn as SVG.
    requires com.fasterxml.jackson.core;
    requires java.desktop;
    requires org.jfree.jfreechart;
    requires org.jfree.svg;
    requires org.slf4j;
    // Only the command configures logging (LogSetup); every other module logs through the SLF4J API alone.
    requires ch.qos.logback.classic;
    requires ch.qos.logback.core;

    // Implementation modules: required only to put them in the module graph; they export nothing.
    requires sprocket.vm.regions;
    requires sprocket.sched;
    requires sprocket.ipc;
    requires sprocket.fs;
    requires sprocket.hw.r2000;
    requires sprocket.hw.x86mps;

    // picocli reads and sets the command classes' annotated fields by reflection.
    opens sprocket.cli to info.picocli;
    // SLF4J makes the provider Main names (slf4j.provider, sprocket.cli.log.LogProvider) by reflection.
    exports sprocket.cli.log to org.slf4j;

    provides ch.qos.logback.classic.spi.Configurator with sprocket.cli.log.LogSetup;

    provides sprocket.api.sys.Program with
            sprocket.cli.bin.Hello,
            sprocket.cli.bin.True,
            sprocket.cli.bin.False,
            sprocket.cli.bin.Echo,
            sprocket.cli.bin.Sleep,
            sprocket.cli.bin.Kill,
            sprocket.cli.bin.Forktree,
            sprocket.cli.bin.Burn,
            sprocket.cli.bin.Memtouch,
            sprocket.cli.bin.Cowfork,
            sprocket.cli.bin.Mapshare,
            sprocket.cli.bin.Segv,
            sprocket.cli.bin.Mixed,
            sprocket.cli.bin.Spinners,
            sprocket.cli.bin.Falseshare,
            sprocket.cli.bin.Cachework,
            sprocket.cli.bin.Spinlock,
            sprocket.cli.bin.Nicetest,
            sprocket.cli.bin.Ipcs,
            sprocket.cli.bin.Ipcrm,
            sprocket.cli.bin.Msgping,
            sprocket.cli.bin.Shmpi,
            sprocket.cli.bin.Sprocpi,
            sprocket.cli.bin.Sharefd,
            sprocket.cli.bin.Sharedir,
            sprocket.cli.bin.Exitsig,
            sprocket.cli.bin.Blockdemo,
            sprocket.cli.bin.Sprocbench,
            sprocket.cli.bin.Cat,
            sprocket.cli.bin.Ls,
            sprocket.cli.bin.Mkdir,
            sprocket.cli.bin.Rm,
            sprocket.cli.bin.Ln,
            sprocket.cli.bin.Wc,
            sprocket.cli.bin.Grep,
            sprocket.cli.bin.Tee,
            sprocket.cli.bin.Pipeline,
            sprocket.cli.bin.Ps,
            sprocket.cli.bin.Mount,
            sprocket.cli.bin.Umount,
            sprocket.cli.bin.Echoserver,
            sprocket.cli.bin.Echoclient,
            sprocket.cli.bin.Fdpass,
            sprocket.cli.bin.Chmod,
            sprocket.cli.bin.Id,
            sprocket.cli.bin.Whoami,
            sprocket.cli.bin.Chown,
            sprocket.cli.bin.Chgrp,
            sprocket.cli.bin.Touch,
            sprocket.cli.bin.Cp,
            sprocket.cli.bin.Mv,
            sprocket.cli.bin.Mkfifo,
            sprocket.cli.bin.Du,
            sprocket.cli.bin.Df,
            sprocket.cli.bin.Head,
            sprocket.cli.bin.Tail,
            sprocket.cli.bin.Sort,
            sprocket.cli.bin.Uniq,
            sprocket.cli.bin.Cut,
            sprocket.cli.bin.Tr,
            sprocket.cli.bin.Xargs,
            sprocket.cli.bin.Env,
            sprocket.cli.bin.Nice,
            sprocket.cli.bin.Renice,
            sprocket.cli.bin.Time,
            sprocket.cli.bin.Date,
            sprocket.cli.bin.Uptime,
            sprocket.cli.bin.Who,
            sprocket.cli.bin.Sar,
            sprocket.cli.bin.Tty,
            sprocket.cli.bin.Stty,
            sprocket.cli.bin.Login,
            sprocket.cli.bin.Su,
            sprocket.cli.bin.Yes,
            sprocket.cli.bin.Seq,
            sprocket.cli.bin.Basename,
            sprocket.cli.bin.Dirname,
            sprocket.cli.bin.Test,
            sprocket.cli.bin.Bracket,
            sprocket.cli.sh.Sh;
}
