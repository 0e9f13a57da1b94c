package sprocket.vm.regions;

import java.util.HashMap;
import java.util.Map;

/**
 * The shared text regions, one per program: every process running a program attaches the same region, and the
 * last one to leave frees its pages (System V's shared text, xalloc/xfree). A program re-installed with another
 * text size gets a new region; processes still running the old one keep theirs until they go.
 */
final class TextCache {
    // Looked up by name only, never iterated: order cannot leak into behaviour.
    private final Map<String, Region> byProgram = new HashMap<>();

    /** The text region of {@code program}, attached once more (or made, with no page resident). */
    Region attach(String program, int pages) {
        Region text = byProgram.get(program);
        if (text != null && text.size() == pages) {
            text.hold();
            return text;
        }
        text = new Region(RegionType.TEXT, pages);
        byProgram.put(program, text);
        return text;
    }

    /** Detaches one user; the last frees the frames and forgets the region. */
    void detach(String program, Region text, PageFrames frames) {
        if (text.drop() > 0) {
            return;
        }
        text.freePages(frames);
        byProgram.remove(program, text);
    }

    /** Programs with a text region in use. */
    int size() {
        return byProgram.size();
    }
}
