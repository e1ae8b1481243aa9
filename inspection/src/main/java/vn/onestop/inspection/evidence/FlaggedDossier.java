package vn.onestop.inspection.evidence;

import java.util.List;
import vn.onestop.inspection.published.Flag;
import vn.onestop.inspection.published.RuleInfo;
import vn.onestop.inspection.published.TimelineStep;

/** A flag with the rule that raised it (threshold, legal basis) and the dossier's timeline. */
public record FlaggedDossier(Flag flag, RuleInfo rule, List<TimelineStep> timeline) {
    /** "R01 · Hồ sơ trễ hạn không có phiếu xin lỗi", or the id alone when the run did not publish the rule. */
    public String ruleName() {
        return rule == null ? flag.ruleId() : flag.ruleId() + " · " + rule.nameVi();
    }
}
