package sprocket.api.ipc;

import sprocket.api.fs.FileOps;

/** A new pipe's two ends, each the object behind one open file: the read end and the write end. */
public record PipeEnds(FileOps readEnd, FileOps writeEnd) {
}
