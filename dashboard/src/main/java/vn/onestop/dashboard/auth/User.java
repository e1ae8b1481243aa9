package vn.onestop.dashboard.auth;

/** A signed-in person: role, and for agency viewers the agency whose subtree they may see. */
public record User(String username, Role role, String agencyCode, String displayName) {
    public String shownName() {
        return displayName == null || displayName.isBlank() ? username : displayName;
    }
}
