package io.handlestck.server.smb;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable little-endian byte buffer for building responses. */
final class SmbWriter {

    private byte[] bytes;
    private int length;

    SmbWriter(int capacity) {
        bytes = new byte[Math.max(capacity, 16)];
    }

    int length() {
        return length;
    }

    SmbWriter u8(int value) {
        ensure(1);
        bytes[length++] = (byte) value;
        return this;
    }

    SmbWriter u16(int value) {
        ensure(2);
        bytes[length++] = (byte) value;
        bytes[length++] = (byte) (value >>> 8);
        return this;
    }

    SmbWriter u32(int value) {
        ensure(4);
        for (int i = 0; i < 4; i++) {
            bytes[length++] = (byte) (value >>> (8 * i));
        }
        return this;
    }

    SmbWriter u64(long value) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            bytes[length++] = (byte) (value >>> (8 * i));
        }
        return this;
    }

    SmbWriter zeros(int count) {
        ensure(count);
        length += count; // the array is zero-filled where nothing was written yet
        return this;
    }

    SmbWriter bytes(byte[] data) {
        return bytes(data, 0, data.length);
    }

    SmbWriter bytes(byte[] data, int offset, int count) {
        ensure(count);
        System.arraycopy(data, offset, bytes, length, count);
        length += count;
        return this;
    }

    SmbWriter utf16(String text) {
        return bytes(text.getBytes(StandardCharsets.UTF_16LE));
    }

    void putU16(int at, int value) {
        bytes[at] = (byte) value;
        bytes[at + 1] = (byte) (value >>> 8);
    }

    void putU32(int at, int value) {
        for (int i = 0; i < 4; i++) {
            bytes[at + i] = (byte) (value >>> (8 * i));
        }
    }

    byte[] array() {
        return bytes;
    }

    byte[] toArray() {
        return Arrays.copyOf(bytes, length);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
