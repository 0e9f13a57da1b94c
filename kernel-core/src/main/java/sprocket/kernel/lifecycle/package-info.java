/**
 * Birth and death of processes: init, fork(2) and vfork(2), exec(2) with its argument vector and the programs
 * installed in /bin, exit(2) with its orphans and zombies, and waitpid(2)'s reaping. The system call layer checks
 * the arguments and starts new processes running.
 */
package sprocket.kernel.lifecycle;
