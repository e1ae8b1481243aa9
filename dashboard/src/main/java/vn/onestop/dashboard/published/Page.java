package vn.onestop.dashboard.published;

import java.util.List;

/** One page of a longer list: which page, its size, the total number of rows, and the rows. */
public record Page<T>(long total, int page, int pageSize, List<T> rows) {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public long pages() {
        return total == 0 ? 1 : (total + pageSize - 1) / pageSize;
    }

    public static int offset(int page, int pageSize) {
        return (Math.max(1, page) - 1) * pageSize;
    }
}
