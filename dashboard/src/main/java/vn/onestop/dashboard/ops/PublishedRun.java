package vn.onestop.dashboard.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import vn.onestop.core.store.Store;
import vn.onestop.dashboard.sql.Sql;

/** The run the dashboard serves ({@code current_run}) and how old it is; store times are local time. */
record PublishedRun(String runId, LocalDateTime publishedAt) {
    static final ZoneId LOCAL_TIME = ZoneId.of("Asia/Ho_Chi_Minh");

    static Optional<PublishedRun> read(Store store) {
        return Sql.first(store, "SELECT run_id, published_at FROM current_run WHERE id = 1",
                rs -> new PublishedRun(rs.getString("run_id"), Sql.time(rs, "published_at")));
    }

    Duration age(Clock clock) {
        return Duration.between(publishedAt.atZone(LOCAL_TIME).toInstant(), clock.instant());
    }
}
