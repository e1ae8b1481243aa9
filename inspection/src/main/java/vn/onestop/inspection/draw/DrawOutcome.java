package vn.onestop.inspection.draw;

import java.util.List;
import java.util.Map;

/** The agencies drawn, and per kind the places left empty because too few agencies were eligible. */
public record DrawOutcome(List<Selection> selected, Map<String, Integer> shortfall) {
    public DrawOutcome {
        selected = List.copyOf(selected);
        shortfall = Map.copyOf(shortfall);
    }
}
