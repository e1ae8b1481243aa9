package vn.onestop.sample;

import java.util.SplittableRandom;

/**
 * Pseudonymous staff ids ({@code CB00417}): a few one-stop receptionists and handlers per agency, never names.
 */
final class Officers {
    private static final int PER_AGENCY = 20;
    private static final int RECEPTIONISTS = 3;

    String receptionist(Agency a, SplittableRandom rng) {
        return id(a, rng.nextInt(RECEPTIONISTS));
    }

    String handler(Agency a, SplittableRandom rng) {
        int handlers = a.role() == AgencyRole.COMMUNE || a.role() == AgencyRole.NEW_COMMUNE ? 4 : 8;
        return id(a, RECEPTIONISTS + rng.nextInt(handlers));
    }

    /** The officer who closes the R10 bursts. */
    String closer(Agency a) {
        return id(a, RECEPTIONISTS);
    }

    private static String id(Agency a, int k) {
        return String.format("CB%05d", a.index() * PER_AGENCY + k + 1);
    }

    static String oneStopUnit(Agency a) {
        return switch (a.role()) {
            case DEPARTMENT, BRANCH, PPC -> "Trung tâm Phục vụ hành chính công tỉnh";
            case VERTICAL -> "Bộ phận Một cửa Bảo hiểm xã hội tỉnh";
            default -> "Bộ phận Một cửa";
        };
    }

    static String leaders(Agency a) {
        return switch (a.role()) {
            case DEPARTMENT -> a.name().startsWith("Ban") ? "Lãnh đạo Ban" : "Lãnh đạo Sở";
            case BRANCH -> "Lãnh đạo Chi nhánh";
            case VERTICAL -> "Lãnh đạo Bảo hiểm xã hội tỉnh";
            case PPC -> "Lãnh đạo UBND tỉnh";
            case DISTRICT -> "Lãnh đạo UBND cấp huyện";
            case COMMUNE, NEW_COMMUNE -> "Lãnh đạo UBND cấp xã";
        };
    }
}
