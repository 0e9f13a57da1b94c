package sprocket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import org.junit.jupiter.api.Test;

class ModuleDescriptorTest {

    @Test
    void sprocket_cli_exports_only_its_logging_to_slf4j_opens_only_to_picocli_and_provides_the_programs_and_its_log_setup() {
        ModuleDescriptor d = Main.class.getModule().getDescriptor();
        assertThat(d).as("tests run on the module path").isNotNull();
        assertThat(d.name()).isEqualTo("sprocket.cli");
        assertThat(d.exports()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("sprocket.cli.log");
            assertThat(e.targets()).containsExactly("org.slf4j");
        });
        assertThat(d.opens()).singleElement().satisfies(o -> {
            assertThat(o.source()).isEqualTo("sprocket.cli");
            assertThat(o.targets()).containsExactly("info.picocli");
        });
        assertThat(d.provides()).extracting(ModuleDescriptor.Provides::service)
                .containsExactlyInAnyOrder("sprocket.api.sys.Program", "ch.qos.logback.classic.spi.Configurator");
        assertThat(programs(d)).satisfies(p -> {
            assertThat(p.providers()).containsExactly("sprocket.cli.bin.Hello", "sprocket.cli.bin.True",
                    "sprocket.cli.bin.False", "sprocket.cli.bin.Echo", "sprocket.cli.bin.Sleep", "sprocket.cli.bin.Kill",
                    "sprocket.cli.bin.Forktree", "sprocket.cli.bin.Burn", "sprocket.cli.bin.Memtouch",
                    "sprocket.cli.bin.Cowfork", "sprocket.cli.bin.Mapshare", "sprocket.cli.bin.Segv",
                    "sprocket.cli.bin.Mixed", "sprocket.cli.bin.Spinners", "sprocket.cli.bin.Falseshare", "sprocket.cli.bin.Cachework",
                    "sprocket.cli.bin.Spinlock",
                    "sprocket.cli.bin.Nicetest",
                    "sprocket.cli.bin.Ipcs", "sprocket.cli.bin.Ipcrm", "sprocket.cli.bin.Msgping",
                    "sprocket.cli.bin.Shmpi", "sprocket.cli.bin.Sprocpi", "sprocket.cli.bin.Sharefd",
                    "sprocket.cli.bin.Sharedir", "sprocket.cli.bin.Exitsig", "sprocket.cli.bin.Blockdemo",
                    "sprocket.cli.bin.Sprocbench", "sprocket.cli.bin.Cat", "sprocket.cli.bin.Ls", "sprocket.cli.bin.Mkdir",
                    "sprocket.cli.bin.Rm", "sprocket.cli.bin.Ln", "sprocket.cli.bin.Wc", "sprocket.cli.bin.Grep",
                    "sprocket.cli.bin.Tee", "sprocket.cli.bin.Pipeline", "sprocket.cli.bin.Ps",
                    "sprocket.cli.bin.Mount", "sprocket.cli.bin.Umount", "sprocket.cli.bin.Echoserver", "sprocket.cli.bin.Echoclient",
                    "sprocket.cli.bin.Fdpass", "sprocket.cli.bin.Chmod", "sprocket.cli.bin.Id",
                    "sprocket.cli.bin.Whoami", "sprocket.cli.bin.Chown", "sprocket.cli.bin.Chgrp",
                    "sprocket.cli.bin.Touch", "sprocket.cli.bin.Cp", "sprocket.cli.bin.Mv",
                    "sprocket.cli.bin.Mkfifo", "sprocket.cli.bin.Du", "sprocket.cli.bin.Df", "sprocket.cli.bin.Head",
                    "sprocket.cli.bin.Tail", "sprocket.cli.bin.Sort", "sprocket.cli.bin.Uniq",
                    "sprocket.cli.bin.Cut", "sprocket.cli.bin.Tr", "sprocket.cli.bin.Xargs", "sprocket.cli.bin.Env",
                    "sprocket.cli.bin.Nice", "sprocket.cli.bin.Renice", "sprocket.cli.bin.Time",
                    "sprocket.cli.bin.Date", "sprocket.cli.bin.Uptime", "sprocket.cli.bin.Who", "sprocket.cli.bin.Sar",
                    "sprocket.cli.bin.Tty", "sprocket.cli.bin.Stty", "sprocket.cli.bin.Login", "sprocket.cli.bin.Su",
                    "sprocket.cli.bin.Yes", "sprocket.cli.bin.Seq",
                    "sprocket.cli.bin.Basename", "sprocket.cli.bin.Dirname", "sprocket.cli.bin.Test",
                    "sprocket.cli.bin.Bracket", "sprocket.cli.sh.Sh");
        });
    }

    @Test
    void the_class_path_services_file_names_the_same_programs_as_the_descriptor() throws Exception {
        ModuleDescriptor d = Main.class.getModule().getDescriptor();
        String file;
        try (var in = Main.class.getModule().getResourceAsStream("META-INF/services/sprocket.api.sys.Program")) {
            assertThat(in).isNotNull();
            file = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(file.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList())
                .containsExactlyElementsOf(programs(d).providers());
    }

    @Test
    void every_implementation_module_is_in_the_module_graph() {
        ModuleDescriptor d = Main.class.getModule().getDescriptor();
        assertThat(d.requires()).extracting(ModuleDescriptor.Requires::name).contains("sprocket.api", "sprocket.kernel",
                "sprocket.vm.regions", "sprocket.sched", "sprocket.ipc", "sprocket.fs", "sprocket.hw.r2000",
                "sprocket.hw.x86mps", "info.picocli", "org.slf4j");
    }

    private static ModuleDescriptor.Provides programs(ModuleDescriptor d) {
        return d.provides().stream().filter(p -> p.service().equals("sprocket.api.sys.Program")).findFirst()
                .orElseThrow();
    }
}
