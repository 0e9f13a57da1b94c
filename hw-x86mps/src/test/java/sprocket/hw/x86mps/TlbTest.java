package sprocket.hw.x86mps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TlbTest {

    private final Tlb tlb = new Tlb();

    @Test
    void a_set_holds_four_pages_and_replaces_the_least_recently_used() {
        // Pages 0x10, 0x20, 0x30, 0x40 and 0x50 all fall into set 0 of 16.
        for (int vpn = 0x10; vpn <= 0x40; vpn += 0x10) {
            tlb.insert(vpn, vpn << 12);
        }
        tlb.lookup(0x10);
        tlb.insert(0x50, 0x50 << 12);
        assertThat(tlb.holds(0x20)).isFalse();
        assertThat(tlb.holds(0x10)).isTrue();
        assertThat(tlb.holds(0x30)).isTrue();
        assertThat(tlb.holds(0x50)).isTrue();
        assertThat(tlb.valid()).isEqualTo(4);
    }

    @Test
    void reloading_a_page_replaces_its_entry_instead_of_duplicating_it() {
        tlb.insert(0x10, 1 << 12);
        tlb.invalidate(0x20);
        tlb.insert(0x20, 2 << 12);
        tlb.insert(0x10, 3 << 12);
        assertThat(tlb.valid()).isEqualTo(2);
        assertThat(tlb.lookup(0x10) >>> 12).isEqualTo(3);
    }

    @Test
    void invlpg_drops_only_its_page_and_a_cr3_load_drops_all() {
        tlb.insert(1, 1 << 12);
        tlb.insert(2, 2 << 12);
        tlb.invalidate(1);
        assertThat(tlb.lookup(1)).isZero();
        assertThat(tlb.lookup(2) >>> 12).isEqualTo(2);
        tlb.flush();
        assertThat(tlb.valid()).isZero();
    }

    @Test
    void the_tlb_has_sixty_four_entries() {
        for (int vpn = 0; vpn < 100; vpn++) {
            tlb.insert(vpn, vpn << 12);
        }
        assertThat(tlb.valid()).isEqualTo(Tlb.ENTRIES).isEqualTo(64);
    }
}
