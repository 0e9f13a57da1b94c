package sprocket.cli.log;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LogbackServiceProvider;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import ch.qos.logback.core.util.StatusListenerConfigHelper;
import ch.qos.logback.core.util.StatusPrinter;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider the {@code sprocket} command names (Main sets {@code slf4j.provider}): logback, configured by
 * {@link LogSetup} directly. Logback's own provider finds LogSetup by a ServiceLoader search that opens every jar
 * and the JDK's image, reads its jars' version files and sets up a date format for its status messages: 15-20 ms of
 * every start. This one does what that one does with the single configuration there is, and prints logback's own
 * warnings and errors as it would.
 */
public final class LogProvider implements SLF4JServiceProvider {
    private final LoggerContext context = new LoggerContext();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final LogbackMDCAdapter mdc = new LogbackMDCAdapter();

    @Override
    public void initialize() {
        context.setName(CoreConstants.DEFAULT_CONTEXT_NAME);
        context.setMDCAdapter(mdc);
        StatusListenerConfigHelper.installIfAsked(context);
        LogSetup setup = new LogSetup();
        setup.setContext(context);
        setup.configure(context);
        // StatusPrinter.printInCaseOfErrorsOrWarnings, without loading its date format when there is nothing to say.
        boolean listened = StatusUtil.contextHasStatusListener(context);
        if (!listened && new StatusUtil(context).getHighestLevel(0) >= Status.WARN) StatusPrinter.print(context);
        context.start();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return context;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return LogbackServiceProvider.REQUESTED_API_VERSION;
    }
}
