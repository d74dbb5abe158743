package io.handlestck.kit.cases;

/**
 * A number of handles named by where it falls around the target's force-close page size, which only
 * the provisioner learns at run time: just below a page, one full page, one more than a page, and two
 * pages and one. The names are what reports show as the variant.
 */
public enum PageSizeCount {
    BELOW_A_PAGE("size-1"),
    ONE_PAGE("size"),
    ONE_MORE_THAN_A_PAGE("size+1"),
    TWO_PAGES_AND_ONE("2*size+1");

    private final String label;

    PageSizeCount(String label) {
        this.label = label;
    }

    /** How many handles this is for {@code pageSize} (at least one: a page of one has nothing below it). */
    public int handles(int pageSize) {
        return switch (this) {
            case BELOW_A_PAGE -> Math.max(1, pageSize - 1);
            case ONE_PAGE -> pageSize;
            case ONE_MORE_THAN_A_PAGE -> pageSize + 1;
            case TWO_PAGES_AND_ONE -> 2 * pageSize + 1;
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
