package sprocket.ipc;

import java.util.List;
import sprocket.api.fs.OpenFile;
import sprocket.api.sys.SockAddr;

/** One datagram waiting to be received: its bytes, whole, the sender's address, and the open files it carries. */
record Datagram(byte[] bytes, SockAddr from, List<OpenFile> rights) {
}
