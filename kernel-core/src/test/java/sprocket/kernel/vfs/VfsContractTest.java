package sprocket.kernel.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static sprocket.api.sys.Fcntl.O_APPEND;
import static sprocket.api.sys.Fcntl.O_CREAT;
import static sprocket.api.sys.Fcntl.O_RDONLY;
import static sprocket.api.sys.Fcntl.O_RDWR;
import static sprocket.api.sys.Fcntl.O_WRONLY;
import static sprocket.kernel.vfs.Fixture.ROOT;
import static sprocket.kernel.vfs.Fixture.USER;
import static sprocket.kernel.vfs.Fixture.errno;
import static sprocket.kernel.vfs.Fixture.read;
import static sprocket.kernel.vfs.Fixture.write;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sprocket.api.Errno;
import sprocket.api.fs.FileSystemProvider;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Mount;

/**
 * The kernel's side of the file-system SPI, against a file system that records every vnode operation: a new type is
 * mounted by name and crossed both ways; the kernel's checks (permission, read-only mounts, existing names, name
 * lengths) refuse before the file system is asked; "." is the kernel's; the open file's offset is the kernel's; and
 * VOP_INACTIVE comes only when the last reference to a file with no name goes.
 */
class VfsContractTest {

    private final RecordingFs rec = new RecordingFs();
    private Fixture fx;

    @BeforeEach
    void mountTheRecordingTypeOnMnt() {
        List<FileSystemProvider> all = new ArrayList<>();
        ServiceLoader.load(FileSystemProvider.class).forEach(all::add);
        all.add(rec);
        fx = new Fixture(100, new FileSystemTypes(all.stream().filter(p -> p.name().equals("memfs")).findFirst()
                .orElseThrow(), all));
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/mnt", 0755)).isZero();
        assertThat(fx.fs.mount(fx.at(ROOT), "rec0", "/mnt", "rec", 0)).isZero();
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/mnt/d", 0777)).isZero();
        rec.calls.clear();
    }

    @Test
    void a_new_type_is_mounted_by_its_name_and_crossed_into_and_out_of() {
        var d = fx.vnode("/mnt/d");
        assertThat(d.mount).isNotSameAs(fx.vnode("/").mount);
        assertThat(rec.calls).containsExactly("lookup d");
        // ".." at its root is the covered directory's parent, found without asking the mounted file system.
        rec.calls.clear();
        assertThat(fx.vnode("/mnt/d/../..")).isEqualTo(fx.vnode("/"));
        assertThat(rec.calls).containsExactly("lookup d", "lookup ..");
        assertThat(fx.fs.path(fx.fs.root(), d)).isEqualTo("/mnt/d");
    }

    @Test
    void dot_is_the_kernels_and_never_reaches_the_file_system() {
        fx.vnode("/mnt/./d/./.");
        assertThat(rec.calls).containsExactly("lookup d");
    }

    @Test
    void the_kernel_refuses_before_asking_the_file_system() {
        // No search permission for others in a 0700 directory: EACCES, and nothing below it is looked up.
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/mnt/private", 0700)).isZero();
        rec.calls.clear();
        assertThat(fx.fs.lookup(fx.at(USER), "/mnt/private/x").errno()).isEqualTo(Errno.EACCES);
        assertThat(fx.fs.mkdir(fx.at(USER), "/mnt/private/y", 0755)).isEqualTo(Errno.EACCES);
        // An existing name: EEXIST before any create.
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/mnt/d", 0755)).isEqualTo(Errno.EEXIST);
        // A component over NAME_MAX is never asked for.
        assertThat(fx.fs.lookup(fx.at(ROOT), "/mnt/" + "n".repeat(256)).errno()).isEqualTo(Errno.ENAMETOOLONG);
        // Only the names needed to get as far as the refusal: never "x", "y" or the long name.
        assertThat(rec.calls).containsExactly("lookup private", "lookup private", "lookup d");
    }

    @Test
    void a_read_only_mount_is_refused_every_change_by_the_kernel() {
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/ro", 0755)).isZero();
        assertThat(fx.fs.mount(fx.at(ROOT), "rec1", "/ro", "rec", Mount.MS_RDONLY)).isZero();
        rec.calls.clear();
        assertThat(fx.fs.mkdir(fx.at(ROOT), "/ro/d", 0755)).isEqualTo(Errno.EROFS);
        assertThat(fx.fs.open(fx.at(ROOT), "/ro/f", O_CREAT | O_WRONLY, 0644).errno()).isEqualTo(Errno.EROFS);
        assertThat(fx.fs.chmod(fx.at(ROOT), "/ro", 0700)).isEqualTo(Errno.EROFS);
        assertThat(rec.calls).allMatch(c -> c.startsWith("lookup"));
        assertThat(fx.fs.umount(fx.at(ROOT), "/ro")).isZero();
    }

    @Test
    void the_offset_and_the_append_flag_are_the_open_files_not_the_file_systems() {
        Entry a = fx.open(fx.at(ROOT), "/mnt/d/f", O_CREAT | O_RDWR, 0644);
        Entry b = fx.open(fx.at(ROOT), "/mnt/d/f", O_RDWR | O_APPEND, 0);
        assertThat(write(a, "abc")).isEqualTo(3);
        assertThat(write(b, "XY")).isEqualTo(2);
        assertThat(write(a, "d")).isEqualTo(1);
        assertThat(rec.calls).contains("write 0", "write 3").endsWith("write 3");
        assertThat(a.lseek(0, Fcntl.SEEK_SET)).isZero();
        assertThat(read(a, 10)).isEqualTo("abcdY");
        a.release();
        b.release();
    }

    @Test
    void an_unlinked_file_becomes_inactive_at_its_last_close_and_not_before() {
        Entry f = fx.open(fx.at(ROOT), "/mnt/d/f", O_CREAT | O_RDWR, 0644);
        f.hold();
        assertThat(fx.fs.unlink(fx.at(ROOT), "/mnt/d/f")).isZero();
        f.release();
        assertThat(rec.inactive).isZero();
        f.release();
        assertThat(rec.inactive).isEqualTo(1);
        // A file nothing held goes at once.
        fx.open(fx.at(ROOT), "/mnt/d/g", O_CREAT | O_RDONLY, 0644).release();
        assertThat(fx.fs.unlink(fx.at(ROOT), "/mnt/d/g")).isZero();
        assertThat(rec.inactive).isEqualTo(2);
    }

    @Test
    void umount_waits_for_the_last_open_file_then_asks_the_file_system_once() {
        Entry f = fx.open(fx.at(ROOT), "/mnt/d/f", O_CREAT | O_RDWR, 0644);
        assertThat(fx.fs.umount(fx.at(ROOT), "/mnt")).isEqualTo(Errno.EBUSY);
        f.release();
        assertThat(fx.fs.umount(fx.at(ROOT), "/mnt")).isZero();
        assertThat(rec.unmounts).isEqualTo(1);
        assertThat(fx.fs.lookup(fx.at(ROOT), "/mnt/d").errno()).isEqualTo(Errno.ENOENT);
        assertThat(errno(() -> fx.names.mount(fx.at(ROOT), "x", "/mnt", "nfs", 0))).isEqualTo(Errno.ENODEV);
    }
}
