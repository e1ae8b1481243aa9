package vn.onestop.dashboard.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.onestop.core.store.Store;
import vn.onestop.dashboard.sql.Sql;

/**
 * The dashboard's accounts in {@code app_user}, passwords hashed with bcrypt. The command line creates the
 * first administrator with {@link #create}; the login form calls {@link #authenticate}.
 */
public final class UserAccounts {
    static final int BCRYPT_COST = 12;
    static final int MIN_PASSWORD_LENGTH = 8;
    /** bcrypt reads at most 72 bytes; longer passwords would be silently cut, so they are refused. */
    static final int MAX_PASSWORD_BYTES = 71;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._@-]{3,80}");
    private static final ZoneId LOCAL_TIME = ZoneId.of("Asia/Ho_Chi_Minh");

    /** Compared against when the user does not exist, so that a wrong name costs as long as a wrong password. */
    private static volatile String absentUserHash;

    private UserAccounts() {
    }

    /**
     * Creates an account.
     *
     * @param role       {@code admin}, {@code inspector} or {@code agency}
     * @param agencyCode required for {@code agency}: the agency (and its children) the user may see
     * @throws IllegalArgumentException naming what is wrong: the name, the password, the role, or a duplicate
     */
    public static User create(Store store, String username, String password, String role, String agencyCode,
                              String displayName) {
        String name = normalise(username);
        if (!USERNAME.matcher(name).matches()) {
            throw new IllegalArgumentException("User name '" + username
                    + "' must be 3–80 characters of letters, digits and . _ @ -");
        }
        checkPassword(password);
        Role parsed = Role.ofUser(role);
        String agency = agencyCode == null || agencyCode.isBlank() ? null : agencyCode.strip();
        if (parsed == Role.AGENCY && agency == null) {
            throw new IllegalArgumentException("An agency viewer needs the code of its agency (agency_code).");
        }
        if (find(store, name).isPresent()) {
            throw new IllegalArgumentException("User '" + name + "' already exists.");
        }
        String hash = BCrypt.withDefaults().hashToString(BCRYPT_COST, password.toCharArray());
        Sql.update(store, "INSERT INTO app_user (username, password_hash, role, agency_code, display_name, created_at, "
                        + "disabled) VALUES (?, ?, ?, ?, ?, ?, FALSE)",
                name, hash, parsed.storeName(), agency, displayName, LocalDateTime.now(LOCAL_TIME));
        return new User(name, parsed, agency, displayName);
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("The password must have at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("The password must not exceed " + MAX_PASSWORD_BYTES
                    + " bytes in UTF-8 (bcrypt ignores the rest).");
        }
    }

    /** The enabled user with this name and password, or empty; takes about as long either way. */
    public static Optional<User> authenticate(Store store, String username, String password) {
        if (username == null || password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return Optional.empty();
        }
        Optional<StoredUser> stored = stored(store, normalise(username));
        String hash = stored.map(StoredUser::passwordHash).orElseGet(UserAccounts::absentUserHash);
        boolean verified = BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
        return stored.filter(s -> verified && !s.disabled()).map(StoredUser::user);
    }

    /** The enabled user with this name (sessions re-check it, so disabling an account takes effect at once). */
    public static Optional<User> find(Store store, String username) {
        return stored(store, normalise(username)).filter(s -> !s.disabled()).map(StoredUser::user);
    }

    private record StoredUser(User user, String passwordHash, boolean disabled) {
    }

    private static Optional<StoredUser> stored(Store store, String name) {
        return Sql.first(store,
                "SELECT username, password_hash, role, agency_code, display_name, disabled FROM app_user WHERE username = ?",
                rs -> new StoredUser(new User(rs.getString("username"), Role.ofUser(rs.getString("role")),
                        rs.getString("agency_code"), rs.getString("display_name")),
                        rs.getString("password_hash"), rs.getBoolean("disabled")),
                name);
    }

    private static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static String absentUserHash() {
        if (absentUserHash == null) {
            absentUserHash = BCrypt.withDefaults().hashToString(BCRYPT_COST, "no such user".toCharArray());
        }
        return absentUserHash;
    }
}
