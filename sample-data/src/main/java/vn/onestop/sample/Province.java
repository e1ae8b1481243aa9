package vn.onestop.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import vn.onestop.core.calendar.DurationUnit;
import vn.onestop.core.calendar.WorkingCalendar;

/**
 * The sample province: agencies (before and after the 1 July 2025 reorganisation), the procedure catalogue and which
 * agency handles which procedure. Read from the resource tables beside this class; independent of the seed.
 */
final class Province {
    /** First day of the two-level local government (Resolution 202/2025/QH15). */
    static final LocalDate REORGANISED_ON = LocalDate.of(2025, 7, 1);
    private static final long CATALOGUE_SEED = 0x766_2022L;

    private final List<Agency> agencies;
    private final List<Procedure> procedures;
    private final List<List<Procedure>> proceduresByAgency;
    private final Map<String, Agency> agencyByCode = new TreeMap<>();

    private Province(List<Agency> agencies, List<Procedure> procedures) {
        this.agencies = List.copyOf(agencies);
        this.procedures = List.copyOf(procedures);
        List<List<Procedure>> byAgency = new ArrayList<>();
        for (Agency a : agencies) {
            agencyByCode.put(a.code(), a);
            List<Procedure> handled = new ArrayList<>();
            for (Procedure p : procedures) {
                if (handles(a, p.handledBy())) {
                    handled.add(p);
                }
            }
            byAgency.add(List.copyOf(handled));
        }
        this.proceduresByAgency = List.copyOf(byAgency);
    }

    static Province konTum(WorkingCalendar calendar) {
        Map<String, Procedure.Field> fields = new TreeMap<>();
        for (CSVRecord r : read("fields.psv")) {
            fields.put(r.get("field_code"), new Procedure.Field(r.get("field_code"), r.get("field_name"),
                    r.get("province_unit"), r.get("district_unit"), r.get("commune_unit"), r.get("new_commune_unit")));
        }
        List<Agency> agencies = new ArrayList<>();
        for (CSVRecord r : read("agencies.psv")) {
            AgencyRole role = AgencyRole.parse(r.get("role"));
            boolean old = role == AgencyRole.DISTRICT || role == AgencyRole.COMMUNE;
            agencies.add(new Agency(agencies.size(), role, r.get("code"), r.get("name"), blankToNull(r.get("parent")),
                    role == AgencyRole.NEW_COMMUNE ? REORGANISED_ON : null,
                    old ? REORGANISED_ON.minusDays(1) : null, blankToNull(r.get("successor")),
                    r.get("size").isBlank() ? 0 : Double.parseDouble(r.get("size")),
                    Double.parseDouble(r.get("minority"))));
        }
        SplittableRandom rng = new SplittableRandom(CATALOGUE_SEED);
        List<Procedure> procedures = new ArrayList<>();
        for (CSVRecord r : read("procedures.psv")) {
            Procedure.Field field = fields.get(r.get("field_code"));
            if (field == null) {
                throw new IllegalStateException("procedures.psv line " + r.getRecordNumber() + ": unknown field "
                        + r.get("field_code"));
            }
            Announcement ann = Announcement.draw(calendar, rng);
            procedures.add(new Procedure(procedures.size(), r.get("procedure_code"), r.get("name"), field,
                    r.get("authority_level"), Integer.parseInt(r.get("legal_duration")),
                    DurationUnit.parse(r.get("duration_unit")), r.get("online_level"),
                    Boolean.parseBoolean(r.get("full_online_eligible")), Boolean.parseBoolean(r.get("result_is_document")),
                    Boolean.parseBoolean(r.get("has_fee")), r.get("applicant_kinds"), r.get("handled_by"),
                    Double.parseDouble(r.get("popularity")), r.get("fee_vnd").isBlank() ? 0 : Long.parseLong(r.get("fee_vnd")),
                    ann.announcedOn, ann.effectiveOn, ann.publishedOn, rng.nextDouble() < 0.92));
        }
        return new Province(agencies, procedures);
    }

    List<Agency> agencies() {
        return agencies;
    }

    List<Procedure> procedures() {
        return procedures;
    }

    List<Procedure> proceduresOf(Agency agency) {
        return proceduresByAgency.get(agency.index());
    }

    Agency agency(String code) {
        Agency a = agencyByCode.get(code);
        if (a == null) {
            throw new IllegalArgumentException("no agency " + code);
        }
        return a;
    }

    List<Agency> ofRole(AgencyRole role) {
        List<Agency> out = new ArrayList<>();
        for (Agency a : agencies) {
            if (a.role() == role) {
                out.add(a);
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static boolean handles(Agency a, String handledBy) {
        return switch (a.role()) {
            case PPC -> handledBy.equals("ppc");
            case DEPARTMENT -> handledBy.equals(a.code());
            case BRANCH -> handledBy.equals("branch");
            case VERTICAL -> handledBy.equals("vertical");
            case DISTRICT -> handledBy.equals("district");
            case COMMUNE -> handledBy.equals("commune");
            // From July 2025 the communes took over what the districts did.
            case NEW_COMMUNE -> handledBy.equals("commune") || handledBy.equals("district");
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static List<CSVRecord> read(String resource) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter('|').setCommentMarker('#').setHeader()
                .setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).get();
        try (InputStream in = Province.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the build");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return format.parse(reader).getRecords();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Publication dates of a procedure. Most are announced well before their legal basis takes effect and published
     * within days; some are announced late or published late (indicators 766.1.1 and 766.1.2), never within a day of
     * the 5-working-day thresholds.
     */
    private record Announcement(LocalDate announcedOn, LocalDate effectiveOn, LocalDate publishedOn) {
        static Announcement draw(WorkingCalendar calendar, SplittableRandom rng) {
            LocalDate effective = calendar.onOrAfter(LocalDate.of(2020, 3, 1).plusDays(rng.nextInt(2400)));
            LocalDate announced = rng.nextDouble() < 0.85
                    ? calendar.workingDaysBefore(effective, 7 + rng.nextInt(24))
                    : calendar.addWorkingDays(effective, rng.nextInt(15));
            LocalDate published = rng.nextDouble() < 0.9
                    ? calendar.addWorkingDays(announced, rng.nextInt(4))
                    : calendar.addWorkingDays(announced, 7 + rng.nextInt(15));
            return new Announcement(announced, effective, published);
        }
    }
}
