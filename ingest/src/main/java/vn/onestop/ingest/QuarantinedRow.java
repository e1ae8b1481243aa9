package vn.onestop.ingest;

/** One input row that did not enter the lake, with where it was and why. */
public record QuarantinedRow(String recordType, String location, String reason, String detail, String rawValue) {
}
