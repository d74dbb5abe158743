package io.handlestck.server.smb;

/** The NT status codes this server answers with (MS-ERREF §2.3). */
final class NtStatus {

    static final int SUCCESS = 0x00000000;
    static final int PENDING = 0x00000103;
    static final int BUFFER_OVERFLOW = 0x80000005;
    static final int NO_MORE_FILES = 0x80000006;
    static final int NOT_IMPLEMENTED = 0xC0000002;
    static final int INVALID_INFO_CLASS = 0xC0000003;
    static final int INFO_LENGTH_MISMATCH = 0xC0000004;
    static final int INVALID_HANDLE = 0xC0000008;
    static final int INVALID_PARAMETER = 0xC000000D;
    static final int NO_SUCH_FILE = 0xC000000F;
    static final int INVALID_DEVICE_REQUEST = 0xC0000010;
    static final int END_OF_FILE = 0xC0000011;
    static final int MORE_PROCESSING_REQUIRED = 0xC0000016;
    static final int ACCESS_DENIED = 0xC0000022;
    static final int OBJECT_NAME_INVALID = 0xC0000033;
    static final int OBJECT_NAME_NOT_FOUND = 0xC0000034;
    static final int OBJECT_NAME_COLLISION = 0xC0000035;
    static final int OBJECT_PATH_NOT_FOUND = 0xC000003A;
    static final int SHARING_VIOLATION = 0xC0000043;
    static final int DELETE_PENDING = 0xC0000056;
    static final int LOGON_FAILURE = 0xC000006D;
    static final int INSUFFICIENT_RESOURCES = 0xC000009A;
    static final int MEDIA_WRITE_PROTECTED = 0xC00000A2;
    static final int FILE_IS_A_DIRECTORY = 0xC00000BA;
    static final int NOT_SUPPORTED = 0xC00000BB;
    static final int BAD_NETWORK_NAME = 0xC00000CC;
    static final int REQUEST_NOT_ACCEPTED = 0xC00000D0;
    static final int DIRECTORY_NOT_EMPTY = 0xC0000101;
    static final int NOT_A_DIRECTORY = 0xC0000103;
    static final int CANCELLED = 0xC0000120;
    static final int FILE_CLOSED = 0xC0000128;
    static final int USER_SESSION_DELETED = 0xC0000203;
    static final int NOT_FOUND = 0xC0000225;
    static final int NETWORK_NAME_DELETED = 0xC00000C9;
    static final int DISK_FULL = 0xC000007F;

    /** Severity "error" (0xC…), as opposed to success, information and warnings such as BUFFER_OVERFLOW. */
    static boolean isError(int status) {
        return (status & 0xC0000000) == 0xC0000000;
    }

    private NtStatus() {
    }
}
