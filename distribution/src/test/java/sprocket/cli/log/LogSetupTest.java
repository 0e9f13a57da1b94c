package sprocket.cli.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;

/** The command's log lines: warnings by default, one line each, naming the class that logged. */
class LogSetupTest {

    @Test
    void the_level_is_warn_unless_SPROCKET_LOG_names_another() {
        assertThat(LogSetup.level(null)).isEqualTo(Level.WARN);
        assertThat(LogSetup.level("debug")).isEqualTo(Level.DEBUG);
        assertThat(LogSetup.level("nonsense")).isEqualTo(Level.WARN);
    }

    @Test
    void a_line_names_the_level_and_the_class_that_logged() {
        LoggerContext context = new LoggerContext();
        LoggingEvent e = new LoggingEvent("x", context.getLogger("sprocket.kernel.core.ProcTable"), Level.WARN,
                "out of per-user processes for uid {}", null, new Object[] {100});
        assertThat(new LogSetup.Line().doLayout(e))
                .isEqualTo("sprocket: WARN ProcTable: out of per-user processes for uid 100\n");
    }

    @Test
    void the_command_s_provider_configures_logback_as_logback_s_own_provider_does_with_this_setup() {
        LogProvider provider = new LogProvider();
        provider.initialize();
        LoggerContext context = (LoggerContext) provider.getLoggerFactory();
        assertThat(context.isStarted()).isTrue();
        assertThat(context.getMDCAdapter()).isSameAs(provider.getMDCAdapter());
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(LogSetup.level(System.getenv("SPROCKET_LOG")));
        assertThat(root.getAppender("stderr")).isInstanceOfSatisfying(ConsoleAppender.class,
                a -> assertThat(a.getTarget()).isEqualTo("System.err"));
    }
}
