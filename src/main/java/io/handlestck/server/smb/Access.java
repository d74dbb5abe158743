package io.handlestck.server.smb;

import io.handlestck.server.model.AccessRights;

/** Access masks and share modes of CREATE (MS-SMB2 §2.2.13.1, MS-FSA sharing rules). */
final class Access {

    static final int READ_DATA = 0x1;
    static final int WRITE_DATA = 0x2;
    static final int APPEND_DATA = 0x4;
    static final int READ_EA = 0x8;
    static final int WRITE_EA = 0x10;
    static final int EXECUTE = 0x20;
    static final int DELETE_CHILD = 0x40;
    static final int READ_ATTRIBUTES = 0x80;
    static final int WRITE_ATTRIBUTES = 0x100;
    static final int DELETE = 0x10000;
    static final int READ_CONTROL = 0x20000;
    static final int WRITE_DAC = 0x40000;
    static final int WRITE_OWNER = 0x80000;
    static final int SYNCHRONIZE = 0x100000;
    static final int MAXIMUM_ALLOWED = 0x02000000;
    static final int GENERIC_ALL = 0x10000000;
    static final int GENERIC_EXECUTE = 0x20000000;
    static final int GENERIC_WRITE = 0x40000000;
    static final int GENERIC_READ = 0x80000000;

    static final int ALL = 0x001F01FF;
    static final int READ_ALL = READ_DATA | READ_EA | READ_ATTRIBUTES | READ_CONTROL | SYNCHRONIZE;
    static final int WRITE_ALL = WRITE_DATA | APPEND_DATA | WRITE_EA | WRITE_ATTRIBUTES | READ_CONTROL | SYNCHRONIZE;
    static final int WRITES = WRITE_DATA | APPEND_DATA | WRITE_EA | WRITE_ATTRIBUTES | DELETE | WRITE_DAC | WRITE_OWNER
            | DELETE_CHILD;

    static final int SHARE_READ = 0x1;
    static final int SHARE_WRITE = 0x2;
    static final int SHARE_DELETE = 0x4;

    /** The bits in a DesiredAccess that the protocol defines; others are STATUS_ACCESS_DENIED. */
    private static final int DEFINED = ALL | MAXIMUM_ALLOWED | GENERIC_ALL | GENERIC_EXECUTE | GENERIC_WRITE | GENERIC_READ
            | 0x01000000; // ACCESS_SYSTEM_SECURITY

    private Access() {
    }

    /** DesiredAccess with its generic bits mapped to the file rights they stand for. */
    static int granted(int desired) {
        if ((desired & ~DEFINED) != 0) {
            throw new SmbException(NtStatus.ACCESS_DENIED, "undefined access bits");
        }
        int access = desired & ALL;
        if ((desired & (GENERIC_ALL | MAXIMUM_ALLOWED)) != 0) {
            access |= ALL;
        }
        if ((desired & GENERIC_READ) != 0) {
            access |= READ_ALL;
        }
        if ((desired & GENERIC_WRITE) != 0) {
            access |= WRITE_ALL;
        }
        if ((desired & GENERIC_EXECUTE) != 0) {
            access |= EXECUTE | READ_ATTRIBUTES | READ_CONTROL | SYNCHRONIZE;
        }
        return access;
    }

    /** What List Handles reports: Read for data reads, Write for data writes, Delete for DELETE. */
    static AccessRights rights(int access) {
        return new AccessRights((access & (READ_DATA | EXECUTE)) != 0, (access & (WRITE_DATA | APPEND_DATA)) != 0,
                (access & DELETE) != 0);
    }

    /**
     * True when two opens of one file may coexist (MS-FSA §2.1.5.1.2.1): each open's data access
     * (read/execute, write/append, delete) must be allowed by the other's share mode.
     */
    static boolean compatible(int accessA, int shareA, int accessB, int shareB) {
        return allows(shareA, accessB) && allows(shareB, accessA);
    }

    private static boolean allows(int share, int access) {
        if ((access & (READ_DATA | EXECUTE)) != 0 && (share & SHARE_READ) == 0) {
            return false;
        }
        if ((access & (WRITE_DATA | APPEND_DATA)) != 0 && (share & SHARE_WRITE) == 0) {
            return false;
        }
        return (access & DELETE) == 0 || (share & SHARE_DELETE) != 0;
    }
}
