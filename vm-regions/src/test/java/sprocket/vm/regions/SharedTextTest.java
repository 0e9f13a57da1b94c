package sprocket.vm.regions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text is "shared read-only by every process running it" (sprocket.api.vm.Image). */
class SharedTextTest {
    private final Fixture f = new Fixture(32);

    @Test
    void text_pages_are_shared_between_spaces_of_the_same_program_and_freed_with_the_last() {
        var a = f.create(Fixture.image("sh", 3 * 4096, 4096, 1 << 20));
        var b = f.create(Fixture.image("sh", 3 * 4096, 4096, 1 << 20));
        f.load(a, Fixture.TEXT + 4096);
        assertThat(f.vm.freeFrames()).isEqualTo(31);

        f.load(b, Fixture.TEXT + 4096);

        assertThat(f.vm.freeFrames()).as("b found a's page in the shared region").isEqualTo(31);
        assertThat(f.memory.zeroed).isEqualTo(1);
        assertThat(f.pmap(b).frameAt(Fixture.TEXT + 4096)).isEqualTo(f.pmap(a).frameAt(Fixture.TEXT + 4096));
        assertThat(b.residentPages()).isEqualTo(1);

        a.destroy(0);
        assertThat(f.vm.freeFrames()).as("b still runs sh").isEqualTo(31);
        assertThat(f.load(b, Fixture.TEXT + 4096)).isZero();
        b.destroy(0);
        assertThat(f.vm.freeFrames()).isEqualTo(32);
        assertThat(f.mm().texts.size()).as("the last user's exit forgets the text").isZero();

        var c = f.create(Fixture.image("sh", 3 * 4096, 4096, 1 << 20));
        assertThat(c.residentPages()).as("a fresh region once the last user left").isZero();
        c.destroy(0);
    }

    @Test
    void text_unmapped_by_every_user_is_freed_and_forgotten() {
        var a = f.create(Fixture.image("tee", 2 * 4096, 0, 1 << 20));
        var child = a.fork(0);
        f.load(a, Fixture.TEXT);
        f.load(a, Fixture.TEXT + 4096);
        a.munmap(0, Fixture.TEXT, 4096);
        assertThat(f.vm.freeFrames()).as("the child still runs the text").isEqualTo(30);
        assertThat(f.load(child, Fixture.TEXT)).isZero();
        child.destroy(0);
        a.munmap(0, Fixture.TEXT + 4096, 4096);
        assertThat(f.vm.freeFrames()).isEqualTo(32);
        assertThat(f.mm().texts.size()).isZero();
        assertThat(f.canLoad(a, Fixture.TEXT)).isFalse();
        a.destroy(0);
    }

    @Test
    void different_programs_get_different_text() {
        var a = f.create(Fixture.image("cat", 4096, 0, 1 << 20));
        var b = f.create(Fixture.image("echo", 4096, 0, 1 << 20));
        f.load(a, Fixture.TEXT);
        f.load(b, Fixture.TEXT);
        assertThat(f.pmap(a).frameAt(Fixture.TEXT)).isNotEqualTo(f.pmap(b).frameAt(Fixture.TEXT));
        assertThat(f.vm.freeFrames()).isEqualTo(30);
        a.destroy(0);
        b.destroy(0);
        assertThat(f.vm.freeFrames()).isEqualTo(32);
        assertThat(f.mm().texts.size()).as("the last user's exit forgets the text").isZero();
    }

    @Test
    void a_reinstalled_program_gets_new_text_while_old_users_keep_theirs() {
        var old = f.create(Fixture.image("vi", 4096, 0, 1 << 20));
        f.load(old, Fixture.TEXT);
        var fresh = f.create(Fixture.image("vi", 2 * 4096, 0, 1 << 20));
        f.load(fresh, Fixture.TEXT);
        assertThat(f.pmap(fresh).frameAt(Fixture.TEXT)).isNotEqualTo(f.pmap(old).frameAt(Fixture.TEXT));
        old.destroy(0);
        var third = f.create(Fixture.image("vi", 2 * 4096, 0, 1 << 20));
        assertThat(third.residentPages()).as("shares the new text, not the old").isEqualTo(1);
        fresh.destroy(0);
        third.destroy(0);
        assertThat(f.vm.freeFrames()).isEqualTo(32);
    }
}
