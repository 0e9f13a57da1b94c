package sprocket.cli.sh;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Here-documents waiting for their bodies (XCU 2.7.4): a command's {@code <<} operators are parsed before the lines
 * that hold the bodies, which follow the next newline, in the order the operators came.
 */
final class HereDocuments {
    private record Pending(Node.HereDocument here, Word delimiter, boolean stripTabs) {
    }

    private final List<Pending> pending = new ArrayList<>();

    void add(Node.HereDocument here, Word delimiter, boolean stripTabs) {
        pending.add(new Pending(here, delimiter, stripTabs));
    }

    /**
     * Reads each waiting body from {@code in}, up to its delimiter; one whose delimiter was quoted stays literal, any
     * other is parsed by {@code expandable} for the expansions it holds.
     */
    void read(Input in, Function<String, Word> expandable) {
        for (Pending p : pending) {
            String text = in.hereDocument(p.delimiter().unquoted(), p.stripTabs());
            p.here().literal = p.delimiter().quoted();
            p.here().body = p.here().literal ? new Word(List.of(new WordPart.Quoted(text)), text) : expandable.apply(text);
        }
        pending.clear();
    }
}
