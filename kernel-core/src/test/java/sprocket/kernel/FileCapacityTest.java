package sprocket.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sprocket.api.Errno;
import sprocket.api.sys.Fcntl;
import sprocket.api.sys.Socket;

/**
 * What a program can use up of the file layer ends in the manual's errno, never in the host's memory: a memfs file
 * system has a size (ENOSPC beyond it), a file a largest size (EFBIG), and the system open file table, shared by files,
 * pipes and sockets, its kernel.nfile entries (ENFILE).
 */
class FileCapacityTest {

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void a_write_at_a_two_gigabyte_offset_fails_with_EFBIG_and_a_hole_below_it_costs_nothing(String hw) {
        var o = Sim.with("hw=" + hw).program("t", (sys, argv) -> {
            int fd = sys.open("/tmp/big", Fcntl.O_RDWR | Fcntl.O_CREAT, 0644);
            sys.lseek(fd, 2L << 30, Fcntl.SEEK_SET);
            // write(2): "EFBIG An attempt was made to write a file that exceeds ... the maximum file size."
            boolean efbig = sys.write(fd, new byte[1], 0, 1) == -1 && sys.errno() == Errno.EFBIG;
            sys.lseek(fd, 1L << 30, Fcntl.SEEK_SET);
            boolean sparse = sys.write(fd, new byte[] {42}, 0, 1) == 1;
            long size = sys.fstat(fd).size();
            sys.lseek(fd, 4096, Fcntl.SEEK_SET);
            byte[] hole = new byte[4];
            sys.read(fd, hole, 0, 4);
            Sim.puts(sys, efbig + " " + sparse + " " + size + " " + (hole[0] | hole[3]));
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("true true " + ((1L << 30) + 1) + " 0\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void a_full_memfs_says_ENOSPC_and_removing_a_file_makes_room_again(String hw) {
        var o = Sim.with("hw=" + hw, "fs.memfs.size=64K").program("t", (sys, argv) -> {
            byte[] block = new byte[8192];
            int fd = sys.open("/tmp/fill", Fcntl.O_WRONLY | Fcntl.O_CREAT, 0644);
            long written = 0;
            int n;
            while ((n = sys.write(fd, block, 0, block.length)) > 0) written += n;
            // write(2): "ENOSPC During a write to an ordinary file, there is no free space left on the device."
            boolean enospc = n == -1 && sys.errno() == Errno.ENOSPC;
            sys.close(fd);
            sys.unlink("/tmp/fill");
            int again = sys.open("/tmp/again", Fcntl.O_WRONLY | Fcntl.O_CREAT, 0644);
            boolean room = sys.write(again, block, 0, block.length) == block.length;
            Sim.puts(sys, enospc + " " + (written <= 64 * 1024) + " " + (written > 32 * 1024) + " " + room);
            return 0;
        }).run("t");
        assertThat(o.console()).isEqualTo("true true true true\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"r2000", "x86mps"})
    void pipes_and_sockets_take_entries_of_the_one_open_file_table_and_the_last_fails_with_ENFILE(String hw) {
        var o = Sim.with("hw=" + hw, "kernel.nfile=16").program("t", (sys, argv) -> {
            // init holds three entries (the console); this program shares them.
            int[] fds = new int[2];
            int pipes = 0;
            while (sys.pipe(fds) == 0) pipes++;
            // pipe(2): "ENFILE The system file table is full."
            boolean enfile = sys.errno() == Errno.ENFILE;
            // The entry left is a socket's; then the table is full for an open(2) too.
            boolean socket = sys.socket(Socket.AF_UNIX, Socket.SOCK_STREAM, 0) >= 0;
            boolean open = sys.open("/dev/null", Fcntl.O_RDONLY) == -1 && sys.errno() == Errno.ENFILE;
            Sim.puts(sys, pipes + " " + enfile + " " + socket + " " + open);
            return 0;
        }).run("t");
        // 16 entries, 3 for the console: six pipes take 12, one entry is left, too few for a seventh.
        assertThat(o.console()).isEqualTo("6 true true true\n");
    }
}
