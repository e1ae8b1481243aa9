package vn.onestop.inspection.draw;

/** An agency the draw chose: in which share ({@link #RISK} or {@link #RANDOM}) and in what order. */
public record Selection(int order, String agencyCode, String kind, String share) {
    public static final String RISK = "risk";
    public static final String RANDOM = "random";
}
