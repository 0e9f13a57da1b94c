/**
 * The scheduler test kit: a JUnit 5 class a scheduling plug-in's tests extend, which boots the real kernel with the
 * policy under test behind a checking decorator and runs generated workloads on 1..8 CPUs.
 */
module sprocket.sched.tck {
    requires transitive sprocket.api;
    requires transitive org.junit.jupiter.api;
    requires sprocket.kernel;
    // The kit's workload programs link with the C library, as programs do.
    requires sprocket.libc;
    requires org.assertj.core;

    // The one deliberate export: this module IS an API, the base class plug-in authors' tests extend.
    exports sprocket.sched.tck;

    // JUnit instantiates the kit's test classes and calls their methods by reflection.
    opens sprocket.sched.tck to org.junit.platform.commons;
}
