/**
 * The system-call fuzzer: generates random programs from a seed (processes making long sequences of system calls with
 * plausible and hostile arguments, forking and sproc'ing children that fuzz too), runs them on the real kernel through
 * its facade, and reports what broke, each finding with a reproducer and a minimised call list.
 */
module sprocket.fuzz {
    requires transitive sprocket.api;
    requires transitive sprocket.kernel;
    // The fuzzed programs link with the C library and fuzz its arena routines.
    requires sprocket.libc;

    // The campaign, for the command (sprocket fuzz) and the tests; the generator and executor stay inside.
    exports sprocket.fuzz;
}
