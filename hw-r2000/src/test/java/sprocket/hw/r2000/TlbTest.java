package sprocket.hw.r2000;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TlbTest {

    /** R2000 Random register: set to 63 at reset, decremented as instructions execute, ranging from 63 down to 8. */
    @Test
    void random_register_counts_down_from_63_to_8_with_the_clock() {
        assertThat(Tlb.random(0)).isEqualTo(63);
        assertThat(Tlb.random(1)).isEqualTo(62);
        assertThat(Tlb.random(55)).isEqualTo(8);
        assertThat(Tlb.random(56)).isEqualTo(63);
        for (long c = 0; c < 1000; c++) {
            assertThat(Tlb.random(c)).isBetween(Tlb.WIRED, Tlb.ENTRIES - 1);
        }
    }

    /** R2000 TLB: entries 0..7 are the safe (wired) ones, since Random, which tlbwr uses, never names them. */
    @Test
    void tlbwr_never_replaces_a_wired_entry() {
        Tlb tlb = new Tlb();
        for (int i = 0; i < Tlb.WIRED; i++) {
            tlb.tlbwi(i, EntryHi.of(0x100 + i, 0), EntryLo.pte(20 + i, 3) | EntryLo.G);
        }
        Set<Integer> written = new HashSet<>();
        for (long cycles = 0; cycles < 5_000; cycles += 3) {
            written.add(tlb.tlbwr(EntryHi.of(0x2000 + (int) cycles, 5), EntryLo.pte(30, 1), cycles));
        }
        assertThat(written).allMatch(i -> i >= Tlb.WIRED).hasSize(Tlb.ENTRIES - Tlb.WIRED);
        for (int i = 0; i < Tlb.WIRED; i++) {
            assertThat(tlb.entryHi(i)).isEqualTo(EntryHi.of(0x100 + i, 0));
            assertThat(tlb.entryLo(i)).isEqualTo(EntryLo.pte(20 + i, 3) | EntryLo.G);
        }
    }

    @Test
    void entryhi_holds_the_vpn_in_bits_31_to_12_and_the_asid_in_bits_11_to_6() {
        int hi = EntryHi.of(0x7FFFF, 63);
        assertThat(hi).isEqualTo(0x7FFF_FFC0);
        assertThat(EntryHi.vpn(hi)).isEqualTo(0x7FFFF);
        assertThat(EntryHi.asid(hi)).isEqualTo(63);
        assertThat(hi & 0x3F).isZero();
    }

    @Test
    void entrylo_holds_pfn_n_d_v_g_at_the_r2000_positions() {
        assertThat(EntryLo.N).isEqualTo(0x800);
        assertThat(EntryLo.D).isEqualTo(0x400);
        assertThat(EntryLo.V).isEqualTo(0x200);
        assertThat(EntryLo.G).isEqualTo(0x100);
        int rw = EntryLo.hardware(EntryLo.pte(0x12345, 3));
        assertThat(rw).isEqualTo(0x1234_5000 | EntryLo.D | EntryLo.V);
        assertThat(EntryLo.hardware(EntryLo.pte(7, 1))).isEqualTo(0x7000 | EntryLo.V);
        assertThat(EntryLo.hardware(EntryLo.pte(7, 0))).isEqualTo(0x7000);
    }

    @Test
    void a_global_entry_matches_every_asid_and_others_only_their_own() {
        Tlb tlb = new Tlb();
        tlb.tlbwi(10, EntryHi.of(0x400, 3), EntryLo.pte(50, 1));
        tlb.tlbwi(11, EntryHi.of(0x401, 3), EntryLo.pte(51, 1) | EntryLo.G);
        assertThat(tlb.probe(0x400 << 12, EntryHi.asidBits(3))).isEqualTo(10);
        assertThat(tlb.probe(0x400 << 12, EntryHi.asidBits(4))).isEqualTo(-1);
        assertThat(tlb.probe(0x400 << 12, EntryHi.NO_ASID)).isEqualTo(-1);
        assertThat(tlb.probe(0x401 << 12, EntryHi.asidBits(4))).isEqualTo(11);
        assertThat(tlb.probe(0x401 << 12, EntryHi.NO_ASID)).isEqualTo(11);
    }

    /** Two entries matching one address shut an R2000's TLB down, so invalid entries hold distinct kseg0 VPNs. */
    @Test
    void invalidated_entries_are_distinct_and_never_match_a_user_address() {
        Tlb tlb = new Tlb();
        Set<Integer> his = new HashSet<>();
        for (int i = 0; i < Tlb.ENTRIES; i++) {
            his.add(tlb.entryHi(i));
            assertThat(EntryHi.vpn(tlb.entryHi(i))).isGreaterThanOrEqualTo(EntryHi.KSEG0_VPN);
        }
        assertThat(his).hasSize(Tlb.ENTRIES);
        for (int vpn = 0; vpn < Kuseg.PAGES; vpn += 4099) {
            assertThat(tlb.probe(vpn << 12, 0)).isEqualTo(-1);
        }
    }

    @Test
    void flush_spares_the_wired_entries() {
        Tlb tlb = new Tlb();
        tlb.tlbwi(3, EntryHi.of(0x10, 1), EntryLo.pte(9, 1));
        tlb.tlbwi(40, EntryHi.of(0x11, 1), EntryLo.pte(9, 1));
        tlb.flush();
        assertThat(tlb.probe(0x10 << 12, EntryHi.asidBits(1))).isEqualTo(3);
        assertThat(tlb.probe(0x11 << 12, EntryHi.asidBits(1))).isEqualTo(-1);
    }
}
