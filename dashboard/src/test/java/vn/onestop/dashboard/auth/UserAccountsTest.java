package vn.onestop.dashboard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.onestop.core.store.Store;
import vn.onestop.dashboard.sql.Sql;

class UserAccountsTest {
    @TempDir
    static Path dir;
    static Store store;

    @BeforeAll
    static void open() {
        store = Store.open("jdbc:h2:file:" + dir.resolve("store") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "", 2);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void firstAdministratorCanSignInWithItsPasswordOnly() {
        User created = UserAccounts.create(store, "Admin", "mot-mat-khau-dai", "admin", null, "Quản trị viên");
        assertEquals(new User("admin", Role.ADMIN, null, "Quản trị viên"), created);
        assertEquals(created, UserAccounts.authenticate(store, " ADMIN ", "mot-mat-khau-dai").orElseThrow());
        assertTrue(UserAccounts.authenticate(store, "admin", "mot-mat-khau-sai").isEmpty());
        assertTrue(UserAccounts.authenticate(store, "nobody", "mot-mat-khau-dai").isEmpty());
        String hash = Sql.first(store, "SELECT password_hash FROM app_user WHERE username = 'admin'",
                rs -> rs.getString(1)).orElseThrow();
        assertTrue(hash.startsWith("$2a$12$"), hash);
    }

    @Test
    void agencyViewerNeedsItsAgency() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UserAccounts.create(store, "viewer", "mot-mat-khau-dai", "agency", " ", null));
        assertEquals("An agency viewer needs the code of its agency (agency_code).", e.getMessage());
        User viewer = UserAccounts.create(store, "viewer2", "mot-mat-khau-dai", "agency", "S_TP", null);
        assertEquals("S_TP", viewer.agencyCode());
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        assertEquals("Unknown role 'boss'. Use one of: admin, inspector, agency", assertThrows(
                IllegalArgumentException.class,
                () -> UserAccounts.create(store, "x-user", "mot-mat-khau-dai", "boss", null, null)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> UserAccounts.create(store, "short", "ngan", "inspector", null, null));
        assertThrows(IllegalArgumentException.class,
                () -> UserAccounts.create(store, "x", "mot-mat-khau-dai", "inspector", null, null));
        assertThrows(IllegalArgumentException.class,
                () -> UserAccounts.create(store, "long-pass", "ư".repeat(40), "inspector", null, null));
        UserAccounts.create(store, "twice", "mot-mat-khau-dai", "inspector", null, null);
        assertEquals("User 'twice' already exists.", assertThrows(IllegalArgumentException.class,
                () -> UserAccounts.create(store, "Twice", "mot-mat-khau-dai", "inspector", null, null)).getMessage());
    }

    @Test
    void disabledAccountsCannotSignIn() {
        UserAccounts.create(store, "gone", "mot-mat-khau-dai", "inspector", null, null);
        Sql.update(store, "UPDATE app_user SET disabled = TRUE WHERE username = 'gone'");
        assertTrue(UserAccounts.authenticate(store, "gone", "mot-mat-khau-dai").isEmpty());
    }
}
