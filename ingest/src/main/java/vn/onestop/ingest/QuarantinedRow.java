package vn.onestop.ingest;

/**
 * One input row that did not enter the lake, with where it was and why. Detail and raw value are kept as
 * {@link QuarantineText} shows them: whatever the source held, they fit the store and can be printed.
 */
public record QuarantinedRow(String recordType, String location, String reason, String detail, String rawValue) {
    public QuarantinedRow {
        detail = QuarantineText.shown(detail, QuarantineText.DETAIL_MAX);
        rawValue = QuarantineText.shown(rawValue, QuarantineText.RAW_MAX);
    }
}
