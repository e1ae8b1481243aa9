package vn.onestop.analytics.model;

/**
 * What an agency showed on one risk input in a period, before any comparison: a share of dossiers ({@code events} of
 * {@code of}, the bad ones — late dossiers without apology of late dossiers; {@code value} = events ÷ of) or a plain
 * figure ({@code of} null: a count, the trend).
 */
public record ObservedInput(double value, Long events, Long of) {
    public boolean isShare() {
        return of != null;
    }
}
