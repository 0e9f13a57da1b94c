package sprocket.kernel;

import sprocket.api.sys.IpcFlags;
import sprocket.api.sys.IpcPerm;
import sprocket.api.sys.MsqidDs;
import sprocket.api.sys.Sembuf;
import sprocket.api.sys.SemidDs;
import sprocket.api.sys.ShmidDs;
import sprocket.api.sys.Sys;

/** The three kinds of System V object, each reached the same way by the tests of who may use them. */
enum SystemVObject {
    MSG {
        int get(Sys s, long key, int flags) {
            return s.msgget(key, flags);
        }

        int setIds(Sys s, int id, IpcPerm perm) {
            return ok(s, s.msgctl(id, IpcFlags.IPC_SET, new MsqidDs[] {new MsqidDs(perm, 0, 1024, 0, 0, 0, 0, 0, 0)}));
        }

        int readIt(Sys s, int id) {
            return ok(s, s.msgctl(id, IpcFlags.IPC_STAT, new MsqidDs[1]));
        }

        int alterIt(Sys s, int id) {
            return ok(s, s.msgsnd(id, 1, new byte[1], 1, IpcFlags.IPC_NOWAIT));
        }

        int removeIt(Sys s, int id) {
            return ok(s, s.msgctl(id, IpcFlags.IPC_RMID, null));
        }
    },
    SEM {
        int get(Sys s, long key, int flags) {
            return s.semget(key, 1, flags);
        }

        int setIds(Sys s, int id, IpcPerm perm) {
            return ok(s, s.semctl(id, IpcFlags.IPC_SET, new SemidDs[] {new SemidDs(perm, 1, 0, 0)}));
        }

        int readIt(Sys s, int id) {
            return ok(s, s.semctl(id, 0, IpcFlags.GETVAL, 0));
        }

        int alterIt(Sys s, int id) {
            return ok(s, s.semop(id, new Sembuf[] {new Sembuf(0, 1, 0)}));
        }

        int removeIt(Sys s, int id) {
            return ok(s, s.semctl(id, 0, IpcFlags.IPC_RMID, 0));
        }
    },
    SHM {
        int get(Sys s, long key, int flags) {
            return s.shmget(key, 4096, flags);
        }

        int setIds(Sys s, int id, IpcPerm perm) {
            return ok(s, s.shmctl(id, IpcFlags.IPC_SET, new ShmidDs[] {new ShmidDs(perm, 4096, 0, 0, 0, 0, 0, 0)}));
        }

        int readIt(Sys s, int id) {
            return attach(s, id, IpcFlags.SHM_RDONLY);
        }

        int alterIt(Sys s, int id) {
            return attach(s, id, 0);
        }

        int removeIt(Sys s, int id) {
            return ok(s, s.shmctl(id, IpcFlags.IPC_RMID, null));
        }

        private static int attach(Sys s, int id, int flags) {
            long addr = s.shmat(id, 0, flags);
            if (addr == -1) return s.errno();
            return ok(s, s.shmdt(addr));
        }
    };

    abstract int get(Sys s, long key, int flags);

    abstract int setIds(Sys s, int id, IpcPerm perm);

    abstract int readIt(Sys s, int id);

    abstract int alterIt(Sys s, int id);

    abstract int removeIt(Sys s, int id);

    /** IPC_SET of owner {@code uid}:{@code gid} and {@code mode}; 0 or the errno (of the lookup, if it failed). */
    int set(Sys s, int id, int uid, int gid, int mode) {
        return id < 0 ? s.errno() : setIds(s, id, new IpcPerm(0, uid, gid, 0, 0, mode, 0));
    }

    int read(Sys s, int id) {
        return id < 0 ? s.errno() : readIt(s, id);
    }

    int write(Sys s, int id) {
        return id < 0 ? s.errno() : alterIt(s, id);
    }

    int rmid(Sys s, int id) {
        return id < 0 ? s.errno() : removeIt(s, id);
    }

    /** 0 when {@code r} is not -1, else the errno. */
    private static int ok(Sys sys, long r) {
        return r == -1 ? sys.errno() : 0;
    }
}
