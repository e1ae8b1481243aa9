package vn.onestop.analytics.model;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import vn.onestop.analytics.catalogue.Catalogue;
import vn.onestop.analytics.catalogue.IndicatorDefinition;
import vn.onestop.analytics.model.RiskScoring.Input;

/**
 * An agency's top reasons to look, in Vietnamese and English: what was published (the rate and its counts) beside
 * the peers' median, never an accusation.
 */
final class RiskReasons {
    private final Catalogue catalogue;

    RiskReasons(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    String[] notScored(long dossiers, int minimum) {
        return new String[] {
            "Chưa chấm điểm: " + dossiers + " hồ sơ phải giải quyết, dưới mức tối thiểu " + minimum + ".",
            "Not scored: " + dossiers + " dossiers to handle, under the minimum of " + minimum + "."};
    }

    /** The three largest contributions, outliers first, in words a head of agency can read without offence. */
    String[] of(List<Input> inputs) {
        List<Input> top = inputs.stream().filter(i -> i.contribution() > 0)
                .sorted(Comparator.comparing((Input i) -> !i.outlier()).thenComparing(i -> -i.contribution()))
                .limit(3).toList();
        if (top.isEmpty()) {
            return new String[] {"Không có dấu hiệu nổi bật so với đơn vị cùng loại.",
                "Nothing stands out against peer agencies."};
        }
        List<String> vi = new ArrayList<>();
        List<String> en = new ArrayList<>();
        for (Input i : top) {
            vi.add(describe(i, true));
            en.add(describe(i, false));
        }
        return new String[] {String.join("; ", vi) + ".", String.join("; ", en) + "."};
    }

    private String describe(Input i, boolean vi) {
        NumberFormat f = NumberFormat.getNumberInstance(vi ? Locale.forLanguageTag("vi-VN") : Locale.ENGLISH);
        f.setMaximumFractionDigits(1);
        String peers = vi ? "trung vị đơn vị cùng loại " : "peers' median ";
        double shown = RiskInputs.shown(i.id(), i.observed().value(), i.observed().isShare());
        String median = f.format(i.observedPeerMedian());
        if (i.id().startsWith("gap:")) {
            IndicatorDefinition d = catalogue.find(i.id().substring(4)).orElseThrow();
            return (vi ? d.nameVi() + " đạt " : d.nameEn() + " at ") + f.format(shown) + " %"
                    + (vi ? ", chỉ tiêu " : ", target ") + f.format(d.target()) + " % (" + peers + median + " %)";
        }
        return switch (i.id()) {
            case RiskInputs.FEEDBACK -> f.format(shown) + (vi ? " phản ánh, kiến nghị trên 1.000 hồ sơ"
                    : " feedback items per 1,000 dossiers") + " (" + peers + median + ")";
            case RiskInputs.CONDUCT -> f.format(shown) + (vi ? " phản ánh về hành vi cán bộ" : " complaints about staff conduct")
                    + " (" + peers + median + ")";
            case RiskInputs.TREND -> (vi ? "Xấu đi so với kỳ trước ở các đầu vào chiếm " : "Worse than the previous period "
                    + "on inputs carrying ") + f.format(shown) + (vi ? " % tổng trọng số" : " % of the weight") + " ("
                    + peers + median + " %)";
            default -> {
                IndicatorDefinition d = catalogue.find(i.id()).orElseThrow();
                String name = (vi ? d.nameVi() : d.nameEn()) + ": ";
                yield !i.observed().isShare() ? name + f.format(shown) + " (" + peers + median + ")"
                        : name + f.format(shown) + " % (" + f.format(i.observed().events()) + (vi ? "/" : " of ")
                        + f.format(i.observed().of()) + "; " + peers + median + " %)";
            }
        };
    }
}
