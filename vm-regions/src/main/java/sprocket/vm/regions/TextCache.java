package sprocket.vm.regions;

import java.util.HashMap;
import java.util.Map;

/**
 * The shared text regions, one per program: every process running a program attaches the same region, and the
 * last one to leave frees its pages (System V's shared text, xalloc/xfree). A program re-installed with another
 * text size gets a new region; processes still running the old one keep theirs until they go.
 */
final class TextCache {
    // Looked up by name, and searched only for one value: order cannot leak into behaviour.
    private final Map<String, Region> byProgram = new HashMap<>();

    /** The text region of {@code program} with {@code pages} pages, made (with no page resident) if there is none. */
    Region find(PageFrames frames, String program, int pages) {
        Region text = byProgram.get(program);
        if (text == null || text.size() != pages) {
            text = new Region(frames, RegionType.TEXT, pages, true);
            byProgram.put(program, text);
        }
        return text;
    }

    /** Forgets a text region its last user left, unless a re-installed program already replaced it. */
    void forget(Region text) {
        byProgram.values().remove(text);
    }

    /** Programs with a text region in use. */
    int size() {
        return byProgram.size();
    }
}
