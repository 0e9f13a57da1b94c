package sprocket.api.hw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CacheGeometryTest {

    @Test
    void the_pentium_l1_has_128_sets_of_two_32_byte_lines() {
        CacheGeometry g = new CacheGeometry(8 << 10, 32, 2);
        assertThat(g.sets()).isEqualTo(128);
        assertThat(g.slots()).isEqualTo(256);
        assertThat(g.lineShift()).isEqualTo(5);
        assertThat(g.size()).isEqualTo("8K");
        assertThat(new CacheGeometry(1 << 20, 16, 1).size()).isEqualTo("1M");
    }

    @Test
    void a_shape_that_is_not_all_powers_of_two_or_has_no_set_is_refused() {
        assertThatThrownBy(() -> new CacheGeometry(8 << 10, 24, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("powers of two");
        assertThatThrownBy(() -> new CacheGeometry(8 << 10, 32, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CacheGeometry(64, 32, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CacheGeometry(12 << 10, 32, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
