package vn.onestop.sample;

import java.text.Normalizer;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Applicants: Kinh and Kon Tum ethnic-minority (Xơ Đăng, Ba Na, Giẻ Triêng, Gia Rai…) names with diacritics,
 * 12-digit citizen ids, enterprises with 10-digit tax codes, phones {@code 09xxxxxxxx}, e-mails. All invented.
 */
final class People {
    private static final String[] FAMILY = {"Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm",
        "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương",
        "Đoàn", "Lương", "Mai", "Tạ", "Hà", "Cao"};
    private static final String[] MALE_MIDDLE = {"Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Thanh",
        "Ngọc", "Xuân", "Đình", "Tuấn", "Anh"};
    private static final String[] FEMALE_MIDDLE = {"Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ", "Hồng",
        "Phương", "Bích", "Thùy"};
    private static final String[] MALE_GIVEN = {"Anh", "Bình", "Cường", "Dũng", "Đạt", "Đông", "Hải", "Hiếu", "Hòa",
        "Hùng", "Huy", "Khánh", "Khoa", "Lâm", "Long", "Lộc", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Sơn",
        "Tài", "Thắng", "Thành", "Thịnh", "Toàn", "Trung", "Tuấn", "Việt", "Vinh"};
    private static final String[] FEMALE_GIVEN = {"An", "Anh", "Châu", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh",
        "Hằng", "Hiền", "Hoa", "Hương", "Huyền", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Nhung",
        "Oanh", "Phương", "Quyên", "Thảo", "Thủy", "Trang", "Trinh", "Uyên", "Yến"};
    private static final String[] MINORITY_MALE = {"Blong", "Thuân", "Kiên", "Pơn", "Hiar", "Bâng", "Brel", "Duih",
        "Khâm", "Nhứt", "Bút", "Hơn", "Rin", "Lứt", "Plưn", "Thơm", "Đe", "Hyum", "Rên", "Xiêng", "Tới", "Krông",
        "Dưh", "Mui"};
    private static final String[] MINORITY_FEMALE = {"Hyêm", "Nhoi", "Thêm", "Ngưl", "Yưn", "Phia", "Hlen", "Mai",
        "Bluih", "Ngọc", "Xuân", "Blếch", "Hrin", "Dứ", "Kơ", "Nhung", "Lương", "Rơi", "Yên", "Hưởng", "Brông", "Đưh"};
    private static final String[] MINORITY_FAMILY = {"Đinh", "Hồ", "Nguyễn", "Lê", "A"};
    private static final String[] JARAI_FAMILY = {"Rơ Châm", "Ksor", "Siu", "Rơ Mah", "Kpă", "Puih", "Nay", "Rcom"};
    private static final String[] BIRTH_PROVINCE = {"062", "062", "062", "062", "062", "062", "062", "062", "062",
        "001", "038", "040", "042", "051", "052", "064", "066", "079"};
    private static final String[] COMPANY_FORM = {"Công ty TNHH ", "Công ty TNHH ", "Công ty Cổ phần ",
        "Doanh nghiệp tư nhân ", "Hợp tác xã "};
    private static final String[] COMPANY_TRADE = {"Xây dựng", "Thương mại và Dịch vụ", "Nông nghiệp", "Cà phê",
        "Vận tải", "Đầu tư Phát triển", "Dược phẩm", "Du lịch", "Sâm Ngọc Linh", "Lâm sản", "Cao su", "Vật liệu xây dựng",
        "Tư vấn Thiết kế", "Khoáng sản"};
    private static final String[] COMPANY_NAME = {"Hoàng Long", "Tây Nguyên", "Kon Tum", "Đăk Bla", "Măng Đen",
        "Ngọc Linh", "Thành Đạt", "Phú Thịnh", "Minh Phát", "Sa Thầy", "Đăk Tô", "Hưng Thịnh", "An Phú", "Việt Tiến",
        "Plei Kần", "Trường Sơn"};
    private static final String[] STATE_BODY = {"Trường Tiểu học ", "Trường Trung học cơ sở ", "Trạm Y tế ",
        "Ban Quản lý dự án đầu tư xây dựng ", "Trường Mầm non "};
    private static final String[] OTHER_BODY = {"Hội Nông dân ", "Hội Cựu chiến binh ", "Hội Phụ nữ ",
        "Chi hội Người cao tuổi ", "Tổ hợp tác "};
    private static final String[] MAIL = {"gmail.com", "gmail.com", "gmail.com", "yahoo.com", "outlook.com"};

    /** Fills the applicant fields of {@code d}. */
    void fill(Dossier d, SplittableRandom rng) {
        Procedure p = d.procedure;
        boolean person = p.forIndividuals() && (!p.forOrganisations() || rng.nextDouble() < 0.7);
        if (person) {
            d.applicantKind = 1;
            boolean female = rng.nextBoolean();
            boolean minority = rng.nextDouble() < d.agency.minorityShare();
            d.applicantName = minority ? minorityName(female, rng) : kinhName(female, rng);
            int birthYear = 1950 + rng.nextInt(56);
            int centuryGender = (birthYear >= 2000 ? 2 : 0) + (female ? 1 : 0);
            d.applicantId = pick(BIRTH_PROVINCE, rng) + centuryGender + String.format("%02d", birthYear % 100)
                    + digits(6, rng);
            d.applicantPhone = "09" + digits(8, rng);
            d.applicantEmail = rng.nextDouble() < 0.55 ? mailbox(d.applicantName, rng) + "@" + pick(MAIL, rng) : null;
            return;
        }
        double r = rng.nextDouble();
        d.applicantKind = r < 0.8 ? 2 : r < 0.9 ? 3 : 4;
        String place = placeOf(d.agency);
        d.applicantName = switch (d.applicantKind) {
            case 2 -> pick(COMPANY_FORM, rng) + pick(COMPANY_TRADE, rng) + " " + pick(COMPANY_NAME, rng);
            case 3 -> pick(STATE_BODY, rng) + place;
            default -> pick(OTHER_BODY, rng) + place;
        };
        d.applicantId = d.applicantKind == 2 ? "6100" + digits(6, rng) : d.applicantKind == 3 ? "61" + digits(8, rng) : null;
        d.applicantPhone = "09" + digits(8, rng);
        d.applicantEmail = d.applicantKind == 2 ? mailbox(d.applicantName, rng) + "@gmail.com" : null;
    }

    private static String kinhName(boolean female, SplittableRandom rng) {
        return pick(FAMILY, rng) + " " + pick(female ? FEMALE_MIDDLE : MALE_MIDDLE, rng) + " "
                + pick(female ? FEMALE_GIVEN : MALE_GIVEN, rng);
    }

    private static String minorityName(boolean female, SplittableRandom rng) {
        String given = pick(female ? MINORITY_FEMALE : MINORITY_MALE, rng);
        double r = rng.nextDouble();
        if (r < 0.5) {
            return (female ? "Y " : "A ") + given; // Xơ Đăng, Ba Na, Giẻ Triêng naming
        }
        if (r < 0.75) {
            return pick(MINORITY_FAMILY, rng) + " " + (female ? "Thị" : "Văn") + " "
                    + given;
        }
        return pick(JARAI_FAMILY, rng) + " " + (female ? "H'" + given : given); // Gia Rai
    }

    private static String placeOf(Agency a) {
        String name = a.name();
        int i = name.indexOf(" xã ");
        if (i < 0) {
            i = name.indexOf(" phường ");
        }
        if (i < 0) {
            i = name.indexOf(" thị trấn ");
        }
        if (i < 0) {
            i = name.indexOf(" huyện ");
        }
        if (i < 0) {
            return "tỉnh Kon Tum";
        }
        return name.substring(i + 1);
    }

    private static String mailbox(String name, SplittableRandom rng) {
        String ascii = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (ascii.length() > 18) {
            ascii = ascii.substring(ascii.length() - 18);
        }
        return ascii + (rng.nextInt(90) + 10);
    }

    private static String digits(int n, SplittableRandom rng) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = (char) ('0' + rng.nextInt(10));
        }
        return new String(c);
    }

    private static String pick(String[] values, SplittableRandom rng) {
        return values[rng.nextInt(values.length)];
    }
}
