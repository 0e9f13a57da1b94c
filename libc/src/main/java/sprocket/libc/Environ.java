package sprocket.libc;

import sprocket.api.sys.Sys;

/** getenv(3C) over the environment the program was started with ({@link Sys#environ()}). */
public final class Environ {

    private Environ() {
    }

    /** getenv(3C): the value of {@code name} ("NAME=value"), or null when the environment has none. */
    public static String getenv(Sys sys, String name) {
        String prefix = name + "=";
        for (String e : sys.environ()) {
            if (e.startsWith(prefix)) return e.substring(prefix.length());
        }
        return null;
    }
}
