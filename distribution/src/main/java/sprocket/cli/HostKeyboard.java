package sprocket.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.MaskingCallback;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.NonBlockingReader;
import sprocket.api.kernel.Keyboard;

/**
 * The host's terminal as the simulated console's keyboard and screen, through JLine. The host terminal is in raw mode
 * with its signal characters off, so ^C, ^Z and ^\ reach the simulated terminal, not the JVM. When a program there
 * reads canonical lines with echo (a shell at its prompt), the line is edited here with JLine's line editor and its
 * history and handed over whole, already shown; otherwise each key goes over as it is typed, and the simulated line
 * discipline echoes and edits.
 */
final class HostKeyboard implements Keyboard, AutoCloseable {
    private static final long POLL_MS = 50;
    /** How long the keys of one escape sequence may lag each other. */
    private static final long SEQUENCE_MS = 10;
    /** A host terminal's answer to a device-attribute query (primary or secondary), which no person types. */
    private static final Pattern TERMINAL_REPLY = Pattern.compile("\033\\[[?>][0-9;]*c");

    private final Terminal terminal;
    private final LineReader reader;
    private final Attributes saved;
    private final BlockingQueue<Keys> keys = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final OutputStream screen;
    private volatile boolean wantLine;
    private volatile boolean closed;
    /** The screen's line so far (a prompt), which the line editor shows again as its own prompt. */
    private final StringBuilder partial = new StringBuilder();
    /** A signal key typed while a line was edited. */
    private volatile int signalKey;
    /** The printable keys sent over one at a time since a line last ended (listener thread only). */
    private final StringBuilder typed = new StringBuilder();

    HostKeyboard() throws IOException {
        terminal = TerminalBuilder.builder().system(true).jna(false).jni(false).ffm(false).exec(true).build();
        saved = terminal.enterRawMode();
        Attributes raw = terminal.getAttributes();
        raw.setLocalFlag(Attributes.LocalFlag.ISIG, false);
        raw.setInputFlag(Attributes.InputFlag.IXON, false);
        terminal.setAttributes(raw);
        reader = LineReaderBuilder.builder().terminal(terminal).build();
        for (int c : new int[] {3, 034, 032}) {
            String widget = "sprocket-signal-" + c;
            reader.getWidgets().put(widget, () -> {
                signalKey = c;
                reader.getBuffer().clear();
                reader.callWidget(LineReader.ACCEPT_LINE);
                return true;
            });
            reader.getKeyMaps().get(LineReader.MAIN).bind(new Reference(widget), String.valueOf((char) c));
        }
        // The host terminal's answers to device-attribute queries (ESC [ ? 1 ; 2 c) are not keys: read and dropped.
        reader.getWidgets().put("sprocket-terminal-reply", () -> {
            for (int c = ((LineReaderImpl) reader).readCharacter(); c >= 0 && !Character.isLetter(c);
                    c = ((LineReaderImpl) reader).readCharacter()) {
                // the rest of the answer
            }
            return true;
        });
        for (String prefix : new String[] {"\033[?", "\033[>"}) {
            reader.getKeyMaps().get(LineReader.MAIN).bind(new Reference("sprocket-terminal-reply"), prefix);
        }
        OutputStream out = terminal.output();
        screen = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                synchronized (partial) {
                    for (int i = off; i < off + len; i++) {
                        if (b[i] == '\n') partial.setLength(0);
                        else if (b[i] != '\r') partial.append((char) (b[i] & 0xff));
                    }
                }
                out.write(b, off, len);
                out.flush();
            }
        };
        thread = new Thread(this::listen, "sprocket-keyboard");
        thread.setDaemon(true);
        thread.start();
    }

    /** The person's screen: the simulated console writes here. */
    OutputStream screen() {
        return screen;
    }

    private void listen() {
        NonBlockingReader in = terminal.reader();
        try {
            while (!closed) {
                if (wantLine) {
                    wantLine = false;
                    editLine("");
                    continue;
                }
                int c = in.read(POLL_MS);
                if (c == NonBlockingReader.EOF) {
                    keys.add(Keys.END);
                    return;
                }
                if (c < 0) continue;
                String seq = String.valueOf((char) c);
                if (c == 033) {
                    seq += following(in);
                    if (TERMINAL_REPLY.matcher(seq).matches()) continue;
                }
                boolean startsLine;
                synchronized (keys) {
                    startsLine = wantLine;
                    wantLine = false;
                    if (!startsLine) keys.add(new Keys(seq.getBytes(StandardCharsets.UTF_8), false));
                }
                if (startsLine) {
                    // Typed just as a program began to wait for a line: it starts the line being edited.
                    editLine(c == 033 ? seq : seq + following(in));
                    continue;
                }
                if (c == 0x7f || c == '\b') {
                    if (!typed.isEmpty()) typed.setLength(typed.length() - 1);
                } else if (c < ' ') {
                    typed.setLength(0);
                } else {
                    typed.append(seq);
                }
            }
        } catch (IOException e) {
            keys.add(Keys.END);
        }
    }

    /** The keys typed with one just read (the rest of an arrow's escape sequence): the line editor reads them too. */
    private static String following(NonBlockingReader in) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int c = in.read(SEQUENCE_MS); c >= 0; c = in.read(SEQUENCE_MS)) s.append((char) c);
        return s.toString();
    }

    /**
     * One line with the line editor, its prompt what the screen's line already shows. Keys typed before the program
     * waited went over one at a time and the terminal echoed them after the prompt: they begin the edited line, and
     * only the rest goes over. {@code fresh} was typed and not yet sent.
     */
    private void editLine(String fresh) {
        String prompt;
        synchronized (partial) {
            prompt = partial.toString();
        }
        String sent = typed.toString();
        typed.setLength(0);
        if (prompt.endsWith(sent)) {
            prompt = prompt.substring(0, prompt.length() - sent.length());
        } else {
            sent = "";
        }
        try {
            terminal.writer().print('\r');
            terminal.flush();
            signalKey = 0;
            // Read again as keys, so an arrow's escape sequence begun there still moves through the history.
            if (!fresh.isEmpty()) reader.runMacro(fresh);
            String line = reader.readLine(prompt, null, (MaskingCallback) null, sent);
            synchronized (partial) {
                partial.setLength(0);
            }
            if (signalKey != 0) {
                keys.add(new Keys(new byte[] {(byte) signalKey}, false));
            } else if (line.startsWith(sent)) {
                keys.add(new Keys((line.substring(sent.length()) + "\n").getBytes(StandardCharsets.UTF_8), true));
            } else {
                // The keys sent already were edited away: the terminal's KILL (^U on both machines) drops them first.
                keys.add(new Keys(("\025" + line + "\n").getBytes(StandardCharsets.UTF_8), true));
            }
        } catch (UserInterruptException e) {
            keys.add(new Keys(new byte[] {3}, false));
        } catch (EndOfFileException e) {
            keys.add(new Keys(new byte[] {4}, false));
        }
    }

    @Override
    public Keys take(long nanos) {
        try {
            return nanos <= 0 ? keys.poll() : keys.poll(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Keys.END;
        }
    }

    @Override
    public void waiting(boolean line) {
        // With the listener's hand-over of a key, so a key is either sent on its own or begins the edited line.
        synchronized (keys) {
            if (line && keys.isEmpty()) wantLine = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(2 * POLL_MS + 1000);
            terminal.setAttributes(saved);
            terminal.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
