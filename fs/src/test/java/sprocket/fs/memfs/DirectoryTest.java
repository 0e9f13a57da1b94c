package sprocket.fs.memfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sprocket.fs.Errnos.errno;

import java.util.List;
import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.ErrnoException;
import sprocket.api.fs.Inode;
import sprocket.api.sys.Dirent;
import sprocket.api.sys.FileMode;
import sprocket.fs.FakeKernel;
import sprocket.fs.Listing;

/** memfs directories through their vnode operations: names, link counts, the listing, and unmounting. */
class DirectoryTest {

    private final FakeKernel kernel = new FakeKernel();
    private final MemFs fs = (MemFs) new MemFsProvider().mount(kernel.context());
    private final Inode root = fs.root();

    @Test
    void a_new_file_system_is_a_sticky_world_writable_root_numbered_2_as_tmpfs_makes_it() {
        // tmpfs(5): the root directory is "mode=1777" unless told otherwise; s5 and UFS number the root 2.
        assertThat(root.ino()).isEqualTo(2);
        assertThat(root.mode()).isEqualTo(FileMode.S_IFDIR | FileMode.S_ISVTX | 0777);
        assertThat(root.nlink()).isEqualTo(2);
        assertThat(root.lookup("..")).isSameAs(root);
    }

    @Test
    void names_made_are_found_and_dot_dot_leads_to_the_parent() {
        Inode d = root.mkdir("d", 0755, 100, 10);
        Inode f = d.create("f", FileMode.S_IFREG | 0644, 100, 10, 0);
        Inode l = d.symlink("l", "f", 100, 10);
        assertThat(root.lookup("d")).isSameAs(d);
        assertThat(d.lookup("f")).isSameAs(f);
        assertThat(d.lookup("..")).isSameAs(root);
        assertThat(l.readlink()).isEqualTo("f");
        assertThat(l.mode()).isEqualTo(FileMode.S_IFLNK | 0777);
        assertThat(f.uid()).isEqualTo(100);
        assertThat(f.gid()).isEqualTo(10);
        assertThat(errno(() -> d.lookup("nope"))).isEqualTo(Errno.ENOENT);
        assertThat(errno(() -> f.lookup("x"))).isEqualTo(Errno.ENOTDIR);
    }

    @Test
    void link_counts_follow_names_and_subdirectories() {
        Inode d = root.mkdir("d", 0755, 0, 0);
        // A directory has its entry and its "."; each subdirectory's ".." adds one to its parent.
        assertThat(d.nlink()).isEqualTo(2);
        assertThat(root.nlink()).isEqualTo(3);
        Inode f = d.create("f", FileMode.S_IFREG | 0644, 0, 0, 0);
        d.link("g", f);
        assertThat(f.nlink()).isEqualTo(2);
        d.remove("f");
        assertThat(f.nlink()).isEqualTo(1);
        assertThat(d.lookup("g")).isSameAs(f);
        assertThat(errno(() -> root.rmdir("d"))).as("not empty").isEqualTo(Errno.ENOTEMPTY);
        d.remove("g");
        root.rmdir("d");
        assertThat(d.nlink()).isZero();
        assertThat(root.nlink()).isEqualTo(2);
    }

    @Test
    void rename_moves_a_directory_with_its_dot_dot_and_replaces_an_empty_one_only() {
        Inode a = root.mkdir("a", 0755, 0, 0);
        Inode b = root.mkdir("b", 0755, 0, 0);
        Inode sub = a.mkdir("sub", 0755, 0, 0);
        a.rename("sub", b, "moved");
        assertThat(b.lookup("moved")).isSameAs(sub);
        assertThat(sub.lookup("..")).isSameAs(b);
        assertThat(a.nlink()).isEqualTo(2);
        assertThat(b.nlink()).isEqualTo(3);
        Inode full = root.mkdir("full", 0755, 0, 0);
        full.create("x", FileMode.S_IFREG | 0644, 0, 0, 0);
        // rename(2): new may be replaced only by "a directory ... empty".
        assertThat(errno(() -> b.rename("moved", root, "full"))).isEqualTo(Errno.ENOTEMPTY);
        Inode empty = root.mkdir("empty", 0755, 0, 0);
        b.rename("moved", root, "empty");
        assertThat(root.lookup("empty")).isSameAs(sub);
        assertThat(empty.nlink()).as("the replaced directory is gone").isZero();
    }

    @Test
    void special_files_are_plain_nodes_that_keep_their_type_and_device_number() {
        Inode fifo = root.create("p", FileMode.S_IFIFO | 0600, 0, 0, 0);
        Inode sock = root.create("s", FileMode.S_IFSOCK | 0755, 0, 0, 0);
        Inode dev = root.create("c", FileMode.S_IFCHR | 0666, 0, 0, (1 << 18) | 3);
        assertThat(fifo.type()).isEqualTo(FileMode.S_IFIFO);
        assertThat(sock.type()).isEqualTo(FileMode.S_IFSOCK);
        assertThat(dev.getattr(7).rdev()).isEqualTo((1 << 18) | 3);
        assertThat(dev.getattr(7).dev()).as("st_dev is the kernel's").isEqualTo(7);
        assertThat(errno(() -> root.create("d", FileMode.S_IFDIR | 0755, 0, 0, 0))).isEqualTo(Errno.EINVAL);
    }

    @Test
    void readdir_gives_names_in_name_order_with_their_ino_and_type_counting_offsets_from_2() {
        Inode d = root.mkdir("d", 0755, 0, 0);
        Inode b = d.create("b", FileMode.S_IFREG | 0644, 0, 0, 0);
        d.mkdir("a", 0755, 0, 0);
        d.symlink("c", "b", 0, 0);
        Listing l = new Listing();
        List<Dirent> got = l.next(d, 10);
        assertThat(got).extracting(Dirent::name).containsExactly("a", "b", "c");
        assertThat(got.get(1)).isEqualTo(new Dirent(b.ino(), "b", FileMode.S_IFREG));
        assertThat(got).extracting(Dirent::type).containsExactly(FileMode.S_IFDIR, FileMode.S_IFREG, FileMode.S_IFLNK);
        assertThat(l.position()).isEqualTo(5);
        assertThat(l.next(d, 10)).isEmpty();
        l.seek(3);
        assertThat(l.next(d, 10)).extracting(Dirent::name).containsExactly("b", "c");
    }

    @Test
    void a_listing_resumes_after_its_last_name_though_names_before_it_went_and_others_came() {
        Inode d = root.mkdir("d", 0755, 0, 0);
        for (String n : new String[] {"a", "b", "c", "d", "e"}) d.create(n, FileMode.S_IFREG | 0644, 0, 0, 0);
        Listing l = new Listing();
        assertThat(l.next(d, 2)).extracting(Dirent::name).containsExactly("a", "b");
        d.remove("a");
        d.remove("c");
        d.create("bb", FileMode.S_IFREG | 0644, 0, 0, 0);
        assertThat(l.rest(d, 2)).containsExactly("bb", "d", "e");
    }

    @Test
    void reading_a_directory_marks_its_access_time_and_changing_it_its_modification_time() {
        Inode d = root.mkdir("d", 0755, 0, 0);
        kernel.now = 5 * FakeKernel.HZ;
        d.create("f", FileMode.S_IFREG | 0644, 0, 0, 0);
        assertThat(d.getattr(0).mtime()).isEqualTo(5);
        kernel.now = 9 * FakeKernel.HZ;
        new Listing().next(d, 4);
        assertThat(d.getattr(0).atime()).isEqualTo(9);
        assertThat(d.getattr(0).mtime()).isEqualTo(5);
    }

    @Test
    void unmounting_removes_every_name_frees_every_page_and_charges_for_each_name() {
        Inode d = root.mkdir("d", 0755, 0, 0);
        Inode f = d.create("f", FileMode.S_IFREG | 0644, 0, 0, 0);
        f.write(0, new byte[10000], 0, 10000);
        root.create("g", FileMode.S_IFREG | 0644, 0, 0, 0).write(0, new byte[1], 0, 1);
        assertThat(fs.pagesInUse()).isEqualTo(4);
        long before = kernel.charged;
        fs.unmount();
        assertThat(fs.pagesInUse()).isZero();
        assertThat(kernel.charged - before).isEqualTo(3 * MemFs.FREE_CYCLES);
        assertThat(f.nlink()).isZero();
    }

    @Test
    void chmod_keeps_the_type_and_chown_sets_both_ids_and_both_mark_the_change_time() {
        Inode f = root.create("f", FileMode.S_IFREG | 0644, 0, 0, 0);
        kernel.now = 3 * FakeKernel.HZ;
        f.chmod(04711);
        f.chown(7, 8);
        assertThat(f.mode()).isEqualTo(FileMode.S_IFREG | 04711);
        assertThat(f.getattr(0).uid()).isEqualTo(7);
        assertThat(f.getattr(0).gid()).isEqualTo(8);
        assertThat(f.getattr(0).ctime()).isEqualTo(3);
        assertThatThrownBy(() -> root.rmdir("f")).isInstanceOf(ErrnoException.class);
    }
}
