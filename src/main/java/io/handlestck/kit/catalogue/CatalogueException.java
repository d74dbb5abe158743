package io.handlestck.kit.catalogue;

/** The catalogue shipped with the kit is inconsistent; a kit bug, never a verdict about a target. */
public final class CatalogueException extends RuntimeException {
    public CatalogueException(String message) {
        super(message);
    }

    public CatalogueException(String message, Throwable cause) {
        super(message, cause);
    }
}
