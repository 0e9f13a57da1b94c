package sprocket.api.hw;

/** The kind of memory access that is translated or that faulted. */
public enum Access { READ, WRITE, EXECUTE }
