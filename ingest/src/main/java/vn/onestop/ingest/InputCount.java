package vn.onestop.ingest;

/** Balance of one input (a file, or a table of a source): read = accepted + quarantined + superseded. */
public record InputCount(String source, String recordType, long read, long accepted, long quarantined,
                         long superseded) {
    public boolean balances() {
        return read == accepted + quarantined + superseded;
    }
}
