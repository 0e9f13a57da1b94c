/**
 * The Sprocket API: the contract shared by the kernel, every provider and every program.
 * Interfaces, records, enums and constants only; it depends on nothing but the JDK.
 */
module sprocket.api {
    exports sprocket.api;
    exports sprocket.api.spi;
    exports sprocket.api.kernel;
    exports sprocket.api.hw;
    exports sprocket.api.sched;
    exports sprocket.api.vm;
    exports sprocket.api.fs;
    exports sprocket.api.ipc;
    exports sprocket.api.sys;
}
