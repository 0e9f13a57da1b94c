package sprocket.api.kernel;

/**
 * The kernel's tables that sar(1) -v reports (System V's proc-sz, inod-sz and file-sz columns, each with its "ov"):
 * the process table, the in-core inode (vnode) table and the system open file table.
 */
public record SystemTables(TableStatus proc, TableStatus inode, TableStatus file) {
}
