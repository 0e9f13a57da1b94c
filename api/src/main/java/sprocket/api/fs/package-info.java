/**
 * The file-system SPI: a name space of vnodes and the open files behind descriptors. The kernel keeps each
 * process's descriptor table; an {@link sprocket.api.fs.OpenFile} is one entry of the system open file
 * table, shared by every descriptor that refers to it (dup, fork), with one offset.
 */
package sprocket.api.fs;
