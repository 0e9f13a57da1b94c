package sprocket.kernel.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sprocket.api.sys.Fcntl.O_CREAT;
import static sprocket.api.sys.Fcntl.O_RDONLY;
import static sprocket.api.sys.Fcntl.O_RDWR;
import static sprocket.api.sys.Fcntl.O_TRUNC;
import static sprocket.api.sys.Fcntl.O_WRONLY;
import static sprocket.api.sys.Fcntl.SEEK_SET;
import static sprocket.kernel.vfs.Fixture.ROOT;
import static sprocket.kernel.vfs.Fixture.USER;
import static sprocket.kernel.vfs.Fixture.read;
import static sprocket.kernel.vfs.Fixture.write;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import sprocket.api.fs.FilePages;

class MappingReferenceTest {

    private static final int PAGE = 16;

    private final Fixture fx = new Fixture();

    private Entry file(String path, String contents) {
        var f = fx.open(fx.at(ROOT), path, O_CREAT | O_RDWR, 0644);
        assertThat(write(f, contents)).isEqualTo(contents.length());
        return f;
    }

    private static byte[] page(String s) {
        return Arrays.copyOf(s.getBytes(StandardCharsets.US_ASCII), PAGE);
    }

    @Test
    void every_open_of_a_file_gives_the_same_vnode_and_every_call_a_new_reference() {
        var f = file("/tmp/m", "abc");
        var g = fx.open(fx.at(USER), "/tmp/m", O_RDONLY, 0);
        FilePages p = f.pages();
        FilePages q = f.pages();
        FilePages r = g.pages();
        assertThat(p).isNotSameAs(q);
        assertThat(p.inode()).isSameAs(q.inode()).isSameAs(r.inode()).isSameAs(fx.vnode("/tmp/m").inode);
        assertThat(file("/tmp/other", "abc").pages().inode()).isNotSameAs(p.inode());
    }

    @Test
    void read_copies_the_file_and_zeros_the_page_past_the_end() {
        var f = file("/tmp/m", "0123456789abcdefXYZ");
        FilePages p = f.pages();
        assertThat(p.size()).isEqualTo(19);
        byte[] page = new byte[PAGE];
        assertThat(p.read(0, page)).isEqualTo(PAGE);
        assertThat(page).isEqualTo(page("0123456789abcdef"));
        // mmap(2): "the system shall always zero-fill any partial page at the end of an object".
        Arrays.fill(page, (byte) 7);
        assertThat(p.read(PAGE, page)).isEqualTo(3);
        assertThat(page).isEqualTo(page("XYZ"));
        Arrays.fill(page, (byte) 7);
        assertThat(p.read(2 * PAGE, page)).isZero();
        assertThat(page).containsOnly(0);
    }

    @Test
    void read_charges_the_copy_of_the_whole_page() {
        FilePages p = file("/tmp/m", "abc").pages();
        long before = fx.kernel.charged;
        p.read(0, new byte[PAGE]);
        // The copy service's cost: the fixture's machine copies a word a cycle.
        assertThat(fx.kernel.charged - before).isEqualTo(PAGE / 4);
    }

    @Test
    void write_back_reaches_the_file_and_never_extends_it() {
        var f = file("/tmp/m", "0123456789abcdefXYZ");
        FilePages p = f.pages();
        assertThat(p.write(0, page("ABCD"), 4)).isEqualTo(4);
        // mmap(2): "the system shall never write out any modified portions of the last page of an object which are beyond its end".
        assertThat(p.write(PAGE, page("uvwxyz"), PAGE)).isEqualTo(3);
        assertThat(p.write(2 * PAGE, page("gone"), PAGE)).isZero();
        assertThat(p.size()).isEqualTo(19);
        assertThat(f.stat().size()).isEqualTo(19);
        f.lseek(0, SEEK_SET);
        assertThat(read(f, 100)).isEqualTo("ABCD456789abcdefuvw");
    }

    @Test
    void write_back_marks_mtime_and_ctime_and_read_marks_atime() {
        var f = file("/tmp/m", "abc");
        FilePages p = f.pages();
        long created = f.stat().mtime();
        fx.kernel.now += 5 * FakeKernel.HZ;
        p.write(0, page("z"), 1);
        assertThat(f.stat().mtime()).isEqualTo(f.stat().ctime()).isGreaterThanOrEqualTo(created + 5);
        fx.kernel.now += 5 * FakeKernel.HZ;
        p.read(0, new byte[PAGE]);
        assertThat(f.stat().atime()).isGreaterThanOrEqualTo(created + 10);
        long written = f.stat().mtime();
        fx.kernel.now += 5 * FakeKernel.HZ;
        // Nothing of the page lies in the file, so the file is not modified.
        p.write(PAGE, page("x"), 1);
        assertThat(f.stat().mtime()).isEqualTo(written);
    }

    @Test
    void after_a_truncation_a_mapping_reads_zeros_and_writes_nothing() {
        file("/tmp/m", "abcdef");
        FilePages p = fx.open(fx.at(ROOT), "/tmp/m", O_RDONLY, 0).pages();
        fx.open(fx.at(ROOT), "/tmp/m", O_WRONLY | O_TRUNC, 0);
        assertThat(p.size()).isZero();
        assertThat(p.write(0, page("xyz"), 3)).isZero();
        byte[] page = new byte[PAGE];
        Arrays.fill(page, (byte) 1);
        assertThat(p.read(0, page)).isZero();
        assertThat(page).containsOnly(0);
        assertThat(p.inode().getattr(0).size()).isZero();
    }

    @Test
    void write_2_and_the_mapping_see_each_others_bytes() {
        var f = file("/tmp/m", "hello, world");
        FilePages p = f.pages();
        p.write(0, page("HELLO"), 5);
        f.lseek(0, SEEK_SET);
        assertThat(read(f, 100)).isEqualTo("HELLO, world");
        f.lseek(7, SEEK_SET);
        write(f, "there");
        byte[] page = new byte[PAGE];
        assertThat(p.read(0, page)).isEqualTo(12);
        assertThat(page).isEqualTo(page("HELLO, there"));
    }

    @Test
    void an_unlinked_closed_file_keeps_its_data_until_the_last_release_then_is_freed() {
        var f = file("/tmp/gone", "mapped data");
        FilePages p = f.pages();
        FilePages q = f.pages();
        f.release();
        assertThat(fx.fs.unlink(fx.at(ROOT), "/tmp/gone")).isZero();
        byte[] page = new byte[PAGE];
        assertThat(p.read(0, page)).isEqualTo(11);
        assertThat(page).isEqualTo(page("mapped data"));
        p.release();
        assertThat(q.read(0, page)).isEqualTo(11);
        assertThat(q.size()).isEqualTo(11);
        var inode = q.inode();
        assertThat(inode.nlink()).isZero();
        q.release();
        // Freed with the last release: the node's storage is gone.
        assertThat(inode.size()).isZero();
    }

    @Test
    void an_unlinked_file_whose_mappings_are_gone_is_freed_at_its_last_close() {
        var f = file("/tmp/gone", "data");
        f.pages().release();
        assertThat(fx.fs.unlink(fx.at(ROOT), "/tmp/gone")).isZero();
        assertThat(f.stat().size()).isEqualTo(4);
        f.release();
        assertThat(f.stat().size()).isZero();
    }

    @Test
    void releasing_the_last_mapping_of_a_file_that_still_has_a_name_keeps_its_data() {
        var f = file("/tmp/kept", "data");
        f.release();
        FilePages p = fx.open(fx.at(ROOT), "/tmp/kept", O_RDONLY, 0).pages();
        p.release();
        assertThat(read(fx.open(fx.at(ROOT), "/tmp/kept", O_RDONLY, 0), 10)).isEqualTo("data");
    }

    @Test
    void releasing_a_reference_twice_or_using_it_after_release_is_a_programming_error() {
        FilePages p = file("/tmp/m", "abc").pages();
        p.release();
        assertThatThrownBy(p::release).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> p.read(0, new byte[PAGE])).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> p.write(0, new byte[PAGE], PAGE)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_closed_file_entry_has_no_pages_to_give() {
        var f = file("/tmp/m", "abc");
        f.release();
        assertThatThrownBy(f::pages).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void devices_and_directories_cannot_be_mapped() {
        // mmap(2): "ENODEV fildes refers to an object for which mmap is meaningless".
        for (String dev : new String[] {"/dev/null", "/dev/zero", "/dev/console", "/dev/tty"}) {
            assertThat(fx.open(fx.at(USER), dev, O_RDWR, 0).pages()).as(dev).isNull();
        }
        assertThat(fx.open(fx.at(USER), "/tmp", O_RDONLY, 0).pages()).isNull();
    }

    @Test
    void a_file_open_only_for_writing_still_gives_its_pages() {
        file("/tmp/w", "abc").release();
        var w = fx.open(fx.at(ROOT), "/tmp/w", O_WRONLY, 0);
        assertThat(w.pages()).isNotNull().satisfies(p -> assertThat(p.inode()).isSameAs(fx.vnode("/tmp/w").inode));
    }

    @Test
    void mapping_references_take_no_open_file_table_entries() {
        int before = fx.fs.openFiles();
        var f = file("/tmp/m", "abc");
        FilePages p = f.pages();
        FilePages q = f.pages();
        assertThat(fx.fs.openFiles()).isEqualTo(before + 1);
        f.release();
        assertThat(fx.fs.openFiles()).isEqualTo(before);
        p.release();
        q.release();
        assertThat(fx.fs.openFiles()).isEqualTo(before);
    }
}
