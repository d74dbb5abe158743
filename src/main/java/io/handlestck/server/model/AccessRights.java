package io.handlestck.server.model;

import java.util.ArrayList;
import java.util.List;

/** The access rights of a handle ({@code Read}, {@code Write}, {@code Delete}), stored as three bits. */
public record AccessRights(boolean read, boolean write, boolean delete) {

    private static final List<String> NAMES = List.of("Read", "Write", "Delete");

    /** Parses wire names; unknown names are rejected by the caller's validation, so this throws on them. */
    public static AccessRights of(List<String> names) {
        boolean read = false;
        boolean write = false;
        boolean delete = false;
        for (String name : names) {
            switch (name) {
                case "Read" -> read = true;
                case "Write" -> write = true;
                case "Delete" -> delete = true;
                default -> throw new IllegalArgumentException("unknown access right " + name);
            }
        }
        return new AccessRights(read, write, delete);
    }

    public static boolean isName(String name) {
        return NAMES.contains(name);
    }

    /** The wire names in the service's order: Read, Write, Delete. */
    public List<String> names() {
        List<String> names = new ArrayList<>(3);
        if (read) {
            names.add("Read");
        }
        if (write) {
            names.add("Write");
        }
        if (delete) {
            names.add("Delete");
        }
        return names;
    }

    byte bits() {
        return (byte) ((read ? 1 : 0) | (write ? 2 : 0) | (delete ? 4 : 0));
    }

    static AccessRights fromBits(byte bits) {
        return new AccessRights((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0);
    }
}
