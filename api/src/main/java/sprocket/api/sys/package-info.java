/**
 * What a program sees: the system call interface {@link sprocket.api.sys.Sys}, the {@link
 * sprocket.api.sys.Program} SPI by which programs are installed as /bin/NAME, and the constants of the
 * Unix and IRIX headers (fcntl.h, sys/wait.h, sys/stat.h, unistd.h).
 */
package sprocket.api.sys;
