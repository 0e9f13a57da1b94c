package sprocket.vm.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageFramesTest {

    @Test
    void allocates_only_the_allocatable_frames_lowest_first_with_exact_accounting() {
        var frames = new PageFrames(5, 9);
        assertThat(frames.total()).isEqualTo(4);
        assertThat(frames.free()).isEqualTo(4);
        assertThat(new int[] {frames.allocate(), frames.allocate(), frames.allocate(), frames.allocate()})
                .containsExactly(5, 6, 7, 8);
        assertThat(frames.free()).isZero();
        assertThat(frames.allocate()).isEqualTo(-1);
        frames.release(7);
        assertThat(frames.free()).isEqualTo(1);
        assertThat(frames.allocate()).isEqualTo(7);
    }

    @Test
    void a_shared_frame_is_freed_only_when_its_last_reference_goes() {
        var frames = new PageFrames(0, 2);
        int f = frames.allocate();
        frames.share(f);
        assertThat(frames.references(f)).isEqualTo(2);
        assertThat(frames.release(f)).isFalse();
        assertThat(frames.free()).isEqualTo(1);
        assertThat(frames.release(f)).isTrue();
        assertThat(frames.free()).isEqualTo(2);
    }

    @Test
    void freeing_a_free_frame_is_a_double_free() {
        var frames = new PageFrames(0, 2);
        int f = frames.allocate();
        frames.free(f);
        assertThatThrownBy(() -> frames.free(f)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("double free of page frame " + f);
        assertThatThrownBy(() -> frames.release(f)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("double free");
        assertThat(frames.free()).isEqualTo(2);
    }

    @Test
    void freeing_a_frame_still_referenced_is_a_kernel_bug() {
        var frames = new PageFrames(0, 2);
        int f = frames.allocate();
        frames.share(f);
        assertThatThrownBy(() -> frames.free(f)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("still referenced");
        assertThat(frames.free()).isEqualTo(1);
    }

    @Test
    void frames_outside_the_managed_range_are_refused() {
        var frames = new PageFrames(4, 6);
        assertThatThrownBy(() -> frames.release(3)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside");
        assertThatThrownBy(() -> frames.share(2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> frames.share(frames.allocate() + 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is free");
    }
}
